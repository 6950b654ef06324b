package org.latentj.distributions;

import org.latentj.model.Distribution;
import org.latentj.tensor.Tensor;

/**
 * What the families built from logits share: the {@code n x d} logits (one column per event
 * column, or per class for the categoricals), checked by the factories, which fix the batch and
 * event sizes. For the two families of values in {@code [0, 1]} with {@code sigmoid} parameters,
 * {@link Bernoulli} and {@link ContinuousBernoulli}, also the support check and the term
 * {@code x l - softplus(l)} that both log-densities start from.
 */
abstract class LogitsFamily implements Distribution {

  private final Tensor logits;

  LogitsFamily(Tensor logits) {
    this.logits = logits;
  }

  /** {@code logits}, unless null or, while validation is on, not finite everywhere. */
  static Tensor checkedLogits(String where, Tensor logits) {
    Checks.nonNull(where, logits);
    Checks.finite(where, logits);
    return logits;
  }

  /** The logits {@code l}, {@code n x d}. */
  public Tensor logits() {
    return logits;
  }

  @Override
  public int batchSize() {
    return logits.rows();
  }

  /** The number of columns of a value: {@code d}, or the number of classes {@code K}. */
  @Override
  public int eventSize() {
    return logits.cols();
  }

  /**
   * {@code sum_j x_j l_j - softplus(l_j)} per row (one fused op), for a {@code value} {@code x}
   * that {@code where} (e.g. {@code "Bernoulli.logProb: value"}) checks to be
   * {@code batch x event} and, while validation is on, in {@code [0, 1]}.
   */
  final Tensor sigmoidLogLikelihoodRows(String where, Tensor value) {
    Checks.valueShape(where, value, batchSize(), eventSize());
    Checks.unitInterval(where, value);
    return logits.bernoulliLogLikelihoodRows(value);
  }
}
