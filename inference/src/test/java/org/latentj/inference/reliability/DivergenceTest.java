package org.latentj.inference.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentj.inference.checkpoint.Checkpoint;
import org.latentj.inference.checkpoint.CheckpointStore;
import org.latentj.inference.guice.OptimizersModule;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.inference.training.DivergenceGuard;
import org.latentj.inference.training.MinibatchData;
import org.latentj.inference.training.Svi;
import org.latentj.inference.training.Trainer;
import org.latentj.inference.training.TrainingDivergedException;
import org.latentj.inference.training.TrainingListener;
import org.latentj.inference.training.TrainingState;
import org.latentj.nn.Parameter;
import org.latentj.tensor.Rngs;

/**
 * A run that diverges stops with a {@link TrainingDivergedException} naming the step (and the
 * parameter, when a gradient is what went non-finite), the update that would apply the bad
 * values is not made, and the checkpoint written at the last epoch end is left byte for byte as
 * it was, and loads.
 */
class DivergenceTest {

  @TempDir Path dir;

  /** Copies every parameter after each step, so the values before a refused update are known. */
  static final class LastGoodValues implements TrainingListener {
    final Map<String, DMatrixRMaj> values = new LinkedHashMap<>();

    @Override
    public void onStep(TrainingState state, double bound) {
      state.svi().parameters().forEach((name, p) -> values.put(name, p.value().copy()));
    }
  }

  @Test
  void aHugeLearningRateStopsAtTheStepAndKeepsTheLastCheckpoint() throws Exception {
    // Plain SGD with momentum at rate 10 blows up the decoder within a few epochs.
    VaeSettings settings = TinyVae.SETTINGS.toBuilder().optimizer(OptimizersModule.SGD, 10).build();
    Svi svi = TinyVae.svi(settings).addGradientHook(new DivergenceGuard());
    Path file = dir.resolve("run.safetensors");
    CheckpointEachEpoch checkpoints = new CheckpointEachEpoch(file, settings);
    LastGoodValues lastGood = new LastGoodValues();
    Trainer trainer = new Trainer(svi, MinibatchData.of(TinyVae.data(400, 5), 50))
        .addListener(checkpoints).addListener(lastGood);

    TrainingDivergedException e = catchThrowableOfType(
        () -> trainer.fit(30, Rngs.create(3)), TrainingDivergedException.class);

    assertThat(e).as("the run must diverge").isNotNull();
    assertThat(e.getMessage()).startsWith("training diverged at step " + e.step() + ": ")
        .containsPattern("the bound is (-?Infinity|NaN)|the gradient of (model|guide)\\.");
    assertThat(checkpoints.saves()).as("checkpoints written before the divergence").isPositive();
    assertThat(e.step()).isGreaterThan(checkpoints.lastStep());
    assertLastCheckpointUntouched(file, checkpoints, svi);
    // The refused update was not applied: the live values are those after the last good step.
    svi.parameters().forEach((name, p) -> assertThat(p.value().data).as(name)
        .containsExactly(lastGood.values.get(name).data));
  }

  @Test
  void aNonFiniteGradientIsNamedWithItsStepAndParameter() throws Exception {
    VaeSettings settings = TinyVae.SETTINGS;
    String poisoned = "guide.encoder.network.layer0.weight";
    long badStep = 20;
    // A fault in the backward pass (an overflow, a broken kernel) puts an infinity into one
    // gradient at step 20; the guard runs after it, as it would after any real backward.
    Svi svi = TinyVae.svi(settings).addGradientHook((step, bound, parameters) -> {
      if (step == badStep) {
        parameters.get(poisoned).grad().set(3, 5, Double.POSITIVE_INFINITY);
      }
    }).addGradientHook(new DivergenceGuard());
    Path file = dir.resolve("run.safetensors");
    CheckpointEachEpoch checkpoints = new CheckpointEachEpoch(file, settings);
    LastGoodValues lastGood = new LastGoodValues();
    Trainer trainer = new Trainer(svi, MinibatchData.of(TinyVae.data(400, 5), 50))
        .addListener(checkpoints).addListener(lastGood);

    TrainingDivergedException e = catchThrowableOfType(
        () -> trainer.fit(10, Rngs.create(3)), TrainingDivergedException.class);

    assertThat(e).isNotNull();
    assertThat(e.step()).isEqualTo(badStep);
    assertThat(e.getMessage()).isEqualTo("training diverged at step 20: the gradient of "
        + poisoned + " is Infinity at row 3, column 5");
    // Epochs of 8 steps: checkpoints after steps 8 and 16, then the fault at step 20.
    assertThat(checkpoints.lastStep()).isEqualTo(16);
    assertLastCheckpointUntouched(file, checkpoints, svi);
    svi.parameters().forEach((name, p) -> assertThat(p.value().data).as(name)
        .containsExactly(lastGood.values.get(name).data));
  }

  /** The file holds what the last save wrote, loads, fits the model and is finite. */
  private static void assertLastCheckpointUntouched(Path file, CheckpointEachEpoch checkpoints,
      Svi svi) throws Exception {
    assertThat(Files.readAllBytes(file)).isEqualTo(checkpoints.lastBytes());
    Checkpoint c = CheckpointStore.load(file);
    assertThat(c.position().step()).isEqualTo(checkpoints.lastStep());
    Map<String, DMatrixRMaj> shapes = new LinkedHashMap<>();
    for (Map.Entry<String, Parameter> p : svi.parameters().entrySet()) {
      shapes.put(p.getKey(), p.getValue().value());
    }
    c.requireCompatible(shapes);
    c.parameters().forEach((name, m) -> {
      for (double v : m.data) {
        assertThat(v).as(name).isFinite();
      }
    });
  }
}
