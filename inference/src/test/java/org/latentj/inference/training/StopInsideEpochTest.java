package org.latentj.inference.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentj.inference.checkpoint.Checkpoint;
import org.latentj.inference.checkpoint.CheckpointFormatException;
import org.latentj.inference.checkpoint.CheckpointStore;
import org.latentj.inference.guice.ObjectivesModule;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.nn.Parameter;
import org.latentj.tensor.Rngs;

/**
 * A run stopped between two steps of an epoch (as on SIGINT) saves where it is, and resuming
 * from that file ends bit-for-bit where an uninterrupted run ends; the newest checkpoint's
 * predecessor is kept; a damaged optimizer section still gives the parameters.
 */
class StopInsideEpochTest {

  static final int EPOCHS = 3;
  /** 300 examples in batches of 32: 10 steps per epoch; step 13 is batch 3 of epoch 2. */
  static final int STOP_AFTER_STEP = 13;

  @TempDir
  Path run;

  private Path stoppedRun(VaeSettings s, DMatrixRMaj x) {
    Svi svi = CheckpointResumeTest.svi(s);
    CheckpointListener saver = CheckpointListener.everyEpoch(run,
        CheckpointResumeTest.provenance(s, svi)).keepingPrevious();
    TrainingState stopped = CheckpointResumeTest.trainer(svi, x).addListener(saver)
        .addListener(new TrainingListener() {
          @Override
          public void onStep(TrainingState state, double bound) {
            if (state.steps() == STOP_AFTER_STEP) {
              state.requestStopNow("test");
            }
          }
        }).fit(EPOCHS, Rngs.derive(s.seed(), "training"));
    assertThat(stopped.epoch()).isEqualTo(2);
    assertThat(stopped.batchesIntoEpoch()).isEqualTo(3);
    assertThat(saver.savedInsideEpoch()).isTrue();
    return saver.file();
  }

  @Test
  void resumingInsideTheEpochEqualsTheUninterruptedRun() throws IOException {
    VaeSettings s = CheckpointResumeTest.settings(ObjectivesModule.ANALYTIC_KL);
    DMatrixRMaj x = CheckpointResumeTest.data();
    Svi straight = CheckpointResumeTest.svi(s);
    CheckpointResumeTest.trainer(straight, x).fit(EPOCHS, Rngs.derive(s.seed(), "training"));

    Checkpoint saved = CheckpointStore.load(stoppedRun(s, x));
    assertThat(saved.position().epoch()).isEqualTo(1);
    assertThat(saved.position().batchesIntoEpoch()).isEqualTo(3);
    assertThat(saved.position().step()).isEqualTo(STOP_AFTER_STEP);
    assertThat(saved.epochStartRngState()).isNotNull();
    Checkpoint previous = CheckpointStore.load(run.resolve(
        CheckpointListener.PREVIOUS_FILE_NAME));
    assertThat(previous.position()).isEqualTo(
        new org.latentj.inference.checkpoint.TrainingPosition(1, 10, 300));

    Svi resumed = CheckpointResumeTest.svi(s);
    TrainingState end = Checkpoints.resume(CheckpointResumeTest.trainer(resumed, x), saved,
        resumed, Rngs.create(0), EPOCHS);
    assertThat(end.epoch()).isEqualTo(EPOCHS);
    assertThat(end.steps()).isEqualTo(EPOCHS * 10);
    for (Map.Entry<String, Parameter> e : straight.parameters().entrySet()) {
      assertThat(resumed.parameters().get(e.getKey()).value().data).as(e.getKey())
          .containsExactly(e.getValue().value().data);
    }
  }

  @Test
  void aDamagedOptimizerSectionStillGivesTheParametersButRefusesToResume()
      throws IOException {
    VaeSettings s = CheckpointResumeTest.settings(ObjectivesModule.ANALYTIC_KL);
    Path file = stoppedRun(s, CheckpointResumeTest.data());
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 1] ^= 0x55; // the last optimizer tensor (Adam's second moment)
    Files.write(file, bytes);

    assertThatThrownBy(() -> CheckpointStore.load(file))
        .isInstanceOf(CheckpointFormatException.class)
        .hasMessageContaining("checksum mismatch: the file is damaged")
        .hasMessageContaining("the damage is in the optimizer section");
    Checkpoint read = CheckpointStore.loadForReading(file);
    assertThat(read.optimizerDamage()).contains("optimizer section");
    Svi svi = CheckpointResumeTest.svi(s);
    Checkpoints.restoreParameters(read, svi);
    assertThatThrownBy(() -> Checkpoints.restore(read, svi, Rngs.create(0)))
        .hasMessageStartingWith("cannot continue training from this checkpoint")
        .hasMessageContaining("optimizer section");
  }

  @Test
  void damagedParametersAreRefusedEvenForReading() throws IOException {
    VaeSettings s = CheckpointResumeTest.settings(ObjectivesModule.ANALYTIC_KL);
    Path file = stoppedRun(s, CheckpointResumeTest.data());
    byte[] bytes = Files.readAllBytes(file);
    long header = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    bytes[(int) (8 + header)] ^= 0x55; // the first parameter's first byte
    Files.write(file, bytes);
    assertThatThrownBy(() -> CheckpointStore.loadForReading(file))
        .isInstanceOf(CheckpointFormatException.class)
        .hasMessageContaining("the damage is in the parameters");
  }
}
