package org.latentj.distributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.model.Validation;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;
import org.latentj.testing.GradientCheck;

/** What the contract test does not cover: entropy, moments by regime, extremes, errors, head. */
class StudentTTest {

  private static Tensor filled(double v) {
    return Tensor.filled(1, 1, v);
  }

  /** {@code -integral p log p} by Simpson's rule after {@code x = loc + s sinh(u)}. */
  private static double numericalEntropy(double df, double scale) {
    TDistribution t = new TDistribution(null, df);
    double limit = Math.min(700, 40 / Math.min(df, 1) + 20);
    int intervals = 40_000;
    double h = 2 * limit / intervals;
    double sum = 0;
    for (int i = 0; i <= intervals; i++) {
      double u = -limit + i * h;
      double x = scale * Math.sinh(u);
      double logP = t.logDensity(x / scale) - Math.log(scale);
      double f = -Math.exp(logP) * logP * scale * Math.cosh(u);
      double w = (i == 0 || i == intervals) ? 1 : (i % 2 == 1 ? 4 : 2);
      sum += w * f;
    }
    return sum * h / 3;
  }

  @Test
  void entropyMatchesNumericalIntegrationAndClosedForms() {
    double scale = 1.7;
    for (double df : new double[] {0.8, 1, 3, 30, 100}) {
      double h = StudentT.of(df, filled(0.4), filled(scale)).entropy().item();
      assertThat(h).as("entropy at df=%s", df)
          .isCloseTo(numericalEntropy(df, scale), within(1e-8));
      double learned = StudentT.ofLearnedDf(filled(df), filled(0.4), filled(scale)).entropy()
          .item();
      assertThat(learned).as("learned-df entropy at df=%s", df).isCloseTo(h, within(1e-12));
    }
    // Cauchy: log(4 pi s).
    assertThat(StudentT.of(1, filled(0), filled(scale)).entropy().item())
        .isCloseTo(Math.log(4 * Math.PI * scale), within(1e-13));
    // Large df: the normal's 1/2 log(2 pi e s^2), up to O(1/df).
    assertThat(StudentT.ofLearnedDf(filled(1e9), filled(0), filled(scale)).entropy().item())
        .isCloseTo(0.5 * Math.log(2 * Math.PI * Math.E * scale * scale), within(1e-8));
  }

  @Test
  void entropyIsDifferentiableInScaleAndLearnedDf() {
    DMatrixRMaj df = new DMatrixRMaj(new double[][] {{0.6, 12, 70}, {3, 39, 41}});
    DMatrixRMaj scale = new DMatrixRMaj(new double[][] {{0.5, 2, 1.1}});
    Tensor loc = Tensor.zeros(2, 3);
    GradientCheck.standard().withTolerance(1e-5).check("StudentT entropy (learned df)",
        in -> StudentT.ofLearnedDf(in[0], loc, in[1]).entropy(), df, scale);
    GradientCheck.standard().check("StudentT entropy (fixed df)",
        in -> StudentT.of(7, loc, in[0]).entropy(), scale);
    assertThat(StudentT.of(7, loc, Tensor.constant(scale)).entropy().shape()).isEqualTo("2x1");
  }

  @Test
  void meanAndVarianceFollowTheRegimesOfDf() {
    Tensor loc = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
    Tensor scale = Tensor.row(2, 2, 2);
    StudentT learned = StudentT.ofLearnedDf(Tensor.row(0.8, 1.5, 5), loc, scale);
    DMatrixRMaj mean = learned.mean().value();
    DMatrixRMaj variance = learned.variance().value();
    for (int i = 0; i < 2; i++) {
      assertThat(mean.get(i, 0)).isNaN();
      assertThat(mean.get(i, 1)).isEqualTo(loc.get(i, 1));
      assertThat(mean.get(i, 2)).isEqualTo(loc.get(i, 2));
      assertThat(variance.get(i, 0)).isNaN();
      assertThat(variance.get(i, 1)).isEqualTo(Double.POSITIVE_INFINITY);
      assertThat(variance.get(i, 2)).isCloseTo(4 * 5.0 / 3, within(1e-14));
    }
    assertThat(StudentT.of(0.9, loc, scale).mean().value().get(1, 1)).isNaN();
    assertThat(StudentT.of(2, loc, scale).variance().value().get(1, 1))
        .isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(StudentT.of(4, loc, scale).variance().value().get(1, 2))
        .isCloseTo(8, within(1e-14));
    assertThat(StudentT.of(4, loc, scale).variance().shape()).isEqualTo("2x3");
  }

