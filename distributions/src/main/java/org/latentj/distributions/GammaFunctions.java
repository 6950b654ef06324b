package org.latentj.distributions;

import java.util.function.UnaryOperator;
import org.apache.commons.math3.special.Gamma;
import org.ejml.data.DMatrixRMaj;
import org.latentj.tensor.DType;
import org.latentj.tensor.Tensor;

/**
 * Log-gamma ratios and digamma, in double and as differentiable {@link Tensor} expressions built
 * from existing ops (so they need no backward of their own).
 *
 * <p>The Student-t's normalizer needs {@code R(a) = log Gamma(a + 1/2) - log Gamma(a)} with
 * {@code a = df/2}, its entropy {@code D(a) = R'(a) = psi(a + 1/2) - psi(a)}. Computed as a
 * difference, both lose about {@code a * 1e-16} absolutely (1e-3 nats at df = 1e12), so from
 * {@code a >= 20} they use their asymptotic series, from the Bernoulli-polynomial form of
 * Stirling's series: {@code log Gamma(z + h) ~ (z + h - 1/2) log z - z + log(2 pi)/2 +
 * sum_n (-1)^n B_n(h) / (n (n-1) z^(n-1))} (DLMF 5.11.8), whose truncation error is below 1e-17
 * there.
 *
 * <p>Accuracy of gradients: {@link Tensor#logGamma()} differentiates through Commons Math's
 * digamma, which is accurate to about 1e-9 relative, so gradients of {@code R} below the switch
 * inherit that error; values and the series branch are accurate to about 1e-15.
 */
final class GammaFunctions {

  /** From here on the asymptotic series replace the differences. */
  static final double SERIES_FROM = 20.0;

  /** {@code psi} is shifted by this many steps of its recurrence before its series is used. */
  private static final int DIGAMMA_SHIFT = 10;

  private static final double HALF_LOG_PI = 0.5 * Math.log(Math.PI);

  private GammaFunctions() {}

  /** {@code log Gamma(1/2) = log(pi)/2}. */
  static double logGammaHalf() {
    return HALF_LOG_PI;
  }

  // ---------------------------------------------------------------- doubles

  /** {@code R(a) = log Gamma(a + 1/2) - log Gamma(a)} for {@code a > 0}. */
  static double logGammaHalfRatio(double a) {
    if (a >= SERIES_FROM) {
      double u = 1.0 / a;
      double u2 = u * u;
      // -1/(8a) + 1/(192a^3) - 1/(640a^5) + 17/(14336a^7) - 31/(18432a^9)
      double tail = u * (-1.0 / 8 + u2 * (1.0 / 192 + u2 * (-1.0 / 640 + u2 * (17.0 / 14336
          + u2 * (-31.0 / 18432)))));
      return 0.5 * Math.log(a) + tail;
    }
    return Gamma.logGamma(a + 0.5) - Gamma.logGamma(a);
  }

  /** {@code D(a) = psi(a + 1/2) - psi(a)} for {@code a > 0}. */
  static double digammaHalfDifference(double a) {
    if (a >= SERIES_FROM) {
      double u = 1.0 / a;
      double u2 = u * u;
      // 1/(2a) + 1/(8a^2) - 1/(64a^4) + 1/(128a^6) - 17/(2048a^8) + 31/(2048a^10)
      return 0.5 * u + u2 * (1.0 / 8 + u2 * (-1.0 / 64 + u2 * (1.0 / 128 + u2 * (-17.0 / 2048
          + u2 * (31.0 / 2048)))));
    }
    return digamma(a + 0.5) - digamma(a);
  }

  /**
   * {@code psi(x)} for {@code x > 0}, by the same recurrence and series as
   * {@link #digamma(Tensor)}; relative error below 1e-15. (Commons Math's {@code Gamma.digamma}
   * is off by about 3e-9 near {@code x = 20}, too coarse for {@code D(a)}, a difference of two
   * digammas.)
   */
  static double digamma(double x) {
    double shiftSum = 0;
    for (int k = 0; k < DIGAMMA_SHIFT; k++) {
      shiftSum += 1.0 / (x + k);
    }
    double y = x + DIGAMMA_SHIFT;
    double u2 = 1.0 / (y * y);
    double poly = u2 * (-1.0 / 12 + u2 * (1.0 / 120 + u2 * (-1.0 / 252 + u2 * (1.0 / 240
        + u2 * (-1.0 / 132 + u2 * (691.0 / 32760))))));
    return Math.log(y) - 0.5 / y + poly - shiftSum;
  }

  // ---------------------------------------------------------------- tensors

