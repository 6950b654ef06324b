package org.latentj.distributions;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.distribution.AbstractRealDistribution;
import org.apache.commons.math3.distribution.LaplaceDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.model.Distribution;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/** The fixtures of every family of part A, with their references. */
final class Fixtures {

  private Fixtures() {}

  /** One fixture per family and factory, plus a broadcast (shared-row) Normal. */
  static Stream<DistributionFixture> all() {
    return Stream.of(
        normalLogVariance(),
        normalScale(),
        normalSharedLogVariance(),
        standardNormal(),
        bernoulli(),
        continuousBernoulli(),
        laplace(),
        laplaceLogScale());
  }

  static NormalFixture normalLogVariance() {
    return new NormalFixture("Normal.ofLogVariance", false,
        m(new double[][] {{0.3, -1.2, 2.0}, {-0.7, 0.0, 5.0}}),
        m(new double[][] {{0.0, -1.5, 0.8}, {1.2, -0.4, -3.0}}));
  }

  static NormalFixture normalScale() {
    return new NormalFixture("Normal.ofScale", true,
        m(new double[][] {{1.1, -0.3}, {0.0, 4.0}}),
        m(new double[][] {{0.5, 2.0}, {1.3, 0.05}}));
  }

  /** A {@code 1 x d} log-variance shared by every row (as {@link NormalHead#learnedVariance}). */
  static NormalFixture normalSharedLogVariance() {
    return new NormalFixture("Normal.ofLogVariance with a shared 1xd log-variance row", false,
        m(new double[][] {{0.5, -2.0}, {1.5, 0.2}, {-0.4, 0.9}}),
        m(new double[][] {{-0.6, 0.7}}));
  }

  static StandardNormalFixture standardNormal() {
    return new StandardNormalFixture(2, 3);
  }

  static BernoulliFixture bernoulli() {
    return new BernoulliFixture(m(new double[][] {{-1.5, 0.2, 3.0}, {0.8, -4.0, 0.0}}));
  }

  /** Logits on both sides of the series windows (0.0005 and 0.02 are inside). */
  static ContinuousBernoulliFixture continuousBernoulli() {
    return new ContinuousBernoulliFixture(
        m(new double[][] {{-2.5, 0.3, 0.0005}, {0.02, 4.0, -0.7}}));
  }

  static LaplaceFixture laplace() {
    return new LaplaceFixture("Laplace.of", false,
        m(new double[][] {{0.0, 1.5}, {-2.0, 0.3}}),
        m(new double[][] {{1.0, 0.4}, {2.5, 0.1}}));
  }

  static LaplaceFixture laplaceLogScale() {
    return new LaplaceFixture("Laplace.ofLogScale", true,
        m(new double[][] {{0.7, -0.2, 3.0}, {-1.0, 0.5, 0.0}}),
        m(new double[][] {{0.0, -1.0, 0.9}, {0.4, -2.3, 1.5}}));
  }

  static DMatrixRMaj m(double[][] rows) {
    return new DMatrixRMaj(rows);
  }

  static DMatrixRMaj filled(int rows, int cols, double v) {
    DMatrixRMaj out = new DMatrixRMaj(rows, cols);
    out.fill(v);
    return out;
  }

  /** The KS p-value of {@code draws} against the continuous CDF {@code cdf}. */
  static double ksPValue(DoubleUnaryOperator cdf, double[] draws) {
    return new KolmogorovSmirnovTest(null).kolmogorovSmirnovTest(new CdfOnly(cdf), draws, false);
  }

  static double ksPValue(RealDistribution reference, double[] draws) {
    return new KolmogorovSmirnovTest(null).kolmogorovSmirnovTest(reference, draws, false);
  }

  /** Adapts a CDF to what {@link KolmogorovSmirnovTest} reads (only the CDF). */
  private static final class CdfOnly extends AbstractRealDistribution {
    private static final long serialVersionUID = 1L;
    private final transient DoubleUnaryOperator cdf;

    CdfOnly(DoubleUnaryOperator cdf) {
      super(null);
      this.cdf = cdf;
    }

    @Override
    public double cumulativeProbability(double x) {
      return cdf.applyAsDouble(x);
    }

