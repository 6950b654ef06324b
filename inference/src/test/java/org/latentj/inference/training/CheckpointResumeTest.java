package org.latentj.inference.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.latentj.inference.checkpoint.Checkpoint;
import org.latentj.inference.checkpoint.CheckpointStore;
import org.latentj.inference.checkpoint.Provenance;
import org.latentj.inference.checkpoint.TrainingPosition;
import org.latentj.inference.data.Dataset;
import org.latentj.inference.guice.ObjectivesModule;
import org.latentj.inference.guice.OptimizersModule;
import org.latentj.inference.guice.VaeModule;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.nn.Activation;
import org.latentj.nn.Parameter;
import org.latentj.tensor.Rngs;

/**
 * The requirement: 4 epochs in one go equal 2 epochs, a save, a load into a freshly
 * built VAE and 2 more epochs, bit-for-bit on every parameter, every optimizer buffer and the
 * generator.
 */
class CheckpointResumeTest {

  static final int EPOCHS = 4;

  /** Grey-level data in [0, 1] with structure: two prototypes plus uniform noise. */
  static DMatrixRMaj data() {
    var rng = Rngs.create(11);
    DMatrixRMaj x = new DMatrixRMaj(300, 16);
    for (int i = 0; i < x.numRows; i++) {
      boolean left = rng.nextBoolean();
      for (int j = 0; j < x.numCols; j++) {
        double on = (j < 8) == left ? 0.8 : 0.1;
        x.set(i, j, Math.min(1, on + 0.2 * rng.nextDouble()));
      }
    }
    return x;
  }

  static VaeSettings settings(String objective) {
    return VaeSettings.builder().inputSize(16).hiddenSizes(List.of(24, 12)).latentSize(3)
        .activation(Activation.TANH)
        .objective(objective, objective.equals(ObjectivesModule.ANALYTIC_KL) ? 1 : 3)
        .optimizer(OptimizersModule.ADAM, 0.01).seed(5).build();
  }

  static Svi svi(VaeSettings s) {
    return Guice.createInjector(new VaeModule(s)).getInstance(Svi.class);
  }

  static Trainer trainer(Svi svi, DMatrixRMaj x) {
    // Dynamic binarization draws from the run's generator too, so its state must be restored.
    return new Trainer(svi, MinibatchData.of(x, 32).dynamicallyBinarized());
  }

  static Provenance provenance(VaeSettings s, Svi svi) {
    return RunProvenance.of(s.seed(), Dataset.of(data(), org.latentj.inference.data.DataProvenance
        .inMemory("two prototypes")), svi).component("vae", s).build();
  }

  @ParameterizedTest
  @ValueSource(strings = {ObjectivesModule.ANALYTIC_KL, ObjectivesModule.IWAE_DREG})
  void fourEpochsEqualTwoPlusSavePlusLoadPlusTwo(String objective, @TempDir Path run)
      throws IOException {
    VaeSettings s = settings(objective);
    DMatrixRMaj x = data();

    Svi straight = svi(s);
    RestorableUniformRandomProvider straightRng = Rngs.derive(s.seed(), "training");
    TrainingState done = trainer(straight, x).fit(EPOCHS, straightRng);

    Svi first = svi(s);
    CheckpointListener saver = CheckpointListener.everyEpoch(run, provenance(s, first));
    trainer(first, x).addListener(saver).fit(2, Rngs.derive(s.seed(), "training"));
    assertThat(saver.savedEpoch()).isEqualTo(2);

    Checkpoint loaded = CheckpointStore.load(run.resolve(CheckpointListener.FILE_NAME));
    VaeSettings readBack = RunProvenance.component(loaded.provenance(), "vae",
        VaeSettings.class);
    assertThat(readBack).isEqualTo(s);
    Svi second = svi(readBack);
    RestorableUniformRandomProvider rng = Rngs.create(0);
    TrainingState resumed = Checkpoints.resume(trainer(second, x), loaded, second, rng, EPOCHS);

    assertThat(resumed.epoch()).isEqualTo(EPOCHS);
    assertThat(resumed.steps()).isEqualTo(done.steps());
    assertThat(resumed.examplesSeen()).isEqualTo(done.examplesSeen());
    for (Map.Entry<String, Parameter> e : straight.parameters().entrySet()) {
      assertThat(second.parameters().get(e.getKey()).value().data).as(e.getKey())
          .containsExactly(e.getValue().value().data);
    }
    Map<String, DMatrixRMaj> expectedState = straight.optimizer().state();
    Map<String, DMatrixRMaj> actualState = second.optimizer().state();
    assertThat(actualState.keySet()).isEqualTo(expectedState.keySet());
    expectedState.forEach((k, m) -> assertThat(actualState.get(k).data).as(k)
        .containsExactly(m.data));
    assertThat(second.optimizer().scalarState()).isEqualTo(straight.optimizer().scalarState());
    assertThat(((RandomProviderDefaultState) rng.saveState()).getState())
        .isEqualTo(((RandomProviderDefaultState) straightRng.saveState()).getState());
    // The resumed run moved on from the checkpoint: the test is not comparing two copies.
    assertThat(second.parameters().get("guide.encoder.network.layer0.weight").value().data)
        .isNotEqualTo(loaded.parameters().get("guide.encoder.network.layer0.weight").data);
  }

