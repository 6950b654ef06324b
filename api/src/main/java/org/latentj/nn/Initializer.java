package org.latentj.nn;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;

/**
 * Fills a new weight matrix. Every initializer takes an explicit seeded generator, so a seed
 * fixes the network.
 */
@FunctionalInterface
public interface Initializer {

  /** Fills {@code weights} (Modified), a {@code fanIn x fanOut} matrix. */
  void fill(DMatrixRMaj weights, UniformRandomProvider rng);

  /** Zeros, e.g. for biases. */
  static Initializer zeros() {
    return (w, rng) -> w.zero();
  }

  /** Every entry equal to {@code c}. */
  static Initializer constant(double c) {
    return (w, rng) -> w.fill(c);
  }

  /** N(0, sd^2); the AEVB paper initialises with sd = 0.01. */
  static Initializer normal(double sd) {
    return new Initializers.Normal(sd, "normal(" + sd + ")");
  }

  /**
   * Glorot &amp; Bengio (2010) uniform: U(-a, a) with {@code a = sqrt(6 / (fanIn + fanOut))}.
   * Suits tanh and sigmoid layers.
   */
  static Initializer glorotUniform() {
    return (w, rng) -> {
      double a = Math.sqrt(6.0 / (w.numRows + w.numCols));
      Initializers.uniform(w, -a, a, rng);
    };
  }

  /** Glorot &amp; Bengio (2010) normal: sd {@code sqrt(2 / (fanIn + fanOut))}. */
  static Initializer glorotNormal() {
    return (w, rng) -> Initializers.normal(w, Math.sqrt(2.0 / (w.numRows + w.numCols)), rng);
  }

  /** He et al. (2015) normal for ReLU layers: sd {@code sqrt(2 / fanIn)}. */
  static Initializer heNormal() {
    return (w, rng) -> Initializers.normal(w, Math.sqrt(2.0 / w.numRows), rng);
  }

  /** He et al. (2015) uniform: U(-a, a) with {@code a = sqrt(6 / fanIn)}. */
  static Initializer heUniform() {
    return (w, rng) -> {
      double a = Math.sqrt(6.0 / w.numRows);
      Initializers.uniform(w, -a, a, rng);
    };
  }

  /** PyTorch's nn.Linear default: U(-a, a) with {@code a = 1 / sqrt(fanIn)}. */
  static Initializer lecunUniform() {
    return (w, rng) -> {
      double a = 1.0 / Math.sqrt(w.numRows);
      Initializers.uniform(w, -a, a, rng);
    };
  }
}

/** Shared fill loops for {@link Initializer}. */
final class Initializers {

  private Initializers() {}

  record Normal(double sd, String description) implements Initializer {
    @Override
    public void fill(DMatrixRMaj w, UniformRandomProvider rng) {
      normal(w, sd, rng);
    }

    @Override
    public String toString() {
      return description;
    }
  }

  static void normal(DMatrixRMaj w, double sd, UniformRandomProvider rng) {
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    int n = w.getNumElements();
    for (int i = 0; i < n; i++) {
      w.data[i] = sd * g.sample();
    }
  }

  static void uniform(DMatrixRMaj w, double lo, double hi, UniformRandomProvider rng) {
    int n = w.getNumElements();
    for (int i = 0; i < n; i++) {
      w.data[i] = lo + (hi - lo) * rng.nextDouble();
    }
  }
}