    @Override
    public double density(double x) {
      throw new UnsupportedOperationException();
    }

    @Override
    public double getNumericalMean() {
      throw new UnsupportedOperationException();
    }

    @Override
    public double getNumericalVariance() {
      throw new UnsupportedOperationException();
    }

    @Override
    public double getSupportLowerBound() {
      return Double.NEGATIVE_INFINITY;
    }

    @Override
    public double getSupportUpperBound() {
      return Double.POSITIVE_INFINITY;
    }

    @Override
    public boolean isSupportLowerBoundInclusive() {
      return false;
    }

    @Override
    public boolean isSupportUpperBoundInclusive() {
      return false;
    }

    @Override
    public boolean isSupportConnected() {
      return true;
    }
  }

  // ------------------------------------------------------------------------------- Normal

  static final class NormalFixture extends DistributionFixture {
    private final boolean fromScale;

    NormalFixture(String name, boolean fromScale, DMatrixRMaj mean, DMatrixRMaj spread) {
      super(name, "Normal", mean, spread);
      this.fromScale = fromScale;
    }

    @Override
    Distribution build(Tensor... p) {
      return fromScale ? Normal.ofScale(p[0], p[1]) : Normal.ofLogVariance(p[0], p[1]);
    }

    @Override
    NormalFixture with(DMatrixRMaj... p) {
      return new NormalFixture(name(), fromScale, p[0], p[1]);
    }

    private double sd(int row, int col) {
      return fromScale ? at(1, row, col) : Math.exp(at(1, row, col) / 2);
    }

    private NormalDistribution reference(int row, int col) {
      return new NormalDistribution(null, at(0, row, col), sd(row, col),
          NormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
    }

    @Override
    double referenceLogDensity(int row, int col, double x) {
      return reference(row, col).logDensity(x);
    }

    @Override
    double referenceMean(int row, int col) {
      return reference(row, col).getNumericalMean();
    }

    @Override
    double referenceVariance(int row, int col) {
      return reference(row, col).getNumericalVariance();
    }

    @Override
    double goodnessOfFit(int row, int col, double[] draws) {
      return ksPValue(reference(row, col), draws);
    }

    @Override
    DMatrixRMaj supportPoints(UniformRandomProvider rng) {
      DMatrixRMaj x = Rngs.standardNormal(rng, rows(), cols());
      for (int i = 0; i < rows(); i++) {
        for (int j = 0; j < cols(); j++) {
          x.set(i, j, at(0, i, j) + 1.5 * sd(i, j) * x.get(i, j));
        }
      }
      return x;
    }

    @Override
    double outsideSupport() {
      return Double.NaN;
    }

    @Override
    List<DMatrixRMaj[]> extremeParameters() {
      DMatrixRMaj mean = filled(rows(), cols(), 0.25);
      if (fromScale) {
        return List.of(
            new DMatrixRMaj[] {mean, filled(rows(), cols(), 1e-30)},
            new DMatrixRMaj[] {mean, filled(rows(), cols(), 1e20)});
      }
      int r = parameters()[1].numRows;
      return List.of(
          new DMatrixRMaj[] {mean, filled(r, cols(), -50)},
          new DMatrixRMaj[] {mean, filled(r, cols(), 50)});
    }

    @Override
    List<Invalid> invalidParameters() {
      DMatrixRMaj[] nanMean = parameters();
      nanMean[0].set(1, 1, Double.NaN);
      DMatrixRMaj[] badSpread = parameters();
      badSpread[1].set(0, 1, fromScale ? -0.5 : Double.NaN);
      DMatrixRMaj[] zeroScale = parameters();
      zeroScale[1].set(0, 0, fromScale ? 0.0 : Double.POSITIVE_INFINITY);
      DMatrixRMaj[] wrongShape = parameters();
      wrongShape[1] = new DMatrixRMaj(rows(), cols() + 1);
      String spread = fromScale ? "scale" : "logVariance";
      return List.of(
          new Invalid("NaN mean", "mean", nanMean),
          new Invalid(fromScale ? "negative scale" : "NaN log-variance", spread, badSpread),
          new Invalid(fromScale ? "zero scale" : "infinite log-variance", spread, zeroScale),
          new Invalid("mismatched shapes", spread, wrongShape));
    }
  }

