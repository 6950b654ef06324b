package org.latentj.inference.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentj.inference.checkpoint.Checkpoint;
import org.latentj.inference.checkpoint.CheckpointStore;
import org.latentj.inference.guice.ObjectivesModule;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.model.Batch;
import org.latentj.model.KeyedNoise;
import org.latentj.nn.Parameter;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/**
 * Keyed noise makes an example's draws independent of its minibatch: the gradient of a batch is
 * the size-weighted sum of its parts' gradients (what data-parallel training adds up), and a run
 * stopped inside an epoch resumes bit-for-bit.
 */
class KeyedNoiseTrainingTest {

  private static final long NOISE = 23;

  @Test
  void aBatchsGradientIsTheSumOfItsPartsGradients() {
    VaeSettings s = CheckpointResumeTest.settings(ObjectivesModule.IWAE);
    DMatrixRMaj x = CheckpointResumeTest.data();
    int[] whole = {5, 17, 2, 40, 33};
    int[][] parts = {{5, 17}, {2, 40, 33}};
    Svi svi = CheckpointResumeTest.svi(s);
    double wholeBound = gradientOf(svi, x, whole);
    double[] expected = flat(svi.parameters());
    double[] sum = new double[expected.length];
    double boundSum = 0;
    for (int[] part : parts) {
      boundSum += part.length * gradientOf(svi, x, part);
      double[] g = flat(svi.parameters());
      for (int i = 0; i < g.length; i++) {
        sum[i] += part.length * g[i] / whole.length;
      }
    }
    assertThat(boundSum / whole.length).isCloseTo(wholeBound,
        org.assertj.core.data.Offset.offset(1e-12));
    for (int i = 0; i < sum.length; i++) {
      assertThat(sum[i]).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-12));
    }
  }

  /** The step-0 gradient of the rows {@code rows} of {@code x}, left in the parameters. */
  private static double gradientOf(Svi svi, DMatrixRMaj x, int[] rows) {
    DMatrixRMaj b = new DMatrixRMaj(rows.length, x.numCols);
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(x.data, rows[i] * x.numCols, b.data, i * x.numCols, x.numCols);
    }
    svi.optimizer().zeroGrad();
    return svi.localGradients(0, Batch.of(Tensor.constant(b)).indexed(rows),
        KeyedNoise.of(NOISE, 0, rows));
  }

  private static double[] flat(Map<String, Parameter> parameters) {
    return parameters.values().stream().flatMapToDouble(p -> java.util.Arrays.stream(
        p.grad().data)).toArray();
  }

  @Test
  void aRunStoppedInsideAnEpochResumesBitForBit(@TempDir Path run) throws IOException {
    VaeSettings s = CheckpointResumeTest.settings(ObjectivesModule.ANALYTIC_KL);
    DMatrixRMaj x = CheckpointResumeTest.data();
    Svi straight = CheckpointResumeTest.svi(s).keyedNoise(NOISE);
    new Trainer(straight, MinibatchData.of(x, 32)).fit(2, Rngs.derive(s.seed(), "training"));

    Svi stopped = CheckpointResumeTest.svi(s).keyedNoise(NOISE);
    CheckpointListener saver = CheckpointListener.everyEpoch(run,
        CheckpointResumeTest.provenance(s, stopped));
    new Trainer(stopped, MinibatchData.of(x, 32)).addListener(saver)
        .addListener(new TrainingListener() {
          @Override
          public void onStep(TrainingState state, double bound) {
            if (state.steps() == 13) {
              state.requestStopNow("test");
            }
          }
        }).fit(2, Rngs.derive(s.seed(), "training"));
    Checkpoint saved = CheckpointStore.load(saver.file());
    assertThat(saved.position().step()).isEqualTo(13);

    Svi resumed = CheckpointResumeTest.svi(s).keyedNoise(NOISE);
    Checkpoints.resume(new Trainer(resumed, MinibatchData.of(x, 32)), saved, resumed,
        Rngs.create(0), 2);
    for (Map.Entry<String, Parameter> e : straight.parameters().entrySet()) {
      assertThat(resumed.parameters().get(e.getKey()).value().data).as(e.getKey())
          .containsExactly(e.getValue().value().data);
    }
  }

  @Test
  void keyedNoiseNeedsTheBatchsIndices() {
    Svi svi = CheckpointResumeTest.svi(
        CheckpointResumeTest.settings(ObjectivesModule.ANALYTIC_KL)).keyedNoise(NOISE);
    Batch unindexed = Batch.of(Tensor.constant(CheckpointResumeTest.data()).rows(0, 4));
    assertThatThrownBy(() -> svi.step(unindexed, Rngs.create(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Svi: keyed noise needs the batch's example indices (Batch.indexed);"
            + " MinibatchData gives them");
  }
}
