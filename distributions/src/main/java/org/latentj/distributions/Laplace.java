package org.latentj.distributions;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.tensor.Rngs;
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
public final class Laplace extends LocationScaleFamily {

  private static final double LOG_2 = Math.log(2);

  private Laplace(Tensor loc, Tensor scale, Tensor logScale, Tensor inverseScale,
      int batchSize) {
    super(loc, scale, logScale, inverseScale, batchSize);
  }

  /**
   * {@code Laplace(loc, scale)}.
   *
   * @param loc {@code n x d} or {@code 1 x d}; finite
   * @param scale {@code n x d} or {@code 1 x d}; finite and strictly positive
   */
  public static Laplace of(Tensor loc, Tensor scale) {
    int n = checkScale("Laplace.of", "loc", loc, scale);
    return new Laplace(loc, scale, scale.log(), scale.rdiv(1.0), n);
  }

  /**
   * {@code Laplace(loc, exp(logScale))}, the form a network's unconstrained output gives.
   *
   * @param loc {@code n x d} or {@code 1 x d}; finite
   * @param logScale {@code n x d} or {@code 1 x d}; finite
   */
  public static Laplace ofLogScale(Tensor loc, Tensor logScale) {
    int n = checkLogSpread("Laplace.ofLogScale", "loc", loc, "logScale", logScale);
    return new Laplace(loc, logScale.exp(), logScale, logScale.neg().exp(), n);
  }

  /** {@code log b} ({@code n x d} or {@code 1 x d}). */
  public Tensor logScale() {
    return logSpread();
  }

  /** The same Laplace with its parameters cut from the graph, for DReG estimators. */
  @Override
  public Laplace detachParameters() {
    return new Laplace(loc().detach(), scale().detach(), logScale().detach(),
        inverseScale().detach(), batchSize());
  }

  @Override
  public Tensor logProb(Tensor value) {
    return checkedValue("Laplace.logProb: value", value).sub(loc()).abs().mul(inverseScale())
        .add(logScale()).add(LOG_2).neg().rowSums();
  }

  /** {@code e = log(2u)} for {@code u < 1/2}, {@code -log(2(1 - u))} otherwise: the inverse CDF. */
  @Override
  DMatrixRMaj standardNoise(UniformRandomProvider rng) {
    DMatrixRMaj e = new DMatrixRMaj(batchSize(), eventSize());
    double[] d = e.data;
    int cols = eventSize();
    for (int i = 0; i < d.length; i++) {
      UniformRandomProvider g = Rngs.row(rng, i / cols);
      double u;
      do {
        u = g.nextDouble();
      } while (u == 0.0);
      // Each half of the inverse CDF takes its log of a number in (0, 1], never of 0.
      d[i] = u < 0.5 ? Math.log(2 * u) : -Math.log(2 * (1 - u));
    }
    return e;
  }

  @Override
  public Tensor variance() {
    return Shapes.expandRows(logScale().mul(2).exp().mul(2), batchSize());
  }

  @Override
  public Tensor entropy() {
    return Shapes.expandRows(logScale().add(1 + LOG_2).rowSums(), batchSize());
  }
}
