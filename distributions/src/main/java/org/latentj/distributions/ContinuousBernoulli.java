package org.latentj.distributions;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.tensor.DType;
import org.latentj.tensor.GradMode;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/**
 * The continuous Bernoulli on {@code [0, 1]} (Loaiza-Ganem &amp; Cunningham, "The continuous
 * Bernoulli: fixing a pervasive error in variational autoencoders", NeurIPS 2019), the properly
 * normalised density for grey-level data, from logits {@code l} with {@code lambda = sigmoid(l)}:
 *
 * <pre>
 *   p(x) = C(lambda) lambda^x (1 - lambda)^(1 - x),   C = 2 atanh(1 - 2 lambda) / (1 - 2 lambda)
 *   log p(x) = sum_j [ x_j l_j - softplus(l_j) + log C(l_j) ]
 * </pre>
 *
 * <p>Everything is written in the logit, where it is simple and stable. Since
 * {@code 1 - 2 lambda = -tanh(l/2)} and {@code 2 atanh(1 - 2 lambda) = -l},
 * {@code C = l / tanh(l/2)}; equivalently {@code p(x) = l e^(l x) / (e^l - 1)}, so the
 * cumulant function is {@code g(l) = log((e^l - 1) / l)} and
 *
 * <pre>
 *   mean     = g'(l)  = 1/2 + 1 / (2 tanh(l/2)) - 1/l
 *   variance = g''(l) = 1/l^2 - e^-|l| / (1 - e^-|l|)^2      (= 1/l^2 - 1 / (4 sinh^2(l/2)))
 *   entropy  = sum_j [ softplus(l_j) - log C(l_j) - l_j mean_j ]
 *   F^-1(u)  = log(1 + u (e^l - 1)) / l                      (the inverse CDF)
 * </pre>
 *
 * <p>Each closed form is 0/0 at {@code l = 0} and cancels digits beside it, so inside a window
 * each switches to its Taylor series in {@code l} (see {@link NearZero}). The series of log C,
 * the mean and the variance come from {@code coth}'s, with Bernoulli numbers {@code B_2n}:
 *
 * <pre>
 *   log C    = log 2 + sum_n (2^2n - 2) B_2n / (2n (2n)!) l^2n
 *   mean     = 1/2   + sum_n B_2n / (2n)! l^(2n-1)
 *   variance =         sum_n (2n - 1) B_2n / (2n)! l^(2n-2)
 * </pre>
 *
 * <p>They converge for {@code |l| < 2 pi}; nine terms on {@code |l| < 1/2} leave a truncation
 * error below 1e-16, while at {@code |l| = 1/2} the closed forms lose under two digits (the
 * variance's {@code 1/l^2} is 48 times the result there; tests hold it to 1e-13). For
 * large {@code |l|} every form stays finite: {@code tanh} saturates, {@code e^-|l|} underflows
 * harmlessly, and the inverse CDF is computed for {@code -|l|} and mirrored ({@code X ~ CB(l)}
 * iff {@code 1 - X ~ CB(-l)}), with {@code e^-a - 1 = -2 tanh(a/2) / (1 + tanh(a/2))} accurate
 * for every {@code a >= 0}.
 */
public final class ContinuousBernoulli extends LogitsFamily {

  /** {@code |l|} below which log C, the mean and the variance use their series. */
  static final double SERIES_RADIUS = 0.5;
  /**
   * The inverse CDF's series has {@code u}-dependent coefficients; four terms on
   * {@code |l| < 1e-3} leave a truncation error of about 1e-15.
   */
  static final double QUANTILE_SERIES_RADIUS = 1e-3;

