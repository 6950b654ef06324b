package org.latentj.model;

import org.apache.commons.rng.UniformRandomProvider;
import org.latentj.tensor.Tensor;

/**
 * A batch of independent distributions, one per example (row), each over an event of
 * {@link #eventSize()} columns. Parameters are tensors, so log-densities and reparameterized
 * samples are differentiable in them.
 *
 * <p>Shapes: a value is {@code batchSize x eventSize}; {@link #logProb(Tensor)} and
 * {@link #entropy()} return {@code batchSize x 1}, summed over the event's columns.
 */
public interface Distribution {

  /** The number of independent rows (examples). */
  int batchSize();

  /** The number of columns of one value. */
  int eventSize();

  /**
   * {@code log p(value)} per row, summed over the event: {@code batchSize x 1}. Differentiable in
   * the parameters and, for continuous families, in {@code value}. When {@link Validation} is on,
   * a value of the wrong shape or outside the support is an {@link IllegalArgumentException}
   * that names the family, the row and the column.
   */
  Tensor logProb(Tensor value);

  /** A draw that carries no gradient: {@code batchSize x eventSize}. */
  Tensor sample(UniformRandomProvider rng);

  /** Whether {@link #rsample} is available. */
  default boolean hasRsample() {
    return false;
  }

  /**
   * A reparameterized draw: a differentiable function of the parameters and of noise from
   * {@code rng} (Kingma &amp; Welling 2013, section 2.4).
   *
   * @throws UnsupportedOperationException if {@link #hasRsample()} is false
   */
  default Tensor rsample(UniformRandomProvider rng) {
    throw new UnsupportedOperationException(getClass().getSimpleName()
        + " has no reparameterized sampler; use sample() or a score-function estimator");
  }

  /** The mean, {@code batchSize x eventSize}. */
  Tensor mean();

  /** The variance of each column, {@code batchSize x eventSize}. */
  Tensor variance();

  /**
   * The entropy per row, summed over the event: {@code batchSize x 1}.
   *
   * @throws UnsupportedOperationException where the family has no closed form
   */
  default Tensor entropy() {
    throw new UnsupportedOperationException(getClass().getSimpleName()
        + " has no closed-form entropy");
  }

  /** Whether {@link #enumerateSupport} is available: the support is finite and small enough. */
  default boolean hasEnumerateSupport() {
    return false;
  }

  /**
   * Every value of the support, one per row: {@code K x eventSize}, the same for every row of the
   * batch (Pyro's {@code enumerate_support}), in the dtype of the distribution's parameters.
   * Exact sums over a discrete site (enumeration) run the model once on each of these values.
   *
   * @throws UnsupportedOperationException where the support is continuous, unbounded or too
   *     large to enumerate
   */
  default Tensor enumerateSupport() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " has no finite support"
        + " to enumerate: enumeration sums over the values of a discrete family such as Bernoulli"
        + " or OneHotCategorical (a continuous site needs a reparameterized or score-function"
        + " estimator)");
  }

  /**
   * The same distribution with its parameters cut from the graph (stop-gradient): log-densities
   * of it carry gradient only through the value. Doubly-reparameterized estimators (DReG) need it.
   *
   * @throws UnsupportedOperationException where a family does not provide it
   */
  default Distribution detachParameters() {
    throw new UnsupportedOperationException(getClass().getSimpleName()
        + " cannot detach its parameters, which doubly-reparameterized gradients need");
  }
}
