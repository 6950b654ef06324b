package org.latentj.distributions;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/**
 * A batch of diagonal Gaussians {@code N(mu, diag sigma^2)}, one per row:
 *
 * <pre>
 *   log p(x) = -1/2 sum_j [ log(2 pi) + log sigma_j^2 + (x_j - mu_j)^2 / sigma_j^2 ]
 *   H        =  1/2 sum_j [ 1 + log(2 pi) + log sigma_j^2 ]
 * </pre>
 *
 * <p>Built from a log-variance (what encoders output; Kingma &amp; Welling 2013, appendix C.2) or
 * from a scale. The density never forms the variance: it standardises {@code z = (x - mu) / sigma}
 * with {@code 1/sigma = exp(-logvar / 2)} and adds the log-variance itself, so it stays finite and
 * accurate for log-variances from -50 to 50 and for scales as small as 1e-30.
 *
 * <p>Shapes: {@code mean} and the spread parameter are both {@code n x d}, or either one is a
 * {@code 1 x d} row shared by all {@code n} rows (a learned or fixed per-feature variance). The
 * batch size is the larger row count.
 */
public final class Normal extends LocationScaleFamily {

  static final double LOG_2PI = Math.log(2 * Math.PI);

  private Normal(Tensor loc, Tensor scale, Tensor logVariance, Tensor inverseScale,
      int batchSize) {
    super(loc, scale, logVariance, inverseScale, batchSize);
  }

  /**
   * {@code N(mean, diag exp(logVariance))}.
   *
   * @param mean {@code n x d} or {@code 1 x d}; finite
   * @param logVariance {@code n x d} or {@code 1 x d}; finite
   */
  public static Normal ofLogVariance(Tensor mean, Tensor logVariance) {
    int n = checkLogSpread("Normal.ofLogVariance", "mean", mean, "logVariance", logVariance);
    return new Normal(mean, logVariance.mul(0.5).exp(), logVariance,
        logVariance.mul(-0.5).exp(), n);
  }

  /**
   * {@code N(mean, diag scale^2)}.
   *
   * @param mean {@code n x d} or {@code 1 x d}; finite
   * @param scale {@code n x d} or {@code 1 x d}; finite and strictly positive
   */
  public static Normal ofScale(Tensor mean, Tensor scale) {
    int n = checkScale("Normal.ofScale", "mean", mean, scale);
    return new Normal(mean, scale, scale.log().mul(2), scale.rdiv(1.0), n);
  }

  /** {@code log sigma^2} ({@code n x d} or {@code 1 x d}). */
  public Tensor logVariance() {
    return logSpread();
  }

  /** The same Normal with its parameters cut from the graph, for DReG estimators. */
  @Override
  public Normal detachParameters() {
    return new Normal(loc().detach(), scale().detach(), logVariance().detach(),
        inverseScale().detach(), batchSize());
  }

  @Override
  public Tensor logProb(Tensor value) {
    Tensor z = checkedValue("Normal.logProb: value", value).sub(loc()).mul(inverseScale());
    return z.square().add(logVariance()).add(LOG_2PI).mul(-0.5).rowSums();
  }

  /** {@code eps ~ N(0, I)}. */
  @Override
  DMatrixRMaj standardNoise(UniformRandomProvider rng) {
    return Rngs.standardNormal(rng, batchSize(), eventSize());
  }

  @Override
  public Tensor variance() {
    return Shapes.expandRows(logVariance().exp(), batchSize());
  }

  @Override
  public Tensor entropy() {
    return Shapes.expandRows(logVariance().add(1 + LOG_2PI).mul(0.5).rowSums(), batchSize());
  }
}