  static final class StandardNormalFixture extends DistributionFixture {
    private static final NormalDistribution UNIT =
        new NormalDistribution(null, 0, 1, NormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);

    StandardNormalFixture(int rows, int cols) {
      super("StandardNormal", "StandardNormal", rows, cols);
    }

    @Override
    Distribution build(Tensor... p) {
      return StandardNormal.of(rows(), cols());
    }

    @Override
    Distribution repeated(int k) {
      return StandardNormal.of(rows() * k, cols());
    }

    @Override
    StandardNormalFixture with(DMatrixRMaj... p) {
      return this;
    }

    @Override
    double referenceLogDensity(int row, int col, double x) {
      return UNIT.logDensity(x);
    }

    @Override
    double referenceMean(int row, int col) {
      return 0;
    }

    @Override
    double referenceVariance(int row, int col) {
      return 1;
    }

    @Override
    double goodnessOfFit(int row, int col, double[] draws) {
      return ksPValue(UNIT, draws);
    }

    @Override
    DMatrixRMaj supportPoints(UniformRandomProvider rng) {
      DMatrixRMaj x = Rngs.standardNormal(rng, rows(), cols());
      for (int i = 0; i < x.data.length; i++) {
        x.data[i] *= 1.5;
      }
      return x;
    }

    @Override
    double outsideSupport() {
      return Double.POSITIVE_INFINITY;
    }

    @Override
    List<DMatrixRMaj[]> extremeParameters() {
      return List.of();
    }

    @Override
    List<Invalid> invalidParameters() {
      return List.of();
    }
  }

  // ------------------------------------------------------------------------------ Bernoulli

  static final class BernoulliFixture extends DistributionFixture {
    BernoulliFixture(DMatrixRMaj logits) {
      super("Bernoulli.ofLogits", "Bernoulli", logits);
    }

    @Override
    Distribution build(Tensor... p) {
      return Bernoulli.ofLogits(p[0]);
    }

    @Override
    BernoulliFixture with(DMatrixRMaj... p) {
      return new BernoulliFixture(p[0]);
    }

    private double p(int row, int col) {
      return 1 / (1 + Math.exp(-at(0, row, col)));
    }

    /** The textbook form with p, valid at moderate logits. */
    @Override
    double referenceLogDensity(int row, int col, double x) {
      double p = p(row, col);
      return x * Math.log(p) + (1 - x) * Math.log(1 - p);
    }

    @Override
    double referenceMean(int row, int col) {
      return p(row, col);
    }

    @Override
    double referenceVariance(int row, int col) {
      return p(row, col) * (1 - p(row, col));
    }

    /** Chi-square of the counts of ones and zeros against {@code n p} and {@code n (1 - p)}. */
    @Override
    double goodnessOfFit(int row, int col, double[] draws) {
      long ones = 0;
      for (double x : draws) {
        if (x != 0.0 && x != 1.0) {
          throw new AssertionError("Bernoulli draw " + x + " is neither 0 nor 1");
        }
        ones += (long) x;
      }
      double p = p(row, col);
      return new ChiSquareTest().chiSquareTest(
          new double[] {draws.length * p, draws.length * (1 - p)},
          new long[] {ones, draws.length - ones});
    }

    /** Grey levels, with about a third of them exactly 0 or 1. */
    @Override
    DMatrixRMaj supportPoints(UniformRandomProvider rng) {
      DMatrixRMaj x = new DMatrixRMaj(rows(), cols());
      for (int i = 0; i < x.data.length; i++) {
        double u = rng.nextDouble();
        x.data[i] = u < 1.0 / 3 ? Math.rint(rng.nextDouble()) : 0.02 + 0.96 * rng.nextDouble();
      }
      return x;
    }

    @Override
    double outsideSupport() {
      return 1.5;
    }

    @Override
    boolean continuous() {
      return false;
    }

    @Override
    List<DMatrixRMaj[]> extremeParameters() {
      return List.of(
          new DMatrixRMaj[] {filled(rows(), cols(), 1000)},
          new DMatrixRMaj[] {filled(rows(), cols(), -1000)});
    }