  /** {@code (2^2n - 2) B_2n / (2n (2n)!)}, n = 1..9: log C = log 2 + sum_n c_n l^2n. */
  static final double[] LOG_NORMALIZER_SERIES = {
      0.08333333333333333, -0.004861111111111111, 0.00034171075837742505, -2.6248346560846562e-5,
      2.1336045641601195e-6, -1.8027895356488832e-7, 1.565947953183403e-8,
      -1.3883706783700259e-9, 1.2504263775315483e-10};
  /** {@code B_2n / (2n)!}, n = 1..9: mean = 1/2 + sum_n c_n l^(2n-1). */
  static final double[] MEAN_SERIES = {
      0.08333333333333333, -0.001388888888888889, 3.306878306878307e-5, -8.267195767195768e-7,
      2.08767569878681e-8, -5.284190138687493e-10, 1.3382536530684679e-11, -3.3896802963225827e-13,
      8.586062056277845e-15};
  /** {@code (2n - 1) B_2n / (2n)!}, n = 1..9: variance = sum_n c_n l^(2n-2). */
  static final double[] VARIANCE_SERIES = {
      0.08333333333333333, -0.004166666666666667, 0.00016534391534391533, -5.787037037037037e-6,
      1.8789081289081288e-7, -5.812609152556243e-9, 1.7397297489890083e-10,
      -5.084520444483875e-12, 1.4596305495672335e-13};

  private static final double LOG_2 = Math.log(2);

  private ContinuousBernoulli(Tensor logits) {
    super(logits);
  }

  /**
   * The continuous Bernoulli with {@code lambda = sigmoid(logits)}.
   *
   * @param logits {@code n x d}; finite
   */
  public static ContinuousBernoulli ofLogits(Tensor logits) {
    return new ContinuousBernoulli(checkedLogits("ContinuousBernoulli.ofLogits: logits", logits));
  }

  /** The shape parameter {@code lambda = sigmoid(l)} (not the mean), {@code n x d}. */
  public Tensor probs() {
    return logits().sigmoid();
  }

  @Override
  public Tensor logProb(Tensor value) {
    return sigmoidLogLikelihoodRows("ContinuousBernoulli.logProb: value", value)
        .add(logNormalizer().rowSums());
  }

  /** The same continuous Bernoulli with its logits cut from the graph. */
  @Override
  public ContinuousBernoulli detachParameters() {
    return new ContinuousBernoulli(logits().detach());
  }

  /** {@code log C = log(l / tanh(l/2))}, elementwise; near 0 its series. */
  Tensor logNormalizer() {
    return NearZero.piecewise(logits(), SERIES_RADIUS,
        l -> l.div(l.mul(0.5).tanh()).log(),
        l -> {
          Tensor s = l.square();
          return polynomial(s, LOG_NORMALIZER_SERIES).mul(s).add(LOG_2);
        });
  }

