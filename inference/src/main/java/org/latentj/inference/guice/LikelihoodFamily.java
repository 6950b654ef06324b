package org.latentj.inference.guice;

import java.util.function.IntFunction;
import org.latentj.distributions.BernoulliHead;
import org.latentj.distributions.ContinuousBernoulliHead;
import org.latentj.distributions.LaplaceHead;
import org.latentj.distributions.NormalHead;
import org.latentj.model.Head;

/** The likelihoods p(x|z) a {@link VaeSettings} can name; each makes its head. */
public enum LikelihoodFamily {
  /** Binary or grey-level pixels, from logits (the AEVB paper's MNIST likelihood). */
  BERNOULLI(inputSize -> new BernoulliHead(),
      "Bernoulli from logits: learns each pixel's probability of being on, given z."),
  /** Grey levels in [0, 1] with the normalising constant (Loaiza-Ganem &amp; Cunningham 2019). */
  CONTINUOUS_BERNOULLI(inputSize -> new ContinuousBernoulliHead(),
      "Continuous Bernoulli: learns a normalised density on [0, 1] per grey level, given z."),
  /** Real data: the decoder outputs a mean and a log-variance per feature (the paper's C.2). */
  GAUSSIAN(inputSize -> NormalHead.meanAndLogVariance(),
      "Gaussian: learns an unconstrained mean and a variance per pixel, both depending on z."),
  /** Real data: the decoder outputs a mean; one learned variance per feature. */
  GAUSSIAN_LEARNED_VARIANCE(NormalHead::learnedVariance,
      "Gaussian: learns an unconstrained mean that depends on z and one variance per pixel that"
          + " does not (shared by every image, so it moves slowly)."),
  /**
   * Data in [0, 1]: the AEVB paper's Frey Face decoder (section 5), mean = sigmoid(output) and a
   * log-variance output per feature.
   */
  GAUSSIAN_SIGMOID_MEAN(inputSize -> NormalHead.sigmoidMeanAndLogVariance(),
      "Gaussian, the AEVB paper's Frey Face decoder: learns a mean squashed into (0, 1) by a"
          + " sigmoid and a variance per pixel, both depending on z."),
  /** Data in [0, 1]: mean = sigmoid(output); one learned variance per feature. */
  GAUSSIAN_SIGMOID_MEAN_LEARNED_VARIANCE(NormalHead::sigmoidMeanLearnedVariance,
      "Gaussian: learns a mean in (0, 1) (sigmoid) that depends on z and one variance per pixel"
          + " that does not."),
  /** Real data with heavier tails: location and log-scale per feature. */
  LAPLACE(inputSize -> new LaplaceHead(),
      "Laplace: learns a location and a scale per pixel, both depending on z (heavier tails).");

  private final IntFunction<Head> head;
  private final String description;

  LikelihoodFamily(IntFunction<Head> head, String description) {
    this.head = head;
    this.description = description;
  }

  /** One sentence saying what this likelihood's decoder learns, for {@code --help}. */
  public String description() {
    return description;
  }

  /** A fresh head for data of {@code inputSize} columns. */
  public Head head(int inputSize) {
    return head.apply(inputSize);
  }
}