    @Override
    List<Invalid> invalidParameters() {
      DMatrixRMaj[] nan = parameters();
      nan[0].set(1, 2, Double.NaN);
      DMatrixRMaj[] inf = parameters();
      inf[0].set(0, 0, Double.NEGATIVE_INFINITY);
      return List.of(new Invalid("NaN logit", "logits", nan),
          new Invalid("infinite logit", "logits", inf));
    }
  }

  static final class ContinuousBernoulliFixture extends DistributionFixture {
    ContinuousBernoulliFixture(DMatrixRMaj logits) {
      super("ContinuousBernoulli.ofLogits", "ContinuousBernoulli", logits);
    }

    @Override
    Distribution build(Tensor... p) {
      return ContinuousBernoulli.ofLogits(p[0]);
    }

    @Override
    ContinuousBernoulliFixture with(DMatrixRMaj... p) {
      return new ContinuousBernoulliFixture(p[0]);
    }

    @Override
    double referenceLogDensity(int row, int col, double x) {
      return CbReference.logDensity(at(0, row, col), x);
    }

    @Override
    double referenceMean(int row, int col) {
      return CbReference.moment(at(0, row, col), 1);
    }

    @Override
    double referenceVariance(int row, int col) {
      double mean = referenceMean(row, col);
      return CbReference.moment(at(0, row, col), 2) - mean * mean;
    }

    @Override
    double goodnessOfFit(int row, int col, double[] draws) {
      double l = at(0, row, col);
      return ksPValue(x -> CbReference.cdf(l, x), draws);
    }

    @Override
    DMatrixRMaj supportPoints(UniformRandomProvider rng) {
      DMatrixRMaj x = new DMatrixRMaj(rows(), cols());
      for (int i = 0; i < x.data.length; i++) {
        x.data[i] = 0.02 + 0.96 * rng.nextDouble();
      }
      return x;
    }

    @Override
    double outsideSupport() {
      return -0.25;
    }

    @Override
    List<DMatrixRMaj[]> extremeParameters() {
      return List.of(
          new DMatrixRMaj[] {filled(rows(), cols(), 1000)},
          new DMatrixRMaj[] {filled(rows(), cols(), -1000)},
          new DMatrixRMaj[] {filled(rows(), cols(), 0.0)},
          new DMatrixRMaj[] {filled(rows(), cols(), 1e-300)});
    }

    @Override
    List<Invalid> invalidParameters() {
      DMatrixRMaj[] nan = parameters();
      nan[0].set(0, 1, Double.NaN);
      return List.of(new Invalid("NaN logit", "logits", nan));
    }
  }

  /**
   * The continuous Bernoulli in plain double: the paper's lambda form for log-densities at
   * moderate logits (where {@code 1 - lambda} keeps its digits), and the exponential-family form
   * {@code l e^(l x) / (e^l - 1)} for integrals at any logit.
   */
  static final class CbReference {
    private CbReference() {}

    /** {@code log[C lambda^x (1 - lambda)^(1 - x)]}, C = 2 atanh(1-2 lambda) / (1-2 lambda). */
    static double logDensity(double logit, double x) {
      double lambda = 1 / (1 + Math.exp(-logit));
      double m = 1 - 2 * lambda;
      double c = m == 0 ? 2 : 2 * atanh(m) / m;
      return Math.log(c) + x * Math.log(lambda) + (1 - x) * Math.log(1 - lambda);
    }

    /** {@code l e^(l x) / (e^l - 1)}, or 1 at l = 0; accurate in double for |l| up to 700. */
    static double density(double logit, double x) {
      return logit == 0 ? 1 : logit * Math.exp(logit * x) / Math.expm1(logit);
    }

    /** {@code F(x) = (e^(l x) - 1) / (e^l - 1)}, or x at l = 0. */
    static double cdf(double logit, double x) {
      if (x <= 0) {
        return 0;
      }
      if (x >= 1) {
        return 1;
      }
      return logit == 0 ? x : Math.expm1(logit * x) / Math.expm1(logit);
    }

    /** {@code int_0^1 x^k p(x) dx}. */
    static double moment(double logit, int k) {
      return integrate(x -> Math.pow(x, k) * density(logit, x));
    }

