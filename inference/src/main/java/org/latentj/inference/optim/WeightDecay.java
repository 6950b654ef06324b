package org.latentj.inference.optim;

/**
 * The L2 weight-decay coefficient that makes training the maximum a posteriori fit under a
 * Gaussian prior on the weights, {@code p(theta) = N(0, s^2 I)}; Kingma &amp; Welling (2013,
 * section 5) use {@code N(0, I)}.
 *
 * <p>Derivation. {@code -log N(theta; 0, s^2 I) = ||theta||^2 / (2 s^2) + const}, whose gradient
 * is {@code theta / s^2}. The MAP objective over a data set of {@code N} examples is
 * {@code sum_{i=1..N} l_i(theta) + ||theta||^2 / (2 s^2)} with {@code l_i = -ELBO_i}; a minibatch
 * of {@code M} estimates it without bias as {@code (N/M) sum_batch l_i + ||theta||^2 / (2 s^2)}.
 *
 * <ul>
 *   <li>Training on the minibatch mean {@code (1/M) sum_batch l_i} divides that estimate by
 *       {@code N}, so the prior adds {@code theta / (N s^2)} to the gradient:
 *       {@code lambda = 1 / (N s^2)} ({@link #gaussianPrior}).
 *   <li>Training on the minibatch sum divides it by {@code N/M}: {@code lambda = M / (N s^2)}
 *       ({@link #gaussianPriorForSummedLoss}).
 * </ul>
 *
 * <p>The correspondence is exact for the coupled {@code weightDecay} option of {@link Sgd},
 * {@link Adagrad}, {@link RmsProp} and {@link Adam}, which add {@code lambda * theta} to the
 * gradient before any adaptive scaling. {@link AdamW}'s decoupled decay is not a prior under an
 * adaptive method (Loshchilov &amp; Hutter 2019); only with plain SGD do the two coincide.
 */
public final class WeightDecay {

  private WeightDecay() {}

  /**
   * {@code lambda = 1 / (N s^2)}, for a loss that is the mean over the minibatch of per-example
   * terms, {@code s^2} the prior variance and {@code N} the number of training examples.
   */
  public static double gaussianPrior(double priorVariance, long datasetSize) {
    Checks.positive("WeightDecay", "priorVariance", priorVariance);
    requireDatasetSize(datasetSize);
    return 1.0 / (datasetSize * priorVariance);
  }

  /**
   * {@code lambda = M / (N s^2)}, for a loss that is the sum over a minibatch of {@code M}
   * examples.
   */
  public static double gaussianPriorForSummedLoss(double priorVariance, long datasetSize,
      int minibatchSize) {
    Checks.positive("WeightDecay", "priorVariance", priorVariance);
    requireDatasetSize(datasetSize);
    Checks.atLeastOne("WeightDecay", "minibatchSize", minibatchSize);
    if (minibatchSize > datasetSize) {
      throw new IllegalArgumentException("WeightDecay: minibatchSize " + minibatchSize
          + " exceeds datasetSize " + datasetSize);
    }
    return minibatchSize / (datasetSize * priorVariance);
  }

  private static void requireDatasetSize(long datasetSize) {
    if (datasetSize < 1) {
      throw new IllegalArgumentException("WeightDecay: datasetSize must be >= 1, got "
          + datasetSize);
    }
  }
}
