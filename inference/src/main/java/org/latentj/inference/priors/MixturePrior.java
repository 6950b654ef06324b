package org.latentj.inference.priors;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.distributions.MixtureOfDiagonalNormals;
import org.latentj.model.Distribution;
import org.latentj.model.Prior;
import org.latentj.nn.Parameter;
import org.latentj.tensor.Rngs;

/**
 * A learned mixture of K diagonal Gaussians, {@code p(z) = sum_k pi_k N(z; mu_k, diag
 * sigma_k^2)} with {@code pi = softmax(w)}: parameters {@code logits} ({@code 1 x K}),
 * {@code means} and {@code logVariances} ({@code K x d}). The density is a log-sum-exp over the
 * components ({@link MixtureOfDiagonalNormals}). Means start as standard-normal draws, so the
 * components start apart, log-variances at 0 and the weights equal.
 */
public final class MixturePrior extends Prior {

  private final Parameter logits;
  private final Parameter means;
  private final Parameter logVariances;

  /**
   * @param components K, at least 1
   * @param latentSize d, at least 1
   */
  public MixturePrior(int components, int latentSize, UniformRandomProvider rng) {
    if (components < 1) {
      throw new IllegalArgumentException("MixturePrior: a mixture needs at least one component,"
          + " got " + components);
    }
    if (latentSize < 1) {
      throw new IllegalArgumentException("MixturePrior: latentSize must be positive, got "
          + latentSize);
    }
    this.logits = register(new Parameter("logits", new DMatrixRMaj(1, components)));
    DMatrixRMaj mu = new DMatrixRMaj(components, latentSize);
    Rngs.fillStandardNormal(rng, mu);
    this.means = register(new Parameter("means", mu));
    this.logVariances = register(new Parameter("logVariances",
        new DMatrixRMaj(components, latentSize)));
  }

  @Override
  public Distribution distribution(int batchSize) {
    return MixtureOfDiagonalNormals.of(logits.tensor(), means.tensor(), logVariances.tensor(),
        batchSize);
  }

  @Override
  public int latentSize() {
    return means.cols();
  }

  /** K. */
  public int components() {
    return means.rows();
  }

  @Override
  public String toString() {
    return "MixturePrior(" + components() + " components, " + latentSize() + ")";
  }
}
