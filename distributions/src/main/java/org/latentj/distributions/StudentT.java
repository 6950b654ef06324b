package org.latentj.distributions;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.latentj.model.Distribution;
import org.latentj.model.Validation;
import org.latentj.tensor.GradMode;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.DType;
import org.latentj.tensor.Tensor;

/**
 * Independent Student-t distributions with {@code v} degrees of freedom, location {@code mu} and
 * scale {@code s}, one per column:
 *
 * <pre>
 * log p(x) = log Gamma((v+1)/2) - log Gamma(v/2) - log(v pi)/2 - log s
 *            - (v+1)/2 log(1 + ((x - mu)/s)^2 / v)
 * </pre>
 *
 * summed over the event. The heavy tails make it a robust likelihood (a Gaussian whose precision
 * is Gamma(v/2, v/2)-distributed and integrated out; Lange, Little &amp; Taylor 1989).
 *
 * <p>Shapes: {@code loc} is {@code n x d}; {@code scale} and a learned {@code df} are {@code n x d}
 * or a {@code 1 x d} row shared by every example. {@code df} is either a fixed number or a
 * tensor; {@link #logProb} and {@link #entropy} are differentiable in {@code loc}, {@code scale},
 * a learned {@code df}, and the value.
 *
 * <p>{@link #rsample}: {@code x = mu + s T} with {@code T = Z / sqrt(G / v)}, {@code Z ~ N(0, 1)},
 * {@code G ~ chi^2(v) = Gamma(v/2, scale 2)}. Gradients flow to {@code loc} and {@code scale};
 * <b>a learned {@code df} receives no gradient through samples</b> ({@code T} is drawn with
 * {@code df} detached). An unbiased pathwise gradient for {@code df} would need implicit
 * reparameterization of the Gamma draw (Figurnov et al. 2018), which latentj does not provide;
 * {@code df} still learns from every {@code logProb} it appears in.
 *
 * <p>Moments: the mean is {@code mu} for {@code v > 1} and NaN (undefined) otherwise; the
 * variance is {@code s^2 v / (v - 2)} for {@code v > 2}, {@code +inf} for {@code 1 < v <= 2} and
 * NaN (undefined) for {@code v <= 1}, as in PyTorch. Below {@code v} of about 0.01 draws can
 * overflow to {@code +-inf}, and below 0.002 most do: {@code G} underflows, the tails are that
 * heavy.
 *
 * <p>Factories always check shapes; element checks of tensor parameters (finite, positive, in
 * range) and support checks of values run while {@link Validation} is on.
 */
public final class StudentT implements Distribution {

  private static final String FAMILY = "StudentT";
  private static final double LOG_PI = Math.log(Math.PI);

  private final Tensor loc;
  private final Tensor scale;
  /** The learned degrees of freedom, or null when {@link #fixedDf} applies. */
  private final Tensor df;
  private final double fixedDf;

  private StudentT(Tensor loc, Tensor scale, Tensor df, double fixedDf) {
    this.loc = loc;
    this.scale = scale;
    this.df = df;
    this.fixedDf = fixedDf;
  }

  /**
   * Fixed degrees of freedom {@code df > 0}; {@code loc} {@code n x d}, {@code scale} {@code n x d}
   * or {@code 1 x d}, positive.
   */
  public static StudentT of(double df, Tensor loc, Tensor scale) {
    Checks.positive(FAMILY + ": df", df);
    checkLocScale(loc, scale);
    return new StudentT(loc, scale, null, df);
  }

  /**
   * Learned degrees of freedom: {@code df} {@code n x d} or {@code 1 x d}, positive, e.g.
   * {@code softplus(raw) + floor}. See the class comment for what {@link #rsample} does with it.
   */
  public static StudentT ofLearnedDf(Tensor df, Tensor loc, Tensor scale) {
    checkLocScale(loc, scale);
    Shapes.require(FAMILY + ": df", df, loc.rows(), loc.cols(), true);
    Checks.positive(FAMILY + ": df", df);
    return new StudentT(loc, scale, df, Double.NaN);
  }

