package org.latentj.distributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
import org.apache.commons.math3.fraction.BigFraction;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.latentj.model.Distribution;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;
import org.latentj.testing.GradientCheck;

/**
 * The continuous Bernoulli across its series windows and at large logits, where the closed forms
 * of the paper cannot be evaluated directly.
 */
class ContinuousBernoulliTest {

  /** Logits on both sides of every window edge (1e-3 and 0.5), at 0, and far out. */
  private static final double[] LOGITS = {0, 1e-300, -1e-9, 4e-4, -9.9e-4, 1.01e-3, -0.01, 0.1,
      0.499, -0.499, 0.501, -0.501, 0.7, -3, 8, -30, 45};

  private static ContinuousBernoulli of(double... logits) {
    return ContinuousBernoulli.ofLogits(Tensor.row(logits));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, 1e-7, -0.03, 0.06, -0.2, 0.9, -2.5, 6, -15, 40})
  void densityIntegratesToOne(double logit) {
    ContinuousBernoulli d = of(logit);
    double mass = CbReference.integrate(x -> Math.exp(d.logProb(Tensor.scalar(x)).item()));
    assertThat(mass).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void logNormalizerMatchesItsClosedFormInDoubleEverywhereButZero() {
    // log(l / tanh(l/2)) is accurate in double for every l != 0 (tanh keeps its relative
    // precision); only its derivative cancels, which is why the series window exists.
    Tensor logC = of(LOGITS).logNormalizer();
    for (int j = 0; j < LOGITS.length; j++) {
      double l = LOGITS[j];
      double expected =
          Math.abs(l) < 1e-150 ? Math.log(2) : Math.log(l / Math.tanh(l / 2));
      assertThat(logC.get(0, j)).as("log C at %s", l).isCloseTo(expected, within(3e-16));
    }
  }

  @Test
  void meanAndVarianceMatchNumericalIntegrationAcrossTheWindows() {
    ContinuousBernoulli d = of(LOGITS);
    Tensor mean = d.mean();
    Tensor variance = d.variance();
    for (int j = 0; j < LOGITS.length; j++) {
      double l = LOGITS[j];
      double m1 = CbReference.moment(l, 1);
      double m2 = CbReference.moment(l, 2);
      assertThat(mean.get(0, j)).as("mean at %s", l).isCloseTo(m1, within(2e-15));
      assertThat(variance.get(0, j)).as("variance at %s", l)
          .isCloseTo(m2 - m1 * m1, within(1e-13 * Math.max(1e-2, m2 - m1 * m1)));
    }
  }

  @Test
  void meanAndVarianceAtLargeLogitsMatchTheirExponentiallyAccurateLimits() {
    double[] logits = {60, -60, 700, -700, 1000, -1000};
    ContinuousBernoulli d = of(logits);
    for (int j = 0; j < logits.length; j++) {
      double l = logits[j];
      double mean = l > 0 ? 1 - 1 / l : -1 / l;
      assertThat(d.mean().get(0, j)).isCloseTo(mean, within(1e-15));
      assertThat(d.variance().get(0, j)).isCloseTo(1 / (l * l), within(1e-15 / (l * l)));
      // The entropy of an exponential of rate |l| truncated far out: 1 - log|l|.
      assertThat(of(l).entropy().item()).isFinite();
    }
    assertThat(of(1000).entropy().item()).isCloseTo(1 - Math.log(1000), within(1e-12));
    assertThat(of(-1000).entropy().item()).isCloseTo(1 - Math.log(1000), within(1e-12));
  }

  @Test
  void entropyMatchesNumericalIntegration() {
    for (double l : LOGITS) {
      double expected = -CbReference.integrate(
          x -> CbReference.density(l, x) * Math.log(CbReference.density(l, x)));
      assertThat(of(l).entropy().item()).as("entropy at %s", l).isCloseTo(expected, within(1e-12));
    }
  }

  @Test
  void logProbAtLargeLogitsIsTheTruncatedExponential() {
    // p(x) = l e^{l x} / (e^l - 1), so at l = 1000: log p(x) = log 1000 - 1000 (1 - x).
    ContinuousBernoulli d = of(1000, -1000);
    Tensor lp = d.logProb(Tensor.row(0.25, 0.25));
    assertThat(lp.item()).isCloseTo(2 * Math.log(1000) - 750 - 250, within(1e-9));
  }

  @Test
  void rsampleInvertsTheCdf() {
    int copies = 200;
    DMatrixRMaj logits = new DMatrixRMaj(copies, LOGITS.length);
    for (int i = 0; i < copies; i++) {
      for (int j = 0; j < LOGITS.length; j++) {
        logits.set(i, j, LOGITS[j]);
      }
    }
    Distribution d = ContinuousBernoulli.ofLogits(Tensor.constant(logits));
    Tensor x = d.rsample(Rngs.create(5));
    DMatrixRMaj u = new DMatrixRMaj(copies, LOGITS.length);
    Rngs.fillUniformOpen(Rngs.create(5), u);
    for (int i = 0; i < copies; i++) {
      for (int j = 0; j < LOGITS.length; j++) {
        double l = LOGITS[j];
        assertThat(CbReference.cdf(l, x.get(i, j))).as("F(x) at logit %s", l)
            .isCloseTo(u.get(i, j), within(2e-15 * Math.max(1, Math.abs(l))));
      }
    }
  }

  @Test
  void rsampleAtLargeLogitsIsTheMirroredExponentialQuantile() {
    Tensor x = of(1000, -1000).rsample(Rngs.create(6));
    DMatrixRMaj u = new DMatrixRMaj(1, 2);
    Rngs.fillUniformOpen(Rngs.create(6), u);
    // F^-1(u) = 1 + log(u + (1-u) e^{-l}) / l -> 1 + log(u) / l, and log1p(-u) / l for l < 0.
    assertThat(x.get(0, 0)).isCloseTo(1 + Math.log(u.get(0, 0)) / 1000, within(1e-15));
    assertThat(x.get(0, 1)).isCloseTo(Math.log1p(-u.get(0, 1)) / -1000, within(1e-15));
  }

  @Test
  void everyQuantityIsDifferentiableAcrossTheWindows() {
    DMatrixRMaj logits = new DMatrixRMaj(new double[][] {
        {0, 9e-4, -2e-3, 0.03, -0.47, 0.53, -0.3},
        {4e-4, -9e-4, 1.5e-3, -0.04, 0.48, -0.52, 2.0}});
    Tensor x = Tensor.constant(Fixtures.continuousBernoulli().with(logits).supportPoints(
        Rngs.create(7)));
    GradientCheck check = GradientCheck.standard();
    check.check("logProb", in -> ContinuousBernoulli.ofLogits(in[0]).logProb(x), logits);
    check.check("mean", in -> ContinuousBernoulli.ofLogits(in[0]).mean(), logits);
    check.check("variance", in -> ContinuousBernoulli.ofLogits(in[0]).variance(), logits);
    check.check("entropy", in -> ContinuousBernoulli.ofLogits(in[0]).entropy(), logits);
    check.check("rsample", in -> ContinuousBernoulli.ofLogits(in[0]).rsample(Rngs.create(8)),
        logits);
  }

  @Test
  void seriesCoefficientsFollowFromTheBernoulliNumbers() {
    BigFraction[] b = bernoulliNumbers(2 * ContinuousBernoulli.MEAN_SERIES.length);
    for (int n = 1; n <= ContinuousBernoulli.MEAN_SERIES.length; n++) {
      BigFraction overFactorial = b[2 * n].divide(factorial(2 * n));
      BigFraction logC = overFactorial.multiply(BigInteger.ONE.shiftLeft(2 * n)
          .subtract(BigInteger.TWO)).divide(2 * n);
      assertThat(ContinuousBernoulli.MEAN_SERIES[n - 1]).as("mean term %d", n)
          .isCloseTo(overFactorial.doubleValue(), within(ulp(overFactorial)));
      assertThat(ContinuousBernoulli.VARIANCE_SERIES[n - 1]).as("variance term %d", n)
          .isCloseTo(overFactorial.multiply(2 * n - 1).doubleValue(),
              within(ulp(overFactorial.multiply(2 * n - 1))));
      assertThat(ContinuousBernoulli.LOG_NORMALIZER_SERIES[n - 1]).as("log C term %d", n)
          .isCloseTo(logC.doubleValue(), within(ulp(logC)));
    }
  }

  /** B_0 .. B_m exactly, from sum_{k=0}^{j} C(j+1, k) B_k = 0. */
  private static BigFraction[] bernoulliNumbers(int m) {
    BigFraction[] b = new BigFraction[m + 1];
    b[0] = BigFraction.ONE;
    for (int j = 1; j <= m; j++) {
      BigFraction sum = BigFraction.ZERO;
      for (int k = 0; k < j; k++) {
        sum = sum.add(b[k].multiply(new BigFraction(binomial(j + 1, k))));
      }
      b[j] = sum.negate().divide(j + 1);
    }
    return b;
  }

  private static BigInteger binomial(int n, int k) {
    BigInteger c = BigInteger.ONE;
    for (int i = 0; i < k; i++) {
      c = c.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
    }
    return c;
  }

  private static BigFraction factorial(int n) {
    BigInteger f = BigInteger.ONE;
    for (int i = 2; i <= n; i++) {
      f = f.multiply(BigInteger.valueOf(i));
    }
    return new BigFraction(f);
  }

  /** Two units in the last place: {@code BigFraction.doubleValue} may round once more. */
  private static double ulp(BigFraction x) {
    return 2 * Math.ulp(x.doubleValue());
  }

  @Test
  void allInsideAndAllOutsideTheWindowAgreeWithTheMixedBatch() {
    // NearZero takes a shortcut when no element (or every element) is in the window.
    double[] mixed = {0.01, 2.0};
    assertThat(Math.abs(mixed[0])).isLessThan(ContinuousBernoulli.SERIES_RADIUS);
    assertThat(Math.abs(mixed[1])).isGreaterThan(ContinuousBernoulli.SERIES_RADIUS);
    ContinuousBernoulli both = of(mixed);
    assertThat(both.mean().get(0, 0)).isEqualTo(of(0.01).mean().item());
    assertThat(both.mean().get(0, 1)).isEqualTo(of(2.0).mean().item());
    assertThat(both.logNormalizer().get(0, 0)).isEqualTo(of(0.01).logNormalizer().item());
  }
}