  /** {@code c[0] + c[1] s + ... + c[k] s^k} by Horner's rule. */
  private static Tensor polynomial(Tensor s, double[] c) {
    Tensor acc = s.mul(c[c.length - 1]).add(c[c.length - 2]);
    for (int k = c.length - 3; k >= 0; k--) {
      acc = acc.mul(s).add(c[k]);
    }
    return acc;
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

  /**
   * {@code F^-1(u)} for {@code u} uniform on (0, 1), differentiable in the logits. Near
   * {@code l = 0} it is the series {@code u + k2 l/2 + k3 l^2/6 + k4 l^3/24} with the
   * Bernoulli(u) cumulants {@code k2 = u(1-u)}, {@code k3 = k2 (1-2u)},
   * {@code k4 = k2 (1 - 6 k2)} (the numerator is the cumulant function of a Bernoulli(u)).
   * The result is clamped to {@code [0, 1]} so rounding never leaves the support.
   */
  @Override
  public Tensor rsample(UniformRandomProvider rng) {
    DMatrixRMaj u = new DMatrixRMaj(batchSize(), eventSize());
    Rngs.fillUniformOpen(rng, u);
    return NearZero.piecewise(logits(), QUANTILE_SERIES_RADIUS,
        l -> quantile(l, u), l -> quantileSeries(l, u)).clamp(0, 1);
  }

  /** {@code F^-1(u)} away from {@code l = 0}, through the mirror image with logit {@code -|l|}. */
  private static Tensor quantile(Tensor l, DMatrixRMaj u) {
    int n = u.getNumElements();
    double[] ld = l.to(DType.FLOAT64).value().data;
    DMatrixRMaj v = new DMatrixRMaj(u.numRows, u.numCols);
    DMatrixRMaj sign = new DMatrixRMaj(u.numRows, u.numCols);
    DMatrixRMaj offset = new DMatrixRMaj(u.numRows, u.numCols);
    for (int i = 0; i < n; i++) {
      boolean negative = ld[i] < 0;
      v.data[i] = negative ? u.data[i] : 1.0 - u.data[i];
      sign.data[i] = negative ? 1.0 : -1.0;
      offset.data[i] = negative ? 0.0 : 1.0;
    }
    Tensor a = l.abs();
    Tensor t = a.mul(0.5).tanh();
    Tensor expm1OfMinusA = t.mul(-2).div(t.add(1));
    // The quantile of CB(-a) at v: log(1 + v (e^-a - 1)) / (-a), in (0, 1).
    Tensor mirrored = Tensor.constant(v, l.dtype()).mul(expm1OfMinusA).log1p().div(a).neg();
    return mirrored.mul(Tensor.constant(sign, l.dtype())).add(Tensor.constant(offset, l.dtype()));
  }

  private static Tensor quantileSeries(Tensor l, DMatrixRMaj u) {
    int n = u.getNumElements();
    DMatrixRMaj c1 = new DMatrixRMaj(u.numRows, u.numCols);
    DMatrixRMaj c2 = new DMatrixRMaj(u.numRows, u.numCols);
    DMatrixRMaj c3 = new DMatrixRMaj(u.numRows, u.numCols);
    for (int i = 0; i < n; i++) {
      double ui = u.data[i];
      double k2 = ui * (1 - ui);
      c1.data[i] = k2 / 2;
      c2.data[i] = k2 * (1 - 2 * ui) / 6;
      c3.data[i] = k2 * (1 - 6 * k2) / 24;
    }
    DType d = l.dtype();
    return l.mul(Tensor.constant(c3, d)).add(Tensor.constant(c2, d)).mul(l)
        .add(Tensor.constant(c1, d)).mul(l).add(Tensor.constant(u, d));
  }

  /** {@code 1/2 + 1/(2 tanh(l/2)) - 1/l}; near 0, {@code 1/2 + l/12 - l^3/720 + ...}. */
  @Override
  public Tensor mean() {
    return NearZero.piecewise(logits(), SERIES_RADIUS,
        l -> l.mul(0.5).tanh().rdiv(0.5).add(0.5).sub(l.rdiv(1.0)),
        l -> polynomial(l.square(), MEAN_SERIES).mul(l).add(0.5));
  }

  /** {@code 1/l^2 - e^-|l| / (1 - e^-|l|)^2}; near 0, {@code 1/12 - l^2/240 + ...}. */
  @Override
  public Tensor variance() {
    return NearZero.piecewise(logits(), SERIES_RADIUS,
        l -> {
          Tensor e = l.abs().neg().exp();
          return l.square().rdiv(1.0).sub(e.div(e.neg().add(1).square()));
        },
        l -> polynomial(l.square(), VARIANCE_SERIES));
  }

  /** {@code -E[log p(X)] = sum_j [softplus(l_j) - log C(l_j) - l_j mean_j]}. */
  @Override
  public Tensor entropy() {
    Tensor logits = logits();
    return logits.softplus().sub(logNormalizer()).sub(logits.mul(mean())).rowSums();
  }

  @Override
  public String toString() {
    return "ContinuousBernoulli[batch " + batchSize() + ", event " + eventSize() + "]";
  }
}
