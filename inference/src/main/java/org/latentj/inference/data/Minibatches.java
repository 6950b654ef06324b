package org.latentj.inference.data;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;

/**
 * The minibatches of one epoch: the rows of a data matrix in a uniformly shuffled order
 * (Fisher-Yates with {@code rng.nextInt(bound)}, from the identity order each epoch, so the epoch
 * depends only on the generator's state) or in their stored order, cut into batches of
 * {@code batchSize} rows; the last, smaller batch is kept or dropped as asked.
 *
 * <p>{@link #next()} copies the batch's rows (one {@code System.arraycopy} per row, or for a
 * compact {@link Dataset} of bytes one conversion per value) into one reusable matrix and
 * returns it, so an epoch allocates nothing per example or per batch; the
 * returned matrix is overwritten by the next call. {@link #rowIndex(int)} tells which data row
 * each batch row came from (for labels, or to address per-example state).
 * {@link #newEpoch(UniformRandomProvider)} starts the next epoch reusing every buffer.
 *
 * <p>Not thread-safe: one iterator per training loop.
 */
public final class Minibatches implements Iterator<DMatrixRMaj> {

  private final FeatureStore data;
  private final int batchSize;
  private final boolean dropLast;
  private final int[] order;
  private final DMatrixRMaj batch;
  private final int[] batchRows;
  private int position;
  private int currentSize;

  private Minibatches(FeatureStore data, int batchSize, boolean dropLast) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("Minibatches: batchSize must be >= 1, got " + batchSize);
    }
    this.data = data;
    this.batchSize = batchSize;
    this.dropLast = dropLast;
    this.order = new int[data.rows];
    int rows = Math.min(batchSize, Math.max(data.rows, 1));
    this.batch = new DMatrixRMaj(rows, data.cols);
    this.batchRows = new int[rows];
  }

  /**
   * One epoch over the rows of {@code data} (Not modified; read as it is when each batch is
   * cut) in an order shuffled with {@code rng}.
   */
  public static Minibatches shuffled(DMatrixRMaj data, int batchSize, boolean dropLast,
      UniformRandomProvider rng) {
    return shuffled(FeatureStore.dense(Objects.requireNonNull(data, "data")), batchSize,
        dropLast, rng);
  }

  /**
   * As {@link #shuffled(DMatrixRMaj, int, boolean, UniformRandomProvider)} over features, which
   * a compact data set keeps as bytes, converting only each batch's rows.
   */
  public static Minibatches shuffled(Dataset data, int batchSize, boolean dropLast,
      UniformRandomProvider rng) {
    return shuffled(data.store(), batchSize, dropLast, rng);
  }

  private static Minibatches shuffled(FeatureStore data, int batchSize, boolean dropLast,
      UniformRandomProvider rng) {
    Minibatches m = new Minibatches(data, batchSize, dropLast);
    m.newEpoch(rng);
    return m;
  }

  /** One pass over the rows of {@code data} in stored order, last batch kept (for evaluation). */
  public static Minibatches inOrder(DMatrixRMaj data, int batchSize) {
    return shuffled(FeatureStore.dense(Objects.requireNonNull(data, "data")), batchSize, false,
        null);
  }

  /** As {@link #inOrder(DMatrixRMaj, int)} over features (compact ones stay bytes). */
  public static Minibatches inOrder(Dataset data, int batchSize) {
    return shuffled(data.store(), batchSize, false, null);
  }

  /**
   * Starts a new epoch: the rows in an order shuffled with {@code rng} (exactly {@code n - 1}
   * draws of {@code nextInt}), or in stored order when {@code rng} is null.
   */
  public void newEpoch(UniformRandomProvider rng) {
    int n = order.length;
    Permutations.identity(order, n);
    if (rng != null) {
      Permutations.shuffle(order, n, rng);
    }
    position = 0;
    currentSize = 0;
  }

  /** The number of batches in an epoch. */
  public int batchCount() {
    int n = order.length;
    return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
  }

  @Override
  public boolean hasNext() {
    int left = order.length - position;
    return dropLast ? left >= batchSize : left > 0;
  }

  /**
   * Copies the next batch's rows into the reused batch matrix and returns it: {@code batchSize}
   * rows, or fewer for a kept last batch. Valid until the next call.
   */
  @Override
  public DMatrixRMaj next() {
    if (!hasNext()) {
      throw new NoSuchElementException("Minibatches: epoch finished after " + batchCount()
          + " batches; call newEpoch");
    }
    int size = Math.min(batchSize, order.length - position);
    int d = data.cols;
    batch.reshape(size, d);
    double[] dst = batch.data;
    for (int i = 0; i < size; i++) {
      int row = order[position + i];
      batchRows[i] = row;
      data.copyRow(row, dst, i * d);
    }
    position += size;
    currentSize = size;
    return batch;
  }

  /** The number of batches of this epoch already returned or skipped. */
  public int batchesDone() {
    return (position + batchSize - 1) / batchSize;
  }

  /**
   * Passes over the next {@code count} batches without copying them, e.g. to resume an epoch
   * from a checkpoint: restore the generator's state from before {@link #newEpoch}, call it, and
   * skip the {@link #batchesDone()} recorded.
   */
  public void skip(int count) {
    if (count < 0 || count > batchCount() - batchesDone()) {
      throw new IllegalArgumentException("Minibatches: cannot skip " + count + " batches; "
          + (batchCount() - batchesDone()) + " of " + batchCount() + " are left");
    }
    position = Math.min(order.length, position + count * batchSize);
    currentSize = 0;
  }

  /** The number of rows in the current batch. */
  public int currentBatchSize() {
    return currentSize;
  }

  /** The data row that row {@code i} of the current batch was copied from. */
  public int rowIndex(int i) {
    if (i < 0 || i >= currentSize) {
      throw new IndexOutOfBoundsException("Minibatches: batch row " + i + " is outside [0, "
          + currentSize + ")");
    }
    return batchRows[i];
  }

  /** The data rows of the current batch, in batch order (a copy). */
  public int[] rowIndices() {
    return Arrays.copyOf(batchRows, currentSize);
  }

  public int batchSize() {
    return batchSize;
  }

  public boolean dropsLast() {
    return dropLast;
  }

  @Override
  public String toString() {
    return "Minibatches(" + order.length + " rows, batchSize " + batchSize
        + (dropLast ? ", last incomplete batch dropped" : ", last incomplete batch kept") + ")";
  }
}
