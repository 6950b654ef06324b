package org.latentj.distributions;

import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.distributions.LocationScaleFixture.Spread;
import org.latentj.tensor.Rngs;

/** The contract table: one fixture per family and factory, with their parameter values. */
final class Fixtures {

  private Fixtures() {}

  /**
   * Every family: both Normal factories and a broadcast (shared-row) Normal, the standard normal,
   * Bernoulli and continuous Bernoulli, both Laplace factories, Student-t with fixed and learned
   * df, Poisson, the one-hot categorical and its relaxation, and the mixture with shared and
   * per-row weights.
   */
  static Stream<FamilyFixture> all() {
    return Stream.of(
        normalLogVariance(),
        normalScale(),
        normalSharedLogVariance(),
        standardNormal(),
        bernoulli(),
        continuousBernoulli(),
        laplace(),
        laplaceLogScale(),
        studentTFixedDf(),
        studentTLearnedDf(),
        poisson(),
        oneHotCategorical(),
        relaxedOneHotCategorical(),
        mixture(true),
        mixture(false));
  }

  static LocationScaleFixture normalLogVariance() {
    return LocationScaleFixture.normal("Normal.ofLogVariance", Spread.LOG_VARIANCE,
        m(new double[][] {{0.3, -1.2, 2.0}, {-0.7, 0.0, 5.0}}),
        m(new double[][] {{0.0, -1.5, 0.8}, {1.2, -0.4, -3.0}}));
  }

  static LocationScaleFixture normalScale() {
    return LocationScaleFixture.normal("Normal.ofScale", Spread.SCALE,
        m(new double[][] {{1.1, -0.3}, {0.0, 4.0}}),
        m(new double[][] {{0.5, 2.0}, {1.3, 0.05}}));
  }

  /** A {@code 1 x d} log-variance shared by every row (as {@link NormalHead#learnedVariance}). */
  static LocationScaleFixture normalSharedLogVariance() {
    return LocationScaleFixture.normal("Normal.ofLogVariance with a shared 1xd log-variance row",
        Spread.LOG_VARIANCE,
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

  static LocationScaleFixture laplace() {
    return LocationScaleFixture.laplace("Laplace.of", Spread.SCALE,
        m(new double[][] {{0.0, 1.5}, {-2.0, 0.3}}),
        m(new double[][] {{1.0, 0.4}, {2.5, 0.1}}));
  }

  static LocationScaleFixture laplaceLogScale() {
    return LocationScaleFixture.laplace("Laplace.ofLogScale", Spread.LOG_SCALE,
        m(new double[][] {{0.7, -0.2, 3.0}, {-1.0, 0.5, 0.0}}),
        m(new double[][] {{0.0, -1.0, 0.9}, {0.4, -2.3, 1.5}}));
  }

  static StudentTFixture studentTFixedDf() {
    return StudentTFixture.fixedDf(9,
        m(new double[][] {{0.3, -1.2, 4}, {-0.5, 0, 2}, {1, 2, -3}, {0.1, 0.2, 0.3}}),
        m(new double[][] {{0.5, 1.3, 2}, {1, 0.2, 3}, {0.7, 0.7, 0.7}, {4, 1, 0.1}}));
  }

  /**
   * df on both sides of the series switch at {@code 2 * GammaFunctions.SERIES_FROM} and below 1
   * and 2, where the mean and variance are undefined; draws use df 9, 15 and 60.
   */
  static StudentTFixture studentTLearnedDf() {
    return StudentTFixture.learnedDf(
        m(new double[][] {{0.7, 15, 60}, {2.5, 9, 45}, {1.1, 39, 120}, {5, 0.3, 41}}),
        m(new double[][] {{0.3, -1.2, 4}, {-0.5, 0, 2}, {1, 2, -3}, {0.1, 0.2, 0.3}}),
        m(new double[][] {{0.5, 1.3, 2}}),
        m(new double[][] {{9, 15, 60}}));
  }

  static PoissonFixture poisson() {
    return new PoissonFixture(m(new double[][] {{-1.5, 0.7, 3.2, 5.0}, {0, 2, -3, 1},
        {4.5, -0.2, 1.5, 2.5}, {0.3, 3, -1, 6}}));
  }

  static OneHotCategoricalFixture oneHotCategorical() {
    return new OneHotCategoricalFixture(m(new double[][] {{0.5, -1, 2, 0, 0.3}, {3, 3, -2, 1, 0},
        {-4, 0.1, 0.2, 0.3, 5}, {0, 0, 0, 0, 0}}));
  }

  static RelaxedOneHotCategoricalFixture relaxedOneHotCategorical() {
    return new RelaxedOneHotCategoricalFixture(0.7,
        m(new double[][] {{0.5, -1, 2}, {3, 3, -2}, {-4, 0.1, 5}, {0, 0, 0}}));
  }

  /** Three components in two dimensions over a batch of four. */
  static MixtureFixture mixture(boolean shared) {
    DMatrixRMaj logits = shared ? m(new double[][] {{0.2, -0.5, 1}})
        : m(new double[][] {{0.2, -0.5, 1}, {2, 0, -2}, {0, 0, 0}, {-1, 3, 0.5}});
    return MixtureFixture.of(4, logits,
        m(new double[][] {{-2, 0.5}, {1, 1}, {3, -1}}),
        m(new double[][] {{-1, 0.3}, {0.5, -0.7}, {-0.2, 0.8}}));
  }

  /** Normal draws with standard deviation {@code sd}. */
  static DMatrixRMaj normal(UniformRandomProvider rng, int rows, int cols, double sd) {
    DMatrixRMaj x = Rngs.standardNormal(rng, rows, cols);
    for (int i = 0; i < x.data.length; i++) {
      x.data[i] *= sd;
    }
    return x;
  }

  static DMatrixRMaj m(double[][] rows) {
    return new DMatrixRMaj(rows);
  }

  static DMatrixRMaj filled(int rows, int cols, double v) {
    DMatrixRMaj out = new DMatrixRMaj(rows, cols);
    out.fill(v);
    return out;
  }

  /** {@code +v, -v, +v, ...} in row-major order, so every row has both signs (for cols > 1). */
  static DMatrixRMaj alternating(int rows, int cols, double v) {
    DMatrixRMaj out = new DMatrixRMaj(rows, cols);
    for (int i = 0; i < out.data.length; i++) {
      out.data[i] = i % 2 == 0 ? v : -v;
    }
    return out;
  }
}
