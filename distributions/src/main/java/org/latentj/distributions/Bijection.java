package org.latentj.distributions;

import org.latentj.tensor.Tensor;

/**
 * An invertible, differentiable map {@code y = T(x)} applied to each row of a batch, with its
 * exact log-Jacobian-determinant per row: the step of a normalizing flow (Rezende &amp; Mohamed
 * 2015). Values are {@code n x size()}; log-determinants are {@code n x 1}.
 *
 * <p>Every bijection has a {@link #forward}. The inverse is optional: an inverse autoregressive
 * flow is invertible in principle but costs {@code size()} sequential passes, so it says
 * {@link #hasInverse()} false and a {@link TransformedDistribution} of it can score only the
 * values it drew itself.
 */
public interface Bijection {

  /** The number of columns of the values it maps. */
  int size();

  /** {@code y = T(x)} and {@code log |det dT/dx|} per row, differentiable in x and parameters. */
  Mapped forward(Tensor x);

  /** Whether {@link #inverse} is available. */
  default boolean hasInverse() {
    return false;
  }

  /**
   * {@code x = T^-1(y)} and {@code log |det dT^-1/dy|} per row (the negative of the forward
   * log-determinant at x), differentiable in y and parameters.
   *
   * @throws UnsupportedOperationException if {@link #hasInverse()} is false
   */
  default Mapped inverse(Tensor y) {
    throw new UnsupportedOperationException(this + " has no inverse");
  }

  /**
   * A mapped batch and the log-determinant of the map there.
   *
   * @param value {@code n x size}
   * @param logDet {@code n x 1}
   */
  record Mapped(Tensor value, Tensor logDet) {}
}
