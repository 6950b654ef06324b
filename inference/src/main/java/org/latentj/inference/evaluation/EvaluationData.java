package org.latentj.inference.evaluation;

import org.ejml.data.DMatrixRMaj;
import org.latentj.model.Batch;
import org.latentj.tensor.DType;
import org.latentj.tensor.Tensor;

/**
 * What an {@link Evaluator} scores: examples, one per row, and for a conditional model the
 * condition each example is scored under (e.g. one-hot labels), one row per example. The
 * evaluator takes consecutive rows as a {@link Batch}, so a conditional model sees
 * {@code Batch.of(x, y)} just as it does in training.
 */
public final class EvaluationData {

  private final DMatrixRMaj features;
  private final DMatrixRMaj condition;

  private EvaluationData(DMatrixRMaj features, DMatrixRMaj condition) {
    this.features = features;
    this.condition = condition;
  }

  /** The rows of {@code features} (Not modified), with no condition. */
  public static EvaluationData of(DMatrixRMaj features) {
    if (features == null) {
      throw new IllegalArgumentException("EvaluationData: the features are null");
    }
    return new EvaluationData(features, null);
  }

  /**
   * The rows of {@code features}, each under the same row of {@code condition} (both Not
   * modified).
   */
  public static EvaluationData conditioned(DMatrixRMaj features, DMatrixRMaj condition) {
    if (features == null || condition == null) {
      throw new IllegalArgumentException("EvaluationData: the features and the condition must"
          + " be given");
    }
    if (condition.numRows != features.numRows) {
      throw new IllegalArgumentException("EvaluationData: the features have " + features.numRows
          + " rows but the condition has " + condition.numRows);
    }
    return new EvaluationData(features, condition);
  }

  /** The number of examples. */
  public int size() {
    return features.numRows;
  }

  /** Rows {@code [from, to)} as a batch of constant {@code dtype} tensors. */
  Batch batch(int from, int to, DType dtype) {
    Tensor x = rows(features, from, to, dtype);
    return condition == null ? Batch.of(x) : Batch.of(x, rows(condition, from, to, dtype));
  }

  private static Tensor rows(DMatrixRMaj m, int from, int to, DType dtype) {
    return Tensor.constant(m).rows(from, to).to(dtype);
  }
}