  @Test
  void savesEveryNthEpochAndTheLastOne(@TempDir Path run) throws IOException {
    VaeSettings s = settings(ObjectivesModule.ANALYTIC_KL);
    Svi svi = svi(s);
    CheckpointListener saver = CheckpointListener.every(2, run, provenance(s, svi));
    long[] savedAfterEpoch = new long[6];
    trainer(svi, data()).addListener(saver).addListener(new TrainingListener() {
      @Override
      public void onEpochEnd(TrainingState state, EpochSummary summary) {
        savedAfterEpoch[summary.epoch()] = saver.savedEpoch();
      }
    }).fit(5, Rngs.create(1));
    assertThat(savedAfterEpoch).containsExactly(0, -1, 2, 2, 4, 4);
    Checkpoint last = CheckpointStore.load(saver.file());
    assertThat(last.position().epoch()).isEqualTo(5);
    assertThat(last.position().step()).isEqualTo(5 * 10);
    assertThat(last.position().examplesSeen()).isEqualTo(5 * 300);
    assertThat(last.provenance().components()).containsKeys("vae", "model", "guide",
        "objective", "optimizer");
    assertThat(last.optimizerScalars()).containsKeys("steps", "learningRate");
  }

  @Test
  void aFailedWriteStopsTrainingNamingTheFileAndKeepsTheSnapshot(@TempDir Path run)
      throws IOException {
    VaeSettings s = settings(ObjectivesModule.ANALYTIC_KL);
    Svi svi = svi(s);
    // A non-empty folder where the file should go: the atomic rename onto it must fail.
    Path blocker = run.resolve(CheckpointListener.FILE_NAME);
    Files.createDirectories(blocker.resolve("inside"));
    CheckpointListener saver = CheckpointListener.everyEpoch(run, provenance(s, svi));
    assertThatThrownBy(() -> trainer(svi, data()).addListener(saver).fit(3, Rngs.create(1)))
        .isInstanceOfSatisfying(CheckpointWriteException.class, e -> {
          assertThat(e.file()).isEqualTo(blocker);
          assertThat(e.checkpoint().position().epoch()).isEqualTo(1);
        })
        .hasMessageContaining(blocker.toString())
        .hasMessageContaining("epoch 1")
        .hasMessageContaining("training stopped");
    assertThat(Files.isDirectory(blocker.resolve("inside"))).isTrue();
    try (var leftovers = Files.list(run)) {
      assertThat(leftovers).containsExactly(blocker);
    }
  }

  @Test
  void aCheckpointOfAnotherShapeIsRefusedBeforeAnythingChanges(@TempDir Path run)
      throws IOException {
    VaeSettings s = settings(ObjectivesModule.ANALYTIC_KL);
    Svi saved = svi(s);
    Checkpoint cp = Checkpoints.capture(saved, Rngs.create(3), TrainingPosition.START,
        provenance(s, saved));
    Svi wider = svi(s.toBuilder().hiddenSizes(List.of(30, 12)).build());
    double[] before = wider.parameters().get("guide.encoder.network.layer0.weight").value()
        .data.clone();
    assertThatThrownBy(() -> Checkpoints.restore(cp, wider, Rngs.create(0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("checkpoint belongs to another model")
        .hasMessageContaining("guide.encoder.network.layer0.weight is 16x30 here but 16x24");
    assertThat(wider.parameters().get("guide.encoder.network.layer0.weight").value().data)
        .containsExactly(before);
  }

  @Test
  void anotherOptimizerIsRefusedNamingIt() {
    VaeSettings s = settings(ObjectivesModule.ANALYTIC_KL);
    Svi adam = svi(s);
    Checkpoint cp = Checkpoints.capture(adam, Rngs.create(3), TrainingPosition.START,
        provenance(s, adam));
    Svi sgd = svi(s.toBuilder().optimizer(OptimizersModule.SGD, 0.01).build());
    assertThatThrownBy(() -> Checkpoints.restore(cp, sgd, Rngs.create(0)))
        .hasMessageContaining("optimizer state does not fit Sgd")
        .hasMessageContaining("unknown buffer");
  }
}
