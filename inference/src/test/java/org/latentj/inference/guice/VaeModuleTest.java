package org.latentj.inference.guice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.util.Modules;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.distributions.Bernoulli;
import org.latentj.distributions.ContinuousBernoulli;
import org.latentj.distributions.ContinuousBernoulliHead;
import org.latentj.distributions.Normal;
import org.latentj.distributions.NormalHead;
import org.latentj.inference.objectives.AnalyticKlElbo;
import org.latentj.inference.training.EpochSummary;
import org.latentj.inference.training.MinibatchData;
import org.latentj.inference.training.Svi;
import org.latentj.inference.training.Trainer;
import org.latentj.inference.training.TrainingListener;
import org.latentj.inference.training.TrainingState;
import org.latentj.model.Batch;
import org.latentj.model.Head;
import org.latentj.model.Program;
import org.latentj.model.Trace;
import org.latentj.nn.Activation;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

class VaeModuleTest {

  static final VaeSettings SMALL = VaeSettings.builder().inputSize(12).hiddenSizes(List.of(16))
      .latentSize(2).activation(Activation.TANH).optimizer(OptimizersModule.ADAM, 0.01).build();

  /** Binary data with structure: two prototypes, each pixel flipped with probability 0.1. */
  static DMatrixRMaj data() {
    var rng = Rngs.create(5);
    DMatrixRMaj x = new DMatrixRMaj(400, 12);
    for (int i = 0; i < 400; i++) {
      boolean left = rng.nextBoolean();
      for (int j = 0; j < 12; j++) {
        boolean on = (j < 6) == left;
        x.set(i, j, (rng.nextDouble() < 0.1) != on ? 1 : 0);
      }
    }
    return x;
  }

  /** The likelihood p(x|z) the model builds, read off one replayed run. */
  static Object likelihoodOf(Injector injector) {
    Program model = injector.getInstance(Key.get(Program.class, Model.class));
    Program guide = injector.getInstance(Key.get(Program.class, Guide.class));
    Batch batch = Batch.of(Tensor.constant(data()).rows(0, 3));
    Trace g = Trace.guide(guide, batch, Rngs.create(1));
    Trace m = Trace.replay(model, batch, g);
    return m.site("x").distribution();
  }

  @Test
  void defaultsBuildATrainableVae() {
    Injector injector = Guice.createInjector(new VaeModule(SMALL));
    Svi svi = injector.getInstance(Svi.class);
    assertThat(svi.objective()).isInstanceOf(AnalyticKlElbo.class);
    assertThat(likelihoodOf(injector)).isInstanceOf(Bernoulli.class);
    assertThat(svi.parameters().keySet()).contains(
        "model.decoder.network.layer0.weight", "guide.encoder.network.layer2.bias");

    double[] bounds = new double[2];
    new Trainer(svi, MinibatchData.of(data(), 50)).addListener(new TrainingListener() {
      @Override
      public void onEpochEnd(TrainingState s, EpochSummary e) {
        bounds[e.epoch() == 1 ? 0 : 1] = e.trainBound();
      }
    }).fit(30, Rngs.create(3));
    // 12 pixels near two prototypes: the bound climbs from about -8.3 (12 log 2) towards
    // the data's entropy given the prototype, about -12 H(0.1) = -3.9 nats.
    assertThat(bounds[0]).isLessThan(-6);
    assertThat(bounds[1]).isGreaterThan(-5.5);
  }

  @Test
  void oneBindingSwapsTheLikelihood() {
    Injector continuous = Guice.createInjector(new VaeModule(SMALL), binder ->
        OptionalBinder.newOptionalBinder(binder, Key.get(Head.class, LikelihoodHead.class))
            .setBinding().toInstance(new ContinuousBernoulliHead()));
    assertThat(likelihoodOf(continuous)).isInstanceOf(ContinuousBernoulli.class);

    Injector gaussian = Guice.createInjector(Modules.override(new VaeModule(SMALL)).with(
        binder -> binder.bind(Head.class).annotatedWith(LikelihoodHead.class)
            .toInstance(NormalHead.meanAndLogVariance())));
    assertThat(likelihoodOf(gaussian)).isInstanceOf(Normal.class);
    // The decoder follows the head: mean and log-variance for each of the 12 features.
    assertThat(gaussian.getInstance(Svi.class).parameters()
        .get("model.decoder.network.layer2.bias").cols()).isEqualTo(24);
    double bound = gaussian.getInstance(Svi.class).step(
        Batch.of(Tensor.constant(data()).rows(0, 50)), Rngs.create(2));
    assertThat(bound).isFinite();
  }

  @Test
  void settingsNameTheLikelihoodToo() {
    Injector gaussian = Guice.createInjector(new VaeModule(SMALL.toBuilder().likelihood(
        LikelihoodsModule.GAUSSIAN_LEARNED_VARIANCE).build()));
    assertThat(likelihoodOf(gaussian)).isInstanceOf(Normal.class);
    assertThat(gaussian.getInstance(Svi.class).parameters())
        .containsKey("model.decoder.head.logVariance");
  }

  @Test
  void theSeedFixesEveryWeight() {
    var a = Guice.createInjector(new VaeModule(SMALL)).getInstance(Svi.class).parameters();
    var b = Guice.createInjector(new VaeModule(SMALL)).getInstance(Svi.class).parameters();
    var c = Guice.createInjector(new VaeModule(SMALL.toBuilder().seed(43).build()))
        .getInstance(Svi.class)
        .parameters();
    for (String name : a.keySet()) {
      assertThat(a.get(name).value().data).as(name).containsExactly(b.get(name).value().data);
    }
    assertThat(a.get("guide.encoder.network.layer0.weight").value().data)
        .isNotEqualTo(c.get("guide.encoder.network.layer0.weight").value().data);
  }

  @Test
  void badSettingsAreRejectedWithTheirName() {
    assertThatThrownBy(() -> SMALL.toBuilder().latentSize(0).build())
        .hasMessageContaining("latentSize");
    assertThatThrownBy(() -> SMALL.toBuilder().hiddenSizes(List.of(16, -3)).build())
        .hasMessageContaining("hidden size").hasMessageContaining("-3");
    assertThatThrownBy(() -> SMALL.toBuilder().optimizer(OptimizersModule.ADAM, Double.NaN).build())
        .hasMessageContaining("learningRate");
  }
}
