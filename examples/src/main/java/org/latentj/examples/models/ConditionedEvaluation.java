package org.latentj.examples.models;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.model.Batch;
import org.latentj.model.Objective;
import org.latentj.model.Program;
import org.latentj.tensor.GradMode;
import org.latentj.tensor.Tensor;

/**
 * The mean of a bound over a data set whose examples carry a condition, in minibatches and with
 * no gradient graph. {@link org.latentj.inference.evaluation.Evaluator} runs programs on
 * {@code Batch.of(data)} alone, which a conditional model rejects; this passes
 * {@code Batch.of(data, condition)}. With {@code ImportanceWeightedElbo.of(k)} the mean is the
 * importance-sampled estimate of {@code log p(x | y)} with k samples (Burda et al. 2016).
 */
public final class ConditionedEvaluation {

  private ConditionedEvaluation() {}

  /**
   * The mean over the rows of {@code data} of {@code objective}'s bound, {@code batchSize}
   * examples at a time.
   *
   * @param data examples, Not modified
   * @param condition one row per example, Not modified
   */
  public static double meanBound(Objective objective, Program model, Program guide,
      DMatrixRMaj data, DMatrixRMaj condition, int batchSize, UniformRandomProvider rng) {
    if (condition.numRows != data.numRows) {
      throw new IllegalArgumentException("ConditionedEvaluation: data has " + data.numRows
          + " rows but the condition has " + condition.numRows);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("ConditionedEvaluation: batchSize must be positive, got "
          + batchSize);
    }
    double total = 0;
    try (GradMode.Scope off = GradMode.disable()) {
      for (int from = 0; from < data.numRows; from += batchSize) {
        int to = Math.min(data.numRows, from + batchSize);
        Batch batch = Batch.of(rows(data, from, to), rows(condition, from, to));
        total += objective.bound(model, guide, batch, rng).sum().item();
      }
    }
    return total / data.numRows;
  }

  private static Tensor rows(DMatrixRMaj m, int from, int to) {
    DMatrixRMaj out = new DMatrixRMaj(to - from, m.numCols);
    System.arraycopy(m.data, from * m.numCols, out.data, 0, (to - from) * m.numCols);
    return Tensor.constant(out);
  }
}