  @Test
  void varianceIsDifferentiableWhereDefined() {
    DMatrixRMaj df = new DMatrixRMaj(new double[][] {{2.5, 7, 50}});
    DMatrixRMaj scale = new DMatrixRMaj(new double[][] {{0.5, 2, 1.1}, {1, 1, 3}});
    GradientCheck.standard().withTolerance(1e-5).check("StudentT variance",
        in -> StudentT.ofLearnedDf(in[0], Tensor.zeros(2, 3), in[1]).variance(), df, scale);
  }

  @Test
  void rsampleGivesLocAndScaleGradientsButNoneToDf() {
    Tensor df = Tensor.variable(new DMatrixRMaj(new double[][] {{3, 8}}));
    Tensor loc = Tensor.variable(new DMatrixRMaj(new double[][] {{0, 1}, {2, 3}}));
    Tensor scale = Tensor.variable(new DMatrixRMaj(new double[][] {{1, 2}}));
    StudentT.ofLearnedDf(df, loc, scale).rsample(Rngs.create(1)).sum().backward();
    assertThat(df.grad()).isNull();
    assertThat(loc.grad().get(1, 1)).isEqualTo(1.0);
    assertThat(scale.grad()).isNotNull();
  }

  @Test
  void hugeDfIsTheNormalToHighAccuracy() {
    for (double df : new double[] {1e8, 1e12, 1e300}) {
      double x = 1.3;
      double expected = new NormalDistribution(null, 0.2, 0.7).logDensity(x);
      double fixed = StudentT.of(df, filled(0.2), filled(0.7)).logProb(filled(x)).item();
      double learned = StudentT.ofLearnedDf(filled(df), filled(0.2), filled(0.7))
          .logProb(filled(x)).item();
      assertThat(fixed).as("fixed df=%s", df).isCloseTo(expected, within(1e-7));
      assertThat(learned).as("learned df=%s", df).isCloseTo(expected, within(1e-7));
    }
  }

  @Test
  void extremeDfAndScalesGiveFiniteValuesAndGradients() {
    double[][] settings = {{1e-8, 1}, {1e-3, 1}, {1e12, 1}, {4, 1e-100}, {4, 1e100},
        {1e-3, 1e-100}, {1e12, 1e100}};
    for (double[] s : settings) {
      Tensor df = Tensor.variable(new DMatrixRMaj(new double[][] {{s[0], s[0]}}));
      Tensor loc = Tensor.variable(new DMatrixRMaj(new double[][] {{0.5, -2}}));
      Tensor scale = Tensor.variable(new DMatrixRMaj(new double[][] {{s[1], s[1]}}));
      Tensor x = Tensor.variable(new DMatrixRMaj(new double[][] {{1.5, 3}}));
      StudentT t = StudentT.ofLearnedDf(df, loc, scale);
      Tensor lp = t.logProb(x);
      double expected = 0;
      for (int j = 0; j < 2; j++) {
        double z = (x.get(0, j) - loc.get(0, j)) / s[1];
        // Commons Math's t density loses ~df * 1e-16 nats; at huge df the normal is the truth.
        expected += (s[0] > 1e6 ? new NormalDistribution(null, 0, 1).logDensity(z)
            : new TDistribution(null, s[0]).logDensity(z)) - Math.log(s[1]);
      }
      assertThat(lp.item()).as("logProb at df=%s, scale=%s", s[0], s[1]).isFinite()
          .isCloseTo(expected, within(1e-6 * Math.max(1, Math.abs(expected))));
      lp.backward();
      for (Tensor p : new Tensor[] {df, loc, scale, x}) {
        for (double g : p.grad().data) {
          assertThat(g).as("gradient at df=%s, scale=%s", s[0], s[1]).isFinite();
        }
      }
      assertThat(t.entropy().item()).isFinite();
      for (double v : t.sample(Rngs.create(3)).value().data) {
        assertThat(v).isNotNaN(); // tiny df: draws may be +-infinity, never NaN
      }
    }
  }

