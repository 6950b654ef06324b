package org.latentj.distributions;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;

/**
 * The continuous Bernoulli in plain double: the paper's lambda form for log-densities at
 * moderate logits (where {@code 1 - lambda} keeps its digits), and the exponential-family form
 * {@code l e^(l x) / (e^l - 1)} for integrals at any logit.
 */
final class CbReference {

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
