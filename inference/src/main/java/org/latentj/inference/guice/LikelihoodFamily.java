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
  BERNOULLI(inputSize -> new BernoulliHead()),
  /** Grey levels in [0, 1] with the normalising constant (Loaiza-Ganem &amp; Cunningham 2019). */
  CONTINUOUS_BERNOULLI(inputSize -> new ContinuousBernoulliHead()),
  /** Real data: the decoder outputs a mean and a log-variance per feature (the paper's C.2). */
  GAUSSIAN(inputSize -> NormalHead.meanAndLogVariance()),
  /** Real data: the decoder outputs a mean; one learned variance per feature. */
  GAUSSIAN_LEARNED_VARIANCE(NormalHead::learnedVariance),
  /** Real data with heavier tails: location and log-scale per feature. */
  LAPLACE(inputSize -> new LaplaceHead());

  private final IntFunction<Head> head;

  LikelihoodFamily(IntFunction<Head> head) {
    this.head = head;
  }

  /** A fresh head for data of {@code inputSize} columns. */
  public Head head(int inputSize) {
    return head.apply(inputSize);
  }
}