  private static void checkLocScale(Tensor loc, Tensor scale) {
    Checks.nonNull(FAMILY + ": loc", loc);
    Shapes.require(FAMILY + ": scale", scale, loc.rows(), loc.cols(), true);
    Checks.finite(FAMILY + ": loc", loc);
    Checks.positive(FAMILY + ": scale", scale);
  }

  public Tensor loc() {
    return loc;
  }

  public Tensor scale() {
    return scale;
  }

  /** Whether the degrees of freedom are a tensor (learned) rather than a fixed number. */
  public boolean hasLearnedDf() {
    return df != null;
  }

  /** The degrees of freedom as a tensor: the learned one, or the fixed number as a 1x1. */
  public Tensor df() {
    return df != null ? df : Tensor.scalar(fixedDf);
  }

  /**
   * The same Student-t with {@code loc}, {@code scale} and a learned {@code df} cut from the
   * graph, for DReG estimators.
   */
  @Override
  public StudentT detachParameters() {
    return new StudentT(loc.detach(), scale.detach(), df == null ? null : df.detach(), fixedDf);
  }

  @Override
  public int batchSize() {
    return loc.rows();
  }

  @Override
  public int eventSize() {
    return loc.cols();
  }

  @Override
  public Tensor logProb(Tensor value) {
    Checks.valueShape(FAMILY + ".logProb: value", value, batchSize(), eventSize());
    Checks.finite(FAMILY + ".logProb: value", value);
    Tensor z = value.sub(loc).div(scale);
    Tensor perColumn;
    if (df == null) {
      double v = fixedDf;
      double constant = GammaFunctions.logGammaHalfRatio(v / 2) - 0.5 * (Math.log(v) + LOG_PI);
      perColumn = z.square().div(v).log1p().mul(-(v + 1) / 2).sub(scale.log()).add(constant);
    } else {
      Tensor constant = GammaFunctions.logGammaHalfRatio(df.mul(0.5))
          .sub(df.log().add(LOG_PI).mul(0.5));
      perColumn = z.square().div(df).log1p().mul(df.add(1).mul(-0.5)).sub(scale.log())
          .add(constant);
    }
    return Checks.noNaN(FAMILY + ".logProb", perColumn.rowSums());
  }

  @Override
  public Tensor sample(UniformRandomProvider rng) {
    try (GradMode.Scope off = GradMode.disable()) {
      return rsample(rng).detach();
    }
  }

  /** True; a learned {@code df} gets no gradient through the draw (see the class comment). */
  @Override
  public boolean hasRsample() {
    return true;
  }

  @Override
  public Tensor rsample(UniformRandomProvider rng) {
    int n = batchSize();
    int d = eventSize();
    DMatrixRMaj t = new DMatrixRMaj(n, d);
    ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
    // One chi-square sampler per distinct df: per column when df is fixed or a shared row,
    // per element (the sampler's constants depend on its shape) when each row has its own.
    boolean perElement = df != null && df.rows() == n && n > 1;
    SharedStateContinuousSampler[] columnGamma = new SharedStateContinuousSampler[d];
    if (!perElement) {
      for (int j = 0; j < d; j++) {
        double v = dfAt(0, j);
        columnGamma[j] = AhrensDieterMarsagliaTsangGammaSampler.of(rng, v / 2, 2.0);
      }
    }
    SharedStateContinuousSampler[] rowGamma = columnGamma;
    for (int i = 0; i < n; i++) {
      UniformRandomProvider g = Rngs.row(rng, i);
      if (g != rng) {
        // Keyed noise: this row's samplers draw from the row's own stream.
        normal = ZigguratSampler.NormalizedGaussian.of(g);
        rowGamma = new SharedStateContinuousSampler[d];
        for (int j = 0; j < d && !perElement; j++) {
          rowGamma[j] = columnGamma[j].withUniformRandomProvider(g);
        }
      }
      for (int j = 0; j < d; j++) {
        double v = dfAt(i, j);
        SharedStateContinuousSampler gamma = perElement
            ? AhrensDieterMarsagliaTsangGammaSampler.of(g, v / 2, 2.0) : rowGamma[j];
        t.data[i * d + j] = normal.sample() / Math.sqrt(gamma.sample() / v);
      }
    }
    return loc.add(scale.mul(Tensor.constant(t).to(scale.dtype())));
  }

