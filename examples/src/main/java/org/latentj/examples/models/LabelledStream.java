package org.latentj.examples.models;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.model.Batch;

/**
 * An endless stream of labelled minibatches: the labelled rows in a fresh shuffle each pass,
 * binarized anew each time, with their one-hot labels as the batch's condition. M2 and the
 * labels-only classifier draw their labelled batches from equal streams.
 */
final class LabelledStream {

  private final DMatrixRMaj grey;
  private final int[] labels;
  private final int[] rows;
  private final int batchSize;
  private final int classes;
  private final UniformRandomProvider rng;
  private int[] order;
  private int next;

  LabelledStream(DMatrixRMaj grey, int[] labels, int[] rows, int batchSize, int classes,
      UniformRandomProvider rng) {
    this.grey = grey;
    this.labels = labels;
    this.rows = rows.clone();
    this.batchSize = Math.min(batchSize, rows.length);
    this.classes = classes;
    this.rng = rng;
    this.next = rows.length;
  }

  Batch next() {
    if (next + batchSize > rows.length) {
      int[] perm = BalancedLabels.shuffled(rows.length, rng);
      order = new int[rows.length];
      for (int i = 0; i < rows.length; i++) {
        order[i] = rows[perm[i]];
      }
      next = 0;
    }
    Batch b = Batch.of(BinaryRows.draw(grey, order, next, next + batchSize, rng),
        BinaryRows.oneHot(labels, order, next, next + batchSize, classes));
    next += batchSize;
    return b;
  }
}
