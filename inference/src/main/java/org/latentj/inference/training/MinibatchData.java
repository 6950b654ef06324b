package org.latentj.inference.training;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.inference.data.DataProvenance;
import org.latentj.inference.data.Dataset;
import org.latentj.inference.data.DynamicBinarizer;
import org.latentj.inference.data.Minibatches;
import org.latentj.inference.data.Transforms;
import org.latentj.model.Batch;
import org.latentj.tensor.DType;
import org.latentj.tensor.Tensor;

/**
 * A data matrix served as shuffled minibatches, one epoch at a time, optionally with a
 * conditioning matrix (rows aligned with the data) and dynamic binarization: each epoch sees a
 * fresh Bernoulli draw of every grey level (the IWAE paper's protocol). Buffers are reused: each
 * batch is valid until the next.
 *
 * <p>A compact {@link Dataset} (8-bit pixels held as bytes) stays compact: each batch's rows are
 * converted into the reused batch matrix, so the training set is never held as float64.
 *
 * <p>The factories scan the data (and condition) once for NaN and infinities, so a bad value is
 * reported against the data, by row and column, rather than later as a non-finite loss or an
 * encoder output a head rejects; nothing is checked per step.
 *
 * <p>Each batch knows which rows of the data it holds ({@link Batch#indices()}), which keyed
 * noise draws from.
 *
 * <p>Batches are float64 tensors unless {@link #inDtype} asks for float32 (for a float32 model):
 * then each batch is rounded from its float64 rows as it is served.
 */
public final class MinibatchData implements EpochData {

  private final Dataset data;
  private final DMatrixRMaj condition;
  private final Minibatches batches;
  private final boolean binarize;
  private final DType dtype;
  private final DMatrixRMaj conditionBuffer;

  private MinibatchData(Dataset data, DMatrixRMaj condition, int batchSize,
      boolean binarize, DType dtype) {
    if (condition != null && condition.numRows != data.size()) {
      throw new IllegalArgumentException("MinibatchData: data has " + data.size()
          + " rows but the condition has " + condition.numRows);
    }
    this.data = data;
    this.condition = condition;
    this.binarize = binarize;
    this.dtype = dtype;
    this.batches = Minibatches.inOrder(data, batchSize);
    this.conditionBuffer = condition == null ? null
        : new DMatrixRMaj(Math.min(batchSize, data.size()), condition.numCols);
  }

  /**
   * Shuffled minibatches of {@code data} (Not modified).
   *
   * @throws IllegalArgumentException naming the row, column and value of the first NaN or
   *     infinity in {@code data}
   */
  public static MinibatchData of(DMatrixRMaj data, int batchSize) {
    Transforms.requireFinite("MinibatchData: data", data);
    return new MinibatchData(wrap(data), null, batchSize, false, DType.FLOAT64);
  }

  /**
   * Shuffled minibatches of the features of {@code data}, kept as bytes when it is compact.
   *
   * @throws IllegalArgumentException naming the row, column and value of the first NaN or
   *     infinity in the features
   */
  public static MinibatchData of(Dataset data, int batchSize) {
    Transforms.requireFinite(data);
    return new MinibatchData(data, null, batchSize, false, DType.FLOAT64);
  }

  private static Dataset wrap(DMatrixRMaj data) {
    return Dataset.of(data, DataProvenance.inMemory("a matrix"));
  }

  /**
   * Shuffled minibatches of {@code data} with the matching rows of {@code condition}.
   *
   * @throws IllegalArgumentException naming the argument, row, column and value of the first NaN
   *     or infinity in {@code data} or {@code condition}
   */
  public static MinibatchData conditioned(DMatrixRMaj data, DMatrixRMaj condition,
      int batchSize) {
    Transforms.requireFinite("MinibatchData: data", data);
    Transforms.requireFinite("MinibatchData: condition", condition);
    return new MinibatchData(wrap(data), condition, batchSize, false, DType.FLOAT64);
  }

  /** The same batches, each epoch freshly binarized (values must be in [0, 1]). */
  public MinibatchData dynamicallyBinarized() {
    return new MinibatchData(data, condition, batches.batchSize(), true, dtype);
  }

  /** The same batches as {@code dtype} tensors (the data stays as it is; batches are rounded). */
  public MinibatchData inDtype(DType dtype) {
    if (dtype == null) {
      throw new IllegalArgumentException("MinibatchData.inDtype: dtype is null");
    }
    return new MinibatchData(data, condition, batches.batchSize(), binarize, dtype);
  }

  @Override
  public int size() {
    return data.size();
  }

  @Override
  public Iterator<Batch> epoch(UniformRandomProvider rng) {
    batches.newEpoch(rng);
    DynamicBinarizer binarizer = binarize ? DynamicBinarizer.of(rng) : null;
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return batches.hasNext();
      }

      @Override
      public Batch next() {
        if (!hasNext()) {
          throw new NoSuchElementException("MinibatchData: the epoch is over");
        }
        DMatrixRMaj x = batches.next();
        if (binarizer != null) {
          binarizer.binarize(x, x);
        }
        int[] indices = batches.rowIndices();
        int n = indices.length;
        if (condition == null) {
          return Batch.of(Tensor.constant(x, dtype)).indexed(indices);
        }
        int c = condition.numCols;
        conditionBuffer.reshape(n, c);
        for (int i = 0; i < n; i++) {
          System.arraycopy(condition.data, indices[i] * c, conditionBuffer.data, i * c, c);
        }
        return Batch.of(Tensor.constant(x, dtype), Tensor.constant(conditionBuffer, dtype))
            .indexed(indices);
      }
    };
  }

  @Override
  public String toString() {
    return "MinibatchData(" + data.size() + " examples, batch " + batches.batchSize()
        + (binarize ? ", dynamic binarization" : "")
        + (dtype == DType.FLOAT64 ? "" : ", " + dtype) + ")";
  }
}