    /**
     * {@code int_0^1 f} by adaptive Gauss-Legendre quadrature on 32 equal pieces, fine enough
     * for densities whose mass sits within 1/|l| of an end (|l| up to about 50).
     */
    static double integrate(DoubleUnaryOperator f) {
      IterativeLegendreGaussIntegrator gauss =
          new IterativeLegendreGaussIntegrator(8, 1e-14, 1e-17);
      int pieces = 32;
      double sum = 0;
      for (int k = 0; k < pieces; k++) {
        sum += gauss.integrate(1_000_000, f::applyAsDouble, (double) k / pieces,
            (double) (k + 1) / pieces);
      }
      return sum;
    }

    private static double atanh(double m) {
      return 0.5 * Math.log1p(2 * m / (1 - m));
    }
  }

  // ------------------------------------------------------------------------------- Laplace

  static final class LaplaceFixture extends DistributionFixture {
    private final boolean fromLogScale;

    LaplaceFixture(String name, boolean fromLogScale, DMatrixRMaj loc, DMatrixRMaj spread) {
      super(name, "Laplace", loc, spread);
      this.fromLogScale = fromLogScale;
    }

    @Override
    Distribution build(Tensor... p) {
      return fromLogScale ? Laplace.ofLogScale(p[0], p[1]) : Laplace.of(p[0], p[1]);
    }

    @Override
    LaplaceFixture with(DMatrixRMaj... p) {
      return new LaplaceFixture(name(), fromLogScale, p[0], p[1]);
    }

    private double b(int row, int col) {
      return fromLogScale ? Math.exp(at(1, row, col)) : at(1, row, col);
    }

    private LaplaceDistribution reference(int row, int col) {
      return new LaplaceDistribution(null, at(0, row, col), b(row, col));
    }

    @Override
    double referenceLogDensity(int row, int col, double x) {
      return reference(row, col).logDensity(x);
    }

    @Override
    double referenceMean(int row, int col) {
      return reference(row, col).getNumericalMean();
    }

    @Override
    double referenceVariance(int row, int col) {
      return reference(row, col).getNumericalVariance();
    }

    @Override
    double goodnessOfFit(int row, int col, double[] draws) {
      return ksPValue(reference(row, col), draws);
    }

    @Override
    DMatrixRMaj supportPoints(UniformRandomProvider rng) {
      DMatrixRMaj x = Rngs.standardNormal(rng, rows(), cols());
      for (int i = 0; i < rows(); i++) {
        for (int j = 0; j < cols(); j++) {
          x.set(i, j, at(0, i, j) + 2 * b(i, j) * x.get(i, j));
        }
      }
      return x;
    }

    @Override
    double outsideSupport() {
      return Double.NaN;
    }

    @Override
    List<DMatrixRMaj[]> extremeParameters() {
      DMatrixRMaj loc = filled(rows(), cols(), 0.25);
      if (fromLogScale) {
        return List.of(
            new DMatrixRMaj[] {loc, filled(rows(), cols(), -50)},
            new DMatrixRMaj[] {loc, filled(rows(), cols(), 50)});
      }
      return List.of(
          new DMatrixRMaj[] {loc, filled(rows(), cols(), 1e-30)},
          new DMatrixRMaj[] {loc, filled(rows(), cols(), 1e20)});
    }

    @Override
    List<Invalid> invalidParameters() {
      DMatrixRMaj[] nanLoc = parameters();
      nanLoc[0].set(0, 0, Double.NaN);
      DMatrixRMaj[] badSpread = parameters();
      badSpread[1].set(1, 1, fromLogScale ? Double.NaN : -1.0);
      DMatrixRMaj[] wrongShape = parameters();
      wrongShape[0] = new DMatrixRMaj(rows() + 1, cols());
      String spread = fromLogScale ? "logScale" : "scale";
      return List.of(
          new Invalid("NaN loc", "loc", nanLoc),
          new Invalid(fromLogScale ? "NaN log-scale" : "negative scale", spread, badSpread),
          new Invalid("mismatched shapes", "loc", wrongShape));
    }
  }
}
