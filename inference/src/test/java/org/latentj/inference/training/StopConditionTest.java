package org.latentj.inference.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentj.inference.checkpoint.Checkpoint;
import org.latentj.inference.checkpoint.CheckpointStore;
import org.latentj.inference.checkpoint.TrainingPosition;
import org.latentj.inference.guice.ObjectivesModule;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.nn.Parameter;
import org.latentj.tensor.Rngs;

/**
 * A stop condition ends a run after the step at which it holds, inside an epoch if need be;
 * the checkpoint saved then and a resume from the state reached continue the run bit-for-bit.
 * 300 examples in batches of 32 make 10 steps per epoch (the last of 12 examples).
 */
class StopConditionTest {

  static final int EPOCHS = 2;

  @TempDir
  Path run;

  private final VaeSettings settings = CheckpointResumeTest.settings(ObjectivesModule.ANALYTIC_KL);
  private final DMatrixRMaj x = CheckpointResumeTest.data();

  @Test
  void aBudgetOfExamplesStopsInsideTheEpochAndTheCheckpointSaysWhere() throws IOException {
    Svi svi = CheckpointResumeTest.svi(settings);
    CheckpointListener saver = CheckpointListener.everyEpoch(run,
        CheckpointResumeTest.provenance(settings, svi));
    TrainingState stopped = CheckpointResumeTest.trainer(svi, x).addListener(saver)
        .stopWhen("budget", s -> s.examplesSeen() >= 400)
        .fit(EPOCHS, Rngs.derive(settings.seed(), "training"));

    // Epoch 1 is 300 examples; steps 11..14 of epoch 2 bring 32 each: 332, 364, 396, 428.
    assertThat(stopped.stopReason()).isEqualTo("budget");
    assertThat(stopped.steps()).isEqualTo(14);
    assertThat(stopped.examplesSeen()).isEqualTo(428);
    assertThat(stopped.epoch()).isEqualTo(2);
    assertThat(stopped.batchesIntoEpoch()).isEqualTo(4);
    assertThat(saver.savedInsideEpoch()).isTrue();
    Checkpoint saved = CheckpointStore.load(saver.file());
    assertThat(saved.position()).isEqualTo(new TrainingPosition(1, 14, 428, 4));
  }

  @Test
  void budgetsRunInSegmentsEndWhereOneUninterruptedRunEnds() {
    Svi straight = CheckpointResumeTest.svi(settings);
    CheckpointResumeTest.trainer(straight, x)
        .fit(EPOCHS, Rngs.derive(settings.seed(), "training"));

    Svi segmented = CheckpointResumeTest.svi(settings);
    RestorableUniformRandomProvider rng = Rngs.derive(settings.seed(), "training");
    TrainingState state = null;
    // 100 stops inside epoch 1, 300 exactly at its end, 500 inside epoch 2.
    for (long budget : new long[] {100, 300, 500, Long.MAX_VALUE}) {
      Trainer trainer = CheckpointResumeTest.trainer(segmented, x)
          .stopWhen("budget", s -> s.examplesSeen() >= budget);
      state = state == null ? trainer.fit(EPOCHS, rng)
          : trainer.resume(state.position(), state.epochStartRngState(), EPOCHS, rng);
    }
    assertThat(state.epoch()).isEqualTo(EPOCHS);
    assertThat(state.steps()).isEqualTo(EPOCHS * 10);
    for (Map.Entry<String, Parameter> e : straight.parameters().entrySet()) {
      assertThat(segmented.parameters().get(e.getKey()).value().data).as(e.getKey())
          .containsExactly(e.getValue().value().data);
    }
  }

  @Test
  void aConditionThatHoldsAtTheStartTakesNoStep() {
    Svi svi = CheckpointResumeTest.svi(settings);
    TrainingState state = CheckpointResumeTest.trainer(svi, x)
        .stopWhen("nothing to do", s -> true)
        .fit(EPOCHS, Rngs.derive(settings.seed(), "training"));
    assertThat(state.steps()).isZero();
    assertThat(state.epoch()).isZero();
    assertThat(state.stopReason()).isEqualTo("nothing to do");
  }

  @Test
  void aConditionNeedsAReason() {
    Trainer trainer = CheckpointResumeTest.trainer(CheckpointResumeTest.svi(settings), x);
    assertThatThrownBy(() -> trainer.stopWhen(null, s -> true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Trainer.stopWhen: reason and condition must be given");
  }
}
