package org.latentj.distributions;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.model.Distribution;
import org.latentj.tensor.GradMode;
import org.latentj.tensor.Tensor;

/**
 * A batch of independent Laplace variables with location {@code mu} and scale {@code b}:
 *
 * <pre>
 *   log p(x) = sum_j [ -log(2 b_j) - |x_j - mu_j| / b_j ]
 *   H        = sum_j [ 1 + log(2 b_j) ]          mean = mu,   variance = 2 b^2
 * </pre>
 *
 * <p>Draws use the inverse CDF: {@code x = mu + b e} with {@code e = log(2u)} for
 * {@code u < 1/2} and {@code e = -log(2(1 - u))} otherwise, {@code u} uniform on (0, 1), so
 * {@link #rsample} is differentiable in {@code mu} and {@code b}. The density divides by
 * {@code b} through {@code 1/b = exp(-log b)} when built from a log-scale, and never forms
 * {@code 2 b^2}, so scales from 1e-30 upwards stay finite.
 *
 * <p>Shapes: as {@link Normal}, both parameters are {@code n x d} or either one a shared
 * {@code 1 x d} row.
 */
public final class Laplace implements Distribution {

  private static final double LOG_2 = Math.log(2);

  private final Tensor loc;
  private final Tensor scale;
  private final Tensor logScale;
  private final Tensor inverseScale;
  private final int batchSize;

  private Laplace(Tensor loc, Tensor scale, Tensor logScale, Tensor inverseScale,
      int batchSize) {
    this.loc = loc;
    this.scale = scale;
    this.logScale = logScale;
    this.inverseScale = inverseScale;
    this.batchSize = batchSize;
  }

  /**
   * {@code Laplace(loc, scale)}.
   *
   * @param loc {@code n x d} or {@code 1 x d}; finite
   * @param scale {@code n x d} or {@code 1 x d}; finite and strictly positive
   */
  public static Laplace of(Tensor loc, Tensor scale) {
    int n = Shapes.batchSize("Laplace.of", "loc", loc, "scale", scale);
    Checks.finite("Laplace.of: loc", loc);
    Checks.positive("Laplace.of: scale", scale);
    return new Laplace(loc, scale, scale.log(), scale.rdiv(1.0), n);
  }

  /**
   * {@code Laplace(loc, exp(logScale))}, the form a network's unconstrained output gives.
   *
   * @param loc {@code n x d} or {@code 1 x d}; finite
   * @param logScale {@code n x d} or {@code 1 x d}; finite
   */
  public static Laplace ofLogScale(Tensor loc, Tensor logScale) {
    int n = Shapes.batchSize("Laplace.ofLogScale", "loc", loc, "logScale", logScale);
    Checks.finite("Laplace.ofLogScale: loc", loc);
    Checks.finite("Laplace.ofLogScale: logScale", logScale);
    return new Laplace(loc, logScale.exp(), logScale, logScale.neg().exp(), n);
  }

  /** The location {@code mu} ({@code n x d} or {@code 1 x d}). */
  public Tensor loc() {
    return loc;
  }

  /** The scale {@code b} ({@code n x d} or {@code 1 x d}). */
  public Tensor scale() {
    return scale;
  }

  /** {@code log b} ({@code n x d} or {@code 1 x d}). */
  public Tensor logScale() {
    return logScale;
  }

  /** {@code 1 / b}, computed without dividing where the family was built from a log-scale. */
  Tensor inverseScale() {
    return inverseScale;
  }

  @Override
  public int batchSize() {
    return batchSize;
  }

  @Override
  public int eventSize() {
    return loc.cols();
  }

  @Override
  public Tensor logProb(Tensor value) {
    Checks.valueShape("Laplace.logProb: value", value, batchSize, eventSize());
    Checks.finite("Laplace.logProb: value", value);
    return value.sub(loc).abs().mul(inverseScale).add(logScale).add(LOG_2).neg().rowSums();
  }

  @Override
  public Tensor sample(UniformRandomProvider rng) {
    try (GradMode.Scope off = GradMode.disable()) {
      return rsample(rng);
    }
  }

  @Override
  public boolean hasRsample() {
    return true;
  }

  @Override
  public Tensor rsample(UniformRandomProvider rng) {
    DMatrixRMaj e = new DMatrixRMaj(batchSize, eventSize());
    double[] d = e.data;
    for (int i = 0; i < d.length; i++) {
      double u;
      do {
        u = rng.nextDouble();
      } while (u == 0.0);
      // Each half of the inverse CDF takes its log of a number in (0, 1], never of 0.
      d[i] = u < 0.5 ? Math.log(2 * u) : -Math.log(2 * (1 - u));
    }
    return loc.add(scale.mul(Tensor.constant(e)));
  }

  @Override
  public Tensor mean() {
    return Shapes.expandRows(loc, batchSize);
  }

  @Override
  public Tensor variance() {
    return Shapes.expandRows(logScale.mul(2).exp().mul(2), batchSize);
  }

  @Override
  public Tensor entropy() {
    return Shapes.expandRows(logScale.add(1 + LOG_2).rowSums(), batchSize);
  }

  @Override
  public String toString() {
    return "Laplace[batch " + batchSize + ", event " + eventSize() + "]";
  }
}
