package org.latentj.distributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;
import org.latentj.testing.GradientCheck;
import org.latentj.testing.Matrices;

class GammaFunctionsTest {

  /**
   * {a, log Gamma(a + 1/2) - log Gamma(a), psi(a + 1/2) - psi(a)} at 40 digits, from mpmath:
   * <pre>
   * from mpmath import mp, loggamma, digamma, mpf
   * mp.dps = 40
   * for a in ['1e-6', '0.25', '1', '7.5', '19.999', '20', '30.5', '1000', '1e6', '1e12']:
   *     A = mpf(a)
   *     print(a, loggamma(A + mpf(1)/2) - loggamma(A), digamma(A + mpf(1)/2) - digamma(A))
   * </pre>
   */
  private static final double[][] REFERENCE = {
      {1e-6, -13.24314700133229, 999998.61370892874},
      {0.25, -1.0847415732667821, 3.1415926535897932},
      {1, -0.12078223763524522, 0.61370563888010938},
      {7.5, 0.99079712430668135, 0.068883993709523208},
      {19.999, 1.4915914742882017, 0.02531368376084737},
      {20, 1.4916167873313041, 0.025312402465497531},
      {30.5, 1.7047651646607561, 0.016527797057197125},
      {1000, 3.4537526394962769, 0.00050012499998437501},
      {1e6, 6.9077551539821371, 5.00000125e-7},
      {1e12, 13.815510557964149, 5.00000000000125e-13},
  };

  @Test
  void ratioAndDifferenceMatchHighPrecisionValuesOnBothSidesOfTheSeriesSwitch() {
    for (double[] r : REFERENCE) {
      double a = r[0];
      assertThat(GammaFunctions.logGammaHalfRatio(a)).as("R(%s)", a)
          .isCloseTo(r[1], within(2e-15 * Math.max(1, Math.abs(r[1]))));
      assertThat(GammaFunctions.digammaHalfDifference(a)).as("D(%s)", a)
          .isCloseTo(r[2], within(1e-13 * Math.abs(r[2])));
      Tensor at = Tensor.scalar(a);
      assertThat(GammaFunctions.logGammaHalfRatio(at).item()).as("tensor R(%s)", a)
          .isCloseTo(r[1], within(2e-15 * Math.max(1, Math.abs(r[1]))));
      assertThat(GammaFunctions.digammaHalfDifference(at).item()).as("tensor D(%s)", a)
          .isCloseTo(r[2], within(1e-13 * Math.abs(r[2])));
    }
  }

  /** {x, psi(x)} from mpmath at 30 digits ({@code mp.nstr(digamma(mpf(x)), 17)}). */
  private static final double[][] DIGAMMA = {
      {1e-8, -100000000.57721565}, {1e-3, -1000.5755719318103}, {0.1, -10.423754940411077},
      {0.5, -1.9635100260214235}, {1, -0.57721566490153286},
      {1.4616321449683622, -1.3669595495722511e-16}, {2.5, 0.70315664064524319},
      {7, 1.8727843350984671}, {20, 2.9705239922421491}, {100, 4.6001618527380874},
      {1e4, 9.2102903711428494}, {1e10, 23.025850929890457},
  };

  /** {x, psi'(x)} from mpmath at 30 digits ({@code mp.nstr(psi(1, mpf(x)), 17)}). */
  private static final double[][] TRIGAMMA = {
      {1e-3, 1000001.6425331959}, {0.3, 12.24536454610773}, {1, 1.6449340668482264},
      {4.5, 0.24872510303901038}, {12, 0.086901872871768391}, {300, 0.0033388950617146777},
  };

  @Test
  void digammaMatchesHighPrecisionValues() {
    double[] xs = new double[DIGAMMA.length];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = DIGAMMA[i][0];
    }
    Tensor psi = GammaFunctions.digamma(Tensor.row(xs));
    for (int i = 0; i < xs.length; i++) {
      double expected = DIGAMMA[i][1];
      double tolerance = 1e-15 + 1e-15 * Math.abs(expected);
      assertThat(psi.get(0, i)).as("tensor psi(%s)", xs[i]).isCloseTo(expected,
          within(tolerance));
      assertThat(GammaFunctions.digamma(xs[i])).as("psi(%s)", xs[i]).isCloseTo(expected,
          within(tolerance));
    }
  }

  @Test
  void digammaTensorDerivativeIsTrigamma() {
    double[] xs = new double[TRIGAMMA.length];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = TRIGAMMA[i][0];
    }
    Tensor x = Tensor.variable(new DMatrixRMaj(1, xs.length, true, xs.clone()));
    GammaFunctions.digamma(x).sum().backward();
    for (int i = 0; i < xs.length; i++) {
      double expected = TRIGAMMA[i][1];
      assertThat(x.grad().get(0, i)).as("psi'(%s)", xs[i])
          .isCloseTo(expected, within(1e-13 * Math.abs(expected)));
    }
  }

  @Test
  void ratioTensorDerivativeIsTheDigammaDifference() {
    // Both branches at once: values below and above the switch share one tensor.
    double[] as = {0.01, 0.7, 5, 19.5, 20.5, 60, 1e5};
    Tensor a = Tensor.variable(new DMatrixRMaj(1, as.length, true, as.clone()));
    GammaFunctions.logGammaHalfRatio(a).sum().backward();
    for (int i = 0; i < as.length; i++) {
      double expected = GammaFunctions.digammaHalfDifference(as[i]);
      // Below the switch the gradient comes through Commons Math's digamma (~1e-9 relative).
      double tolerance = (as[i] < GammaFunctions.SERIES_FROM ? 1e-8 : 1e-13) * Math.abs(expected);
      assertThat(a.grad().get(0, i)).as("R'(%s)", as[i]).isCloseTo(expected, within(tolerance));
    }
  }

  @Test
  void tensorFormsPassGradientChecksAcrossTheSwitch() {
    DMatrixRMaj mixed = Matrices.uniform(Rngs.create(4), 3, 4, 0.2, 45);
    GradientCheck check = GradientCheck.standard().withTolerance(1e-6);
    check.check("digamma", in -> GammaFunctions.digamma(in[0]), mixed);
    check.check("logGammaHalfRatio", in -> GammaFunctions.logGammaHalfRatio(in[0]), mixed);
    check.check("digammaHalfDifference", in -> GammaFunctions.digammaHalfDifference(in[0]),
        mixed);
    DMatrixRMaj large = Matrices.uniform(Rngs.create(5), 2, 3, 25, 1e4);
    check.check("logGammaHalfRatio (series only)",
        in -> GammaFunctions.logGammaHalfRatio(in[0]), large);
    check.check("digammaHalfDifference (series only)",
        in -> GammaFunctions.digammaHalfDifference(in[0]), large);
  }

  @Test
  void bothFormsAgreeAtTheSwitch() {
    double below = Math.nextDown(GammaFunctions.SERIES_FROM);
    double at = GammaFunctions.SERIES_FROM;
    assertThat(GammaFunctions.logGammaHalfRatio(below))
        .isCloseTo(GammaFunctions.logGammaHalfRatio(at), within(1e-14));
    assertThat(GammaFunctions.digammaHalfDifference(below))
        .isCloseTo(GammaFunctions.digammaHalfDifference(at), within(1e-15));
  }
}
