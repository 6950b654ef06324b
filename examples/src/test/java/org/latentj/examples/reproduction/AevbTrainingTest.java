package org.latentj.examples.reproduction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.tensor.Rngs;

class AevbTrainingTest {

  /** 250 rows: batches of 100, 100, 50 per epoch. */
  private static final DMatrixRMaj TRAIN = ReproductionData.firstRows(AevbDataset.binary(
      org.latentj.examples.data.EmbeddedDigits.train()), 250);

  private static AevbVae vae() {
    return AevbVae.create(AevbDataset.DIGITS, 784, 2, 250, 0.02, 1);
  }

  @Test
  void logSpacedPointsRunFromFirstToLastInWholeMinibatches() {
    long[] p = AevbTraining.logSpaced(10_000, 1_000_000, 5);
    assertThat(p).containsExactly(10_000, 31_700, 100_000, 316_300, 1_000_000);
    assertThat(AevbTraining.logSpaced(150, 150, 1)).containsExactly(200);
    // Points that round to the same minibatch count are kept once.
    assertThat(AevbTraining.logSpaced(100, 300, 10)).containsExactly(100, 200, 300);
    assertThatThrownBy(() -> AevbTraining.logSpaced(0, 10, 2))
        .hasMessageContaining("first 0");
  }

  @Test
  void stopsAreReachedInOrderAcrossEpochBoundaries() throws Exception {
    AevbVae vae = vae();
    AevbTraining t = new AevbTraining(vae, TRAIN, Rngs.create(2));
    List<Long> seen = new ArrayList<>();
    // 250 rows: batches of 100, 100, 50 per epoch, so the counts go 100, 200, 250, 350, ...
    t.run(new long[] {0, 100, 260, 600}, (n, s) -> seen.add(n));
    assertThat(seen).containsExactly(0L, 100L, 350L, 600L);
    assertThat(vae.svi().optimizer().steps()).isEqualTo(7);
    assertThatThrownBy(() -> t.run(new long[] {700, 650}, (n, s) -> { }))
        .hasMessageContaining("non-decreasing");
  }

  /**
   * Stops inside epochs change nothing: the minibatches and draws are those of the plain loop
   * AevbTraining ran before it used the Trainer.
   */
  @Test
  void stoppedTrainingIsOnePlainLoopOfMinibatches() throws Exception {
    AevbVae stopped = vae();
    new AevbTraining(stopped, TRAIN, Rngs.create(2)).run(new long[] {100, 260},
        (n, s) -> { });
    AevbVae byHand = vae();
    var rng = Rngs.create(2);
    var data = org.latentj.inference.training.MinibatchData.of(TRAIN, AevbVae.MINIBATCH);
    java.util.Iterator<org.latentj.model.Batch> epoch = null;
    for (long seen = 0; seen < 350; ) {
      if (epoch == null || !epoch.hasNext()) {
        epoch = data.epoch(rng);
      }
      org.latentj.model.Batch batch = epoch.next();
      byHand.svi().step(batch, rng);
      seen += batch.size();
    }
    byHand.svi().parameters().forEach((name, p) -> assertThat(java.util.Arrays.equals(
        stopped.svi().parameters().get(name).value().data, p.value().data)).as(name).isTrue());
  }
}