  /** {@code loc} where {@code df > 1}; NaN (undefined) elsewhere. */
  @Override
  public Tensor mean() {
    int n = batchSize();
    int d = eventSize();
    DMatrixRMaj undefined = new DMatrixRMaj(n, d);
    boolean any = false;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        if (!(dfAt(i, j) > 1)) {
          undefined.data[i * d + j] = Double.NaN;
          any = true;
        }
      }
    }
    return any ? loc.add(Tensor.constant(undefined).to(loc.dtype())) : loc;
  }

  /**
   * {@code scale^2 df / (df - 2)} where {@code df > 2}, {@code +inf} where {@code 1 < df <= 2},
   * NaN (undefined) where {@code df <= 1}.
   */
  @Override
  public Tensor variance() {
    int n = batchSize();
    int d = eventSize();
    DMatrixRMaj keep = new DMatrixRMaj(n, d);
    DMatrixRMaj fill = new DMatrixRMaj(n, d);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        double v = dfAt(i, j);
        keep.data[i * d + j] = v > 2 ? 1.0 : 0.0;
        fill.data[i * d + j] = v > 2 ? 0.0 : v > 1 ? Double.POSITIVE_INFINITY : Double.NaN;
      }
    }
    Tensor factor;
    if (df == null) {
      factor = Tensor.filled(n, d, fixedDf > 2 ? fixedDf / (fixedDf - 2) : 0.0)
          .to(scale.dtype());
    } else {
      // Clamped so that df / (df - 2) stays finite where the mask discards it.
      Tensor safe = df.clamp(Math.nextUp(2.0), Double.MAX_VALUE);
      factor = safe.div(safe.sub(2.0));
    }
    factor = factor.mul(Tensor.constant(keep).to(scale.dtype()))
        .add(Tensor.constant(fill).to(scale.dtype()));
    return scale.square().mul(factor);
  }

  /**
   * {@code log s + (v+1)/2 [psi((v+1)/2) - psi(v/2)] + log(sqrt(v) B(v/2, 1/2))} per column,
   * summed over the event; differentiable in {@code scale} and a learned {@code df}.
   */
  @Override
  public Tensor entropy() {
    int n = batchSize();
    Tensor perColumn;
    if (df == null) {
      double v = fixedDf;
      double a = v / 2;
      double constant = 0.5 * (Math.log(v) + LOG_PI) - GammaFunctions.logGammaHalfRatio(a)
          + (v + 1) / 2 * GammaFunctions.digammaHalfDifference(a);
      perColumn = scale.log().add(constant);
    } else {
      Tensor a = df.mul(0.5);
      Tensor constant = df.log().add(LOG_PI).mul(0.5)
          .sub(GammaFunctions.logGammaHalfRatio(a))
          .add(df.add(1).mul(0.5).mul(GammaFunctions.digammaHalfDifference(a)));
      perColumn = scale.log().add(constant);
    }
    return Checks.noNaN(FAMILY + ".entropy", Shapes.expandRows(perColumn, n).rowSums());
  }

  private double dfAt(int i, int j) {
    if (df == null) {
      return fixedDf;
    }
    return df.get(df.rows() == 1 ? 0 : i, j);
  }

  @Override
  public String toString() {
    return FAMILY + "[" + batchSize() + "x" + eventSize() + ", df="
        + (df == null ? Double.toString(fixedDf) : "learned " + df.shape()) + "]";
  }
}
