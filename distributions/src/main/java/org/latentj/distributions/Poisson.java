package org.latentj.distributions;

import org.apache.commons.math3.special.Gamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.latentj.model.Distribution;
import org.latentj.model.Validation;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.DType;
import org.latentj.tensor.Tensor;

/**
 * Independent Poisson counts, one per column, parameterized by the log of the rate
 * {@code lambda = exp(eta)} (the canonical link, so a network's output needs no constraint):
 *
 * <pre>
 * log p(k) = k eta - exp(eta) - log Gamma(k + 1),   k = 0, 1, 2, ...
 * </pre>
 *
 * summed over the event; differentiable in {@code eta} (the counts are discrete and get no
 * gradient). Mean and variance are both {@code exp(eta)}. There is no reparameterized sampler.
 *
 * <p>Log-rates above {@value #MAX_LOG_RATE} are rejected when {@link Validation} is on: their
 * rate overflows a double. Draws use Commons RNG's {@link PoissonSampler} (exact: a simulated
 * Poisson process below a mean of 40, Devroye's 1981 rejection method above) up to a rate of
 * 1e9; beyond that the exact samplers' int range ends and draws are
 * the rounded normal approximation {@code round(lambda + sqrt(lambda) Z)}, whose error (skewness
 * {@code lambda^-1/2} &lt; 3e-5) is far below anything observable at such counts.
 *
 * <p>Factories always check shapes; element checks of tensor parameters (finite, positive, in
 * range) and support checks of values run while {@link Validation} is on.
 */
public final class Poisson implements Distribution {

  /** The largest log-rate accepted when validation is on ({@code exp(709.78)} overflows). */
  public static final double MAX_LOG_RATE = 700.0;

  /** Rates up to here are drawn exactly. */
  static final double EXACT_SAMPLER_MAX_RATE = 1e9;

  private static final String FAMILY = "Poisson";

  private final Tensor logRate;

  private Poisson(Tensor logRate) {
    this.logRate = logRate;
  }

  /** Counts with rates {@code exp(logRate)}; {@code logRate} is {@code n x d} and finite. */
  public static Poisson ofLogRate(Tensor logRate) {
    Checks.nonNull(FAMILY + ": logRate", logRate);
    Checks.finite(FAMILY + ": logRate", logRate);
    Checks.elements(FAMILY + ": logRate", logRate, eta -> eta <= MAX_LOG_RATE,
        "must be at most " + MAX_LOG_RATE + " (the rate would overflow)");
    return new Poisson(logRate);
  }

  public Tensor logRate() {
    return logRate;
  }

  /** The same Poisson with its log-rates cut from the graph. */
  @Override
  public Poisson detachParameters() {
    return new Poisson(logRate.detach());
  }

  /** {@code exp(logRate)}. */
  public Tensor rate() {
    return logRate.exp();
  }

  @Override
  public int batchSize() {
    return logRate.rows();
  }

  @Override
  public int eventSize() {
    return logRate.cols();
  }

  /**
   * {@code sum_j k_j eta_j - exp(eta_j) - log(k_j!)}; when {@link Validation} is on, every count
   * must be a non-negative integer.
   */
  @Override
  public Tensor logProb(Tensor value) {
    Checks.valueShape(FAMILY + ".logProb: value", value, batchSize(), eventSize());
    Checks.elements(FAMILY + ".logProb: value", value,
        k -> k >= 0 && k == Math.rint(k) && k != Double.POSITIVE_INFINITY,
        "must be a non-negative integer count");
    double[] k = value.to(DType.FLOAT64).value().data;
    int size = value.size();
    DMatrixRMaj logFactorial = new DMatrixRMaj(value.rows(), value.cols());
    for (int i = 0; i < size; i++) {
      logFactorial.data[i] = Gamma.logGamma(k[i] + 1);
    }
    Tensor counts = value.detach();
    Tensor perColumn = counts.mul(logRate).sub(logRate.exp())
        .sub(Tensor.constant(logFactorial).to(value.dtype()));
    return Checks.noNaN(FAMILY + ".logProb", perColumn.rowSums());
  }

  /** Always throws: the counts 0, 1, 2, ... are unbounded, so no exact sum over them exists. */
  @Override
  public Tensor enumerateSupport() {
    throw new UnsupportedOperationException("Poisson has unbounded support (every count 0, 1, 2,"
        + " ...), so it cannot be enumerated");
  }

  @Override
  public Tensor sample(UniformRandomProvider rng) {
    double[] eta = logRate.to(DType.FLOAT64).value().data;
    int size = logRate.size();
    DMatrixRMaj out = new DMatrixRMaj(logRate.rows(), logRate.cols());
    ZigguratSampler.NormalizedGaussian normal = null;
    UniformRandomProvider current = rng;
    int cols = logRate.cols();
    for (int i = 0; i < size; i++) {
      // Each row draws from its own stream under keyed noise (the same generator otherwise).
      UniformRandomProvider g = Rngs.row(rng, i / cols);
      if (g != current) {
        current = g;
        normal = null;
      }
      double rate = Math.exp(eta[i]);
      if (rate == 0) {
        out.data[i] = 0;
      } else if (rate <= EXACT_SAMPLER_MAX_RATE) {
        // Every element has its own rate, so its own (cheap to build) sampler.
        out.data[i] = PoissonSampler.of(g, rate).sample();
      } else {
        if (normal == null) {
          normal = ZigguratSampler.NormalizedGaussian.of(g);
        }
        out.data[i] = Math.max(0.0, Math.rint(rate + Math.sqrt(rate) * normal.sample()));
      }
    }
    return Tensor.constant(out).to(logRate.dtype());
  }

  @Override
  public Tensor mean() {
    return logRate.exp();
  }

  @Override
  public Tensor variance() {
    return logRate.exp();
  }

  @Override
  public String toString() {
    return FAMILY + "[" + batchSize() + "x" + eventSize() + "]";
  }
}