  /**
   * {@code psi(x)} elementwise for positive {@code x}, differentiable (its derivative is the
   * derivative of the approximation, i.e. trigamma to the same accuracy). Shifts by the recurrence
   * {@code psi(x) = psi(x + 10) - sum_{k<10} 1/(x + k)}, then uses the asymptotic series
   * {@code psi(y) ~ log y - 1/(2y) - sum_k B_2k / (2k y^2k)} (DLMF 5.11.2) through {@code y^-12};
   * relative error below 1e-15.
   */
  static Tensor digamma(Tensor x) {
    Tensor shiftSum = x.rdiv(1.0);
    for (int k = 1; k < DIGAMMA_SHIFT; k++) {
      shiftSum = shiftSum.add(x.add(k).rdiv(1.0));
    }
    Tensor y = x.add(DIGAMMA_SHIFT);
    Tensor u = y.rdiv(1.0);
    Tensor u2 = u.square();
    // -1/12 u^2 + 1/120 u^4 - 1/252 u^6 + 1/240 u^8 - 1/132 u^10 + 691/32760 u^12, by Horner.
    Tensor poly = u2.mul(691.0 / 32760).add(-1.0 / 132);
    poly = poly.mul(u2).add(1.0 / 240);
    poly = poly.mul(u2).add(-1.0 / 252);
    poly = poly.mul(u2).add(1.0 / 120);
    poly = poly.mul(u2).add(-1.0 / 12);
    poly = poly.mul(u2);
    return y.log().sub(u.mul(0.5)).add(poly).sub(shiftSum);
  }

  /** {@link #logGammaHalfRatio(double)} elementwise, differentiable, for positive {@code a}. */
  static Tensor logGammaHalfRatio(Tensor a) {
    return bySize(a, GammaFunctions::ratioByDifference, GammaFunctions::ratioBySeries);
  }

  /** {@link #digammaHalfDifference(double)} elementwise, differentiable, for positive {@code a}. */
  static Tensor digammaHalfDifference(Tensor a) {
    return bySize(a, GammaFunctions::differenceOfDigammas, GammaFunctions::differenceBySeries);
  }

  private static Tensor ratioByDifference(Tensor a) {
    return a.add(0.5).logGamma().sub(a.logGamma());
  }

  private static Tensor ratioBySeries(Tensor a) {
    Tensor u = a.rdiv(1.0);
    Tensor u2 = u.square();
    Tensor poly = u2.mul(-31.0 / 18432).add(17.0 / 14336);
    poly = poly.mul(u2).add(-1.0 / 640);
    poly = poly.mul(u2).add(1.0 / 192);
    poly = poly.mul(u2).add(-1.0 / 8);
    return a.log().mul(0.5).add(poly.mul(u));
  }

  private static Tensor differenceOfDigammas(Tensor a) {
    return digamma(a.add(0.5)).sub(digamma(a));
  }

  private static Tensor differenceBySeries(Tensor a) {
    Tensor u = a.rdiv(1.0);
    Tensor u2 = u.square();
    Tensor poly = u2.mul(31.0 / 2048).add(-17.0 / 2048);
    poly = poly.mul(u2).add(1.0 / 128);
    poly = poly.mul(u2).add(-1.0 / 64);
    poly = poly.mul(u2).add(1.0 / 8);
    return u.mul(0.5).add(poly.mul(u2));
  }

  /**
   * {@code small(a)} where {@code a < SERIES_FROM}, {@code large(a)} elsewhere. Each branch sees
   * its input clamped into its own range, so the branch a mask discards is finite and adds an
   * exact zero (a NaN there would survive a multiplication by zero).
   */
  private static Tensor bySize(Tensor a, UnaryOperator<Tensor> small,
      UnaryOperator<Tensor> large) {
    double[] d = a.to(DType.FLOAT64).value().data;
    int n = a.size();
    int big = 0;
    for (int i = 0; i < n; i++) {
      if (d[i] >= SERIES_FROM) {
        big++;
      }
    }
    if (big == 0) {
      return small.apply(a);
    }
    if (big == n) {
      return large.apply(a);
    }
    DMatrixRMaj mask = new DMatrixRMaj(a.rows(), a.cols());
    for (int i = 0; i < n; i++) {
      mask.data[i] = d[i] >= SERIES_FROM ? 1.0 : 0.0;
    }
    Tensor isLarge = Tensor.constant(mask).to(a.dtype());
    Tensor isSmall = isLarge.neg().add(1.0);
    Tensor smallPart = small.apply(a.clamp(Double.MIN_NORMAL, SERIES_FROM)).mul(isSmall);
    Tensor largePart = large.apply(a.clamp(SERIES_FROM, Double.MAX_VALUE)).mul(isLarge);
    return smallPart.add(largePart);
  }
}
