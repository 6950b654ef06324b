package org.latentj.distributions;

import org.latentj.tensor.Tensor;

/**
 * Closed-form {@code KL(q || p)} between the real-valued families, each summed over the event,
 * one number per row. Every form is written in log-scales so extreme parameters (log-variances of
 * +-50, scales of 1e-30) give finite values and gradients.
 */
final class ContinuousKlRules {

  private ContinuousKlRules() {}

  /**
   * Diagonal Gaussians, with {@code delta = log sigma_q^2 - log sigma_p^2}:
   * {@code KL = 1/2 sum_j [ e^delta - delta - 1 + (mu_q - mu_p)^2 / sigma_p^2 ]}.
   */
  static Tensor normalNormal(Normal q, Normal p) {
    Tensor delta = q.logVariance().sub(p.logVariance());
    Tensor z = q.loc().sub(p.loc()).mul(p.inverseScale());
    Tensor perColumn = delta.exp().sub(delta).sub(1).add(z.square()).mul(0.5);
    return Shapes.expandRows(perColumn.rowSums(), q.batchSize());
  }

  /**
   * Against the prior (Kingma &amp; Welling 2013, appendix B):
   * {@code -KL = 1/2 sum_j ( 1 + log sigma_j^2 - mu_j^2 - sigma_j^2 )}.
   */
  static Tensor normalStandardNormal(Normal q, StandardNormal p) {
    Tensor logVariance = q.logVariance();
    Tensor perColumn = logVariance.exp().sub(logVariance).sub(1).add(q.loc().square()).mul(0.5);
    return Shapes.expandRows(perColumn.rowSums(), q.batchSize());
  }

  /** {@code KL = 1/2 sum_j [ log sigma_j^2 + (1 + mu_j^2) / sigma_j^2 - 1 ]}. */
  static Tensor standardNormalNormal(StandardNormal q, Normal p) {
    Tensor logVariance = p.logVariance();
    Tensor perColumn = logVariance.add(logVariance.neg().exp())
        .add(p.loc().mul(p.inverseScale()).square()).sub(1).mul(0.5);
    return Shapes.expandRows(perColumn.rowSums(), p.batchSize());
  }

  /** Zero: the two are the same distribution. */
  static Tensor standardNormalStandardNormal(StandardNormal q, StandardNormal p) {
    return Tensor.zeros(q.batchSize(), 1, q.dtype());
  }

  /**
   * Laplace against Laplace, with {@code d = |mu_q - mu_p|}:
   * {@code KL = sum_j [ log(b_p / b_q) + d / b_p + (b_q / b_p) e^(-d / b_q) - 1 ]}, the last
   * product taken as one exponential so neither factor can overflow alone.
   */
  static Tensor laplaceLaplace(Laplace q, Laplace p) {
    Tensor distance = q.loc().sub(p.loc()).abs();
    Tensor logRatio = q.logScale().sub(p.logScale());
    Tensor perColumn = distance.mul(p.inverseScale()).sub(logRatio)
        .add(logRatio.sub(distance.mul(q.inverseScale())).exp()).sub(1);
    return Shapes.expandRows(perColumn.rowSums(), q.batchSize());
  }
}
