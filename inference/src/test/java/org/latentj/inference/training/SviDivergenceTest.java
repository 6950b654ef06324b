package org.latentj.inference.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.inject.Guice;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.inference.guice.VaeModule;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.nn.Activation;
import org.latentj.tensor.Rngs;

/**
 * A parameter that an update made NaN shows up at the next forward pass as a distribution's
 * argument error; the run must still be reported as diverged, naming the step and the parameter.
 */
class SviDivergenceTest {

  @Test
  void aNonFiniteParameterIsReportedAsDivergenceNotAsABadArgument() {
    VaeSettings settings = VaeSettings.builder().inputSize(6).hiddenSizes(List.of(8)).latentSize(2)
        .activation(Activation.TANH).build();
    Svi svi = Guice.createInjector(new VaeModule(settings)).getInstance(Svi.class);
    String poisoned = "model.decoder.network.layer0.weight";
    DMatrixRMaj x = new DMatrixRMaj(40, 6);
    for (int i = 0; i < x.data.length; i++) {
      x.data[i] = i % 3 == 0 ? 1 : 0;
    }
    Trainer trainer = new Trainer(svi, MinibatchData.of(x, 10)).addListener(
        new TrainingListener() {
          @Override
          public void onStep(TrainingState state, double bound) {
            if (state.steps() == 6) {
              svi.parameters().get(poisoned).value().set(1, 2, Double.NaN);
            }
          }
        });

    TrainingDivergedException e = catchThrowableOfType(
        () -> trainer.fit(5, Rngs.create(1)), TrainingDivergedException.class);

    assertThat(e).isNotNull();
    assertThat(e.step()).isEqualTo(6);
    assertThat(e.getMessage()).startsWith("training diverged at step 6: the value of "
        + poisoned + " is NaN at row 1, column 2 (");
    assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class);
  }
}
