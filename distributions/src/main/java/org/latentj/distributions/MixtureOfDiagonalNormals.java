package org.latentj.distributions;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.latentj.model.Distribution;
import org.latentj.model.Validation;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.DType;
import org.latentj.tensor.Tensor;

/**
 * A mixture of {@code K} diagonal Gaussians over {@code d} dimensions, the learned prior of a
 * mixture-of-Gaussians VAE or of the VampPrior (Tomczak &amp; Welling 2018, whose components are
 * the encoder's posteriors at {@code K} learned pseudo-inputs):
 *
 * <pre>
 * log p(x) = log sum_k exp( log pi_k + log N(x; mu_k, diag sigma_k^2) ),   pi = softmax(w)
 * log N(x; mu_k, diag sigma_k^2) = -1/2 [ d log 2pi + sum_j log sigma_kj^2
 *                                         + sum_j (x_j - mu_kj)^2 / sigma_kj^2 ]
 * </pre>
 *
 * <p>Shapes: mixture logits {@code w} are {@code 1 x K} (shared by every row) or {@code n x K};
 * means and log-variances are {@code K x d} and shared by the {@code n} rows of the batch. The
 * log-density is built from tensor ops, so it is differentiable in all parameters and in the
 * value. The {@code n x K} table of squared Mahalanobis distances takes three matrix products,
 * {@code x^2 (1/sigma^2)^T - 2 x (mu/sigma^2)^T + sum_j mu_j^2/sigma_j^2}, instead of an
 * {@code n x K x d} expansion. That form cancels: its absolute error is about
 * {@code 1e-16 (x^2 + mu^2) / sigma^2}, i.e. 1e-10 for standardized data with variances down to
 * 1e-4, but worse for means far from the origin with tiny variances.
 *
 * <p>Mean {@code sum_k pi_k mu_k}; variance {@code sum_k pi_k (sigma_k^2 + mu_k^2) - mean^2}.
 * Sampling picks a component, then draws from it; the choice is discrete, so there is no
 * reparameterized sampler, and the entropy has no closed form.
 *
 * <p>Factories always check shapes; element checks of tensor parameters (finite, positive, in
 * range) and support checks of values run while {@link Validation} is on.
 */
public final class MixtureOfDiagonalNormals implements Distribution {

  /** The largest log-variance magnitude accepted when validation is on. */
  public static final double MAX_ABS_LOG_VARIANCE = 700.0;

  private static final String FAMILY = "MixtureOfDiagonalNormals";
  private static final double LOG_2PI = Math.log(2 * Math.PI);

  private final Tensor mixtureLogits;
  private final Tensor means;
  private final Tensor logVariances;
  private final int batchSize;

  private MixtureOfDiagonalNormals(Tensor mixtureLogits, Tensor means, Tensor logVariances,
      int batchSize) {
    this.mixtureLogits = mixtureLogits;
    this.means = means;
    this.logVariances = logVariances;
    this.batchSize = batchSize;
  }

  /**
   * A batch of {@code batchSize} rows: mixture logits {@code 1 x K} or {@code batchSize x K},
   * component means and log-variances {@code K x d}, all finite; log-variances within
   * {@code +-}{@value #MAX_ABS_LOG_VARIANCE} (beyond, a variance or precision overflows).
   */
  public static MixtureOfDiagonalNormals of(Tensor mixtureLogits, Tensor means,
      Tensor logVariances, int batchSize) {
    Checks.nonNull(FAMILY + ": mixtureLogits", mixtureLogits);
    Checks.nonNull(FAMILY + ": means", means);
    Checks.nonNull(FAMILY + ": logVariances", logVariances);
    Checks.atLeastOne(FAMILY + ": batchSize", batchSize);
    int k = means.rows();
    int d = means.cols();
    Shapes.require(FAMILY + ": logVariances", logVariances, k, d, false);
    Shapes.require(FAMILY + ": mixtureLogits", mixtureLogits, batchSize, k, true);
    Checks.finite(FAMILY + ": mixtureLogits", mixtureLogits);
    Checks.finite(FAMILY + ": means", means);
    Checks.finite(FAMILY + ": logVariances", logVariances);
    Checks.elements(FAMILY + ": logVariances", logVariances,
        lv -> Math.abs(lv) <= MAX_ABS_LOG_VARIANCE,
        "must lie within +-" + MAX_ABS_LOG_VARIANCE + " (the variance would overflow)");
    return new MixtureOfDiagonalNormals(mixtureLogits, means, logVariances, batchSize);
  }

