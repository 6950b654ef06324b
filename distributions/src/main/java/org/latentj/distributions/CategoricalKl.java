package org.latentj.distributions;

import org.latentj.tensor.Tensor;

/**
 * The closed-form KL divergence between two categoricals over the same {@code K} classes:
 *
 * <pre>
 * KL(q || p) = sum_j q_j (log q_j - log p_j)
 * </pre>
 *
 * computed from both families' {@code log softmax}, so classes with vanishing probability add an
 * exact 0 instead of {@code 0 * log 0}. Differentiable in both sets of logits.
 */
public final class CategoricalKl {

  private CategoricalKl() {}

  /** {@code KL(q || p)} per row: {@code batchSize x 1}. */
  public static Tensor kl(OneHotCategorical q, OneHotCategorical p) {
    if (q.batchSize() != p.batchSize() || q.eventSize() != p.eventSize()) {
      throw new IllegalArgumentException("CategoricalKl: q is " + q.batchSize() + "x"
          + q.eventSize() + " but p is " + p.batchSize() + "x" + p.eventSize());
    }
    Tensor logQ = q.logProbs();
    Tensor logP = p.logProbs();
    return Checks.noNaN("CategoricalKl.kl", logQ.exp().mul(logQ.sub(logP)).rowSums());
  }
}
