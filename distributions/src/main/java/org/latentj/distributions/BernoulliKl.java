package org.latentj.distributions;

import org.latentj.tensor.Tensor;

/** Closed-form {@code KL(q || p)} between Bernoulli distributions, from their logits. */
final class BernoulliKl {

  private BernoulliKl() {}

  /**
   * With {@code log p = -softplus(-l)} and {@code log(1 - p) = -softplus(l)}:
   * {@code KL = sum_j [ q_j (softplus(-l_p) - softplus(-l_q))
   *                   + (1 - q_j) (softplus(l_p) - softplus(l_q)) ]}, {@code q_j = sigmoid(l_q)},
   * finite for logits of +-1000 where the probabilities round to 0 or 1.
   */
  static Tensor bernoulliBernoulli(Bernoulli q, Bernoulli p) {
    Tensor lq = q.logits();
    Tensor lp = p.logits();
    Tensor ones = lq.sigmoid().mul(lp.neg().softplus().sub(lq.neg().softplus()));
    Tensor zeros = lq.neg().sigmoid().mul(lp.softplus().sub(lq.softplus()));
    return ones.add(zeros).rowSums();
  }
}