  public Tensor mixtureLogits() {
    return mixtureLogits;
  }

  public Tensor means() {
    return means;
  }

  public Tensor logVariances() {
    return logVariances;
  }

  /** The same mixture with every parameter cut from the graph. */
  @Override
  public MixtureOfDiagonalNormals detachParameters() {
    return new MixtureOfDiagonalNormals(mixtureLogits.detach(), means.detach(),
        logVariances.detach(), batchSize);
  }

  /** The number of components {@code K}. */
  public int components() {
    return means.rows();
  }

  @Override
  public int batchSize() {
    return batchSize;
  }

  @Override
  public int eventSize() {
    return means.cols();
  }

  /**
   * {@code log p(x | component k) + log pi_k} for every row and component: {@code n x K}. The
   * mixture's {@link #logProb} is the row-wise log-sum-exp of this table; the table itself is the
   * log of the unnormalized responsibilities.
   */
  public Tensor componentLogJoint(Tensor value) {
    Checks.valueShape(FAMILY + ".logProb: value", value, batchSize, eventSize());
    Checks.finite(FAMILY + ".logProb: value", value);
    int d = eventSize();
    Tensor precision = logVariances.neg().exp(); // K x d
    Tensor scaledMeans = means.mul(precision); // K x d
    // sum_j (x_j - mu_kj)^2 / var_kj = x^2 . prec_k - 2 x . (mu_k prec_k) + sum_j mu_kj^2 prec_kj
    Tensor quadratic = value.square().matmulTransB(precision)
        .sub(value.matmulTransB(scaledMeans).mul(2.0))
        .add(scaledMeans.mul(means).rowSums().transpose()); // n x K
    Tensor logDet = logVariances.rowSums().transpose(); // 1 x K
    Tensor logNormal = quadratic.add(logDet).add(d * LOG_2PI).mul(-0.5);
    return logNormal.add(mixtureLogits.logSoftmax());
  }

  @Override
  public Tensor logProb(Tensor value) {
    return Checks.noNaN(FAMILY + ".logProb", componentLogJoint(value).rowLogSumExp());
  }

  /** Picks a component with probability {@code pi}, then draws from its Gaussian. */
  @Override
  public Tensor sample(UniformRandomProvider rng) {
    int n = batchSize;
    int d = eventSize();
    int k = components();
    // Drawn in float64 whatever the model's dtype; the draw is returned in that dtype.
    double[] w = mixtureLogits.to(DType.FLOAT64).value().data;
    boolean shared = mixtureLogits.rows() == 1;
    double[] mu = means.to(DType.FLOAT64).value().data;
    double[] lv = logVariances.to(DType.FLOAT64).value().data;
    ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
    DMatrixRMaj out = new DMatrixRMaj(n, d);
    for (int i = 0; i < n; i++) {
      UniformRandomProvider g = Rngs.row(rng, i);
      if (g != rng) {
        normal = ZigguratSampler.NormalizedGaussian.of(g); // this row's own stream (keyed noise)
      }
      int c = OneHotCategorical.drawClass(w, shared ? 0 : i * k, k, g);
      for (int j = 0; j < d; j++) {
        out.data[i * d + j] = mu[c * d + j] + Math.exp(0.5 * lv[c * d + j]) * normal.sample();
      }
    }
    return Tensor.constant(out).to(means.dtype());
  }

  /** {@code sum_k pi_k mu_k}: {@code n x d}. */
  @Override
  public Tensor mean() {
    Tensor mean = mixtureLogits.softmax().matmul(means);
    return Shapes.expandRows(mean, batchSize);
  }

  /**
   * {@code sum_k pi_k (sigma_k^2 + mu_k^2) - mean^2}. With shared mixture weights it is computed
   * as {@code sum_k pi_k sigma_k^2 + sum_k pi_k (mu_k - mean)^2}, which does not cancel; with
   * per-row weights in the first form, floored at 0 against rounding.
   */
  @Override
  public Tensor variance() {
    Tensor pi = mixtureLogits.softmax();
    Tensor mean = pi.matmul(means);
    Tensor variance;
    if (mixtureLogits.rows() == 1) {
      variance = pi.matmul(logVariances.exp().add(means.sub(mean).square()));
    } else {
      variance = pi.matmul(logVariances.exp().add(means.square())).sub(mean.square()).relu();
    }
    return Shapes.expandRows(variance, batchSize);
  }

  @Override
  public String toString() {
    return FAMILY + "[" + batchSize + "x" + eventSize() + ", " + components() + " components]";
  }
}