  @Test
  void invalidArgumentsAreRejectedByName() {
    Tensor loc = Tensor.zeros(2, 3);
    Tensor scale = Tensor.filled(2, 3, 1);
    for (double df : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> StudentT.of(df, loc, scale))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("StudentT: df must be finite and positive");
    }
    Tensor badScale = Tensor.of(new double[][] {{1, 1, 1}, {1, 0, 1}});
    assertThatThrownBy(() -> StudentT.of(3, loc, badScale))
        .hasMessageContaining("StudentT: scale must be finite and positive, got 0.0 at row 1,"
            + " column 1");
    assertThatThrownBy(() -> StudentT.of(3, loc, Tensor.filled(2, 2, 1)))
        .hasMessageContaining("StudentT: scale is 2x2, expected 2x3 or 1x3");
    assertThatThrownBy(() -> StudentT.ofLearnedDf(Tensor.filled(3, 3, 1), loc, scale))
        .hasMessageContaining("StudentT: df is 3x3, expected 2x3 or 1x3");
    assertThatThrownBy(() -> StudentT.ofLearnedDf(Tensor.row(1, -2, 1), loc, scale))
        .hasMessageContaining("StudentT: df must be finite and positive, got -2.0 at row 0,"
            + " column 1");
    assertThatThrownBy(() -> StudentT.of(3, null, scale))
        .hasMessageContaining("StudentT: loc is null");
  }

  @Test
  void validationOffSkipsParameterChecks() {
    boolean previous = Validation.setEnabled(false);
    try {
      StudentT t = StudentT.of(3, Tensor.zeros(1, 1), Tensor.filled(1, 1, -1));
      assertThat(t.batchSize()).isEqualTo(1);
    } finally {
      Validation.setEnabled(previous);
    }
  }

  @Test
  void headSlicesLocAndLogScaleWithFixedDf() {
    StudentTHead head = StudentTHead.fixedDf(4);
    assertThat(head.rawColumnsPerEventColumn()).isEqualTo(2);
    assertThat(head.rawColumns(3)).isEqualTo(6);
    Tensor raw = Tensor.of(new double[][] {{0.1, 0.2, 0.3, -1, 0, 1}, {1, 2, 3, 0.5, 0.5, 0.5}});
    Tensor x = Tensor.of(new double[][] {{0, 1, 2}, {3, 4, 5}});
    StudentT viaHead = head.distribution(raw);
    StudentT direct = StudentT.of(4, raw.columns(0, 3), raw.columns(3, 6).exp());
    assertThat(viaHead.hasLearnedDf()).isFalse();
    assertThat(viaHead.logProb(x).value().data).containsExactly(direct.logProb(x).value().data);
  }

  @Test
  void headWithLearnedDfAddsTheFloorToSoftplus() {
    StudentTHead head = StudentTHead.learnedDf(2.5);
    assertThat(head.rawColumnsPerEventColumn()).isEqualTo(3);
    Tensor raw = Tensor.of(new double[][] {{0.1, -1, 0.7}, {1, 0.5, -30}});
    StudentT t = head.distribution(raw);
    assertThat(t.hasLearnedDf()).isTrue();
    assertThat(t.df().get(0, 0)).isCloseTo(Math.log1p(Math.exp(0.7)) + 2.5, within(1e-14));
    assertThat(t.df().get(1, 0)).isCloseTo(2.5, within(1e-12));
    assertThat(StudentTHead.learnedDf().distribution(raw).df().get(1, 0))
        .isCloseTo(StudentTHead.DEFAULT_DF_FLOOR, within(1e-12));
    DMatrixRMaj rawValue = new DMatrixRMaj(new double[][] {{0.1, -1, 0.7, 2, 0.3, -0.4},
        {1, 0.5, -3, 0.2, 0, 1.5}});
    Tensor x = Tensor.of(new double[][] {{0.5, 1}, {-1, 2}});
    GradientCheck.standard().withTolerance(1e-5).check("StudentTHead(learned df) logProb",
        in -> head.distribution(in[0]).logProb(x), rawValue);
  }

  @Test
  void headRejectsWrongWidthsAndArguments() {
    assertThatThrownBy(() -> StudentTHead.fixedDf(3).distribution(Tensor.zeros(2, 5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("StudentTHead: raw is 2x5, expected a positive multiple of 2"
            + " columns laid out as [loc | log-scale]");
    assertThatThrownBy(() -> StudentTHead.learnedDf().distribution(Tensor.zeros(2, 4)))
        .hasMessageContaining("multiple of 3 columns laid out as [loc | log-scale | raw df]");
    assertThatThrownBy(() -> StudentTHead.fixedDf(0))
        .hasMessageContaining("StudentTHead: df must be finite and positive");
    assertThatThrownBy(() -> StudentTHead.learnedDf(Double.NaN))
        .hasMessageContaining("StudentTHead: floor must be finite and positive");
  }
}
