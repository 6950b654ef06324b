package org.latentj.examples.models;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.distributions.BernoulliHead;
import org.latentj.distributions.NormalHead;
import org.latentj.inference.priors.StandardNormalPrior;
import org.latentj.model.Batch;
import org.latentj.model.Likelihood;
import org.latentj.model.Posterior;
import org.latentj.nn.Initializer;
import org.latentj.nn.Mlp;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/**
 * A conditional VAE (Sohn, Lee &amp; Yan 2015) for binary images with a condition y such as a
 * one-hot label ({@link OneHotLabels}): a {@link ConditionalVaeModel} and its
 * {@link ConditionalVaeGuide}.
 *
 * <pre>
 *   model:  z ~ N(0, I),   x ~ Bernoulli(logits = MLP([z, y]))
 *   guide:  z ~ N(mu, diag sigma^2)(MLP([x, y]))
 * </pre>
 *
 * Its ELBO is a bound on the conditional log-likelihood log p(x | y). Weights start from He et
 * al.'s normal initializer (for ReLU), each network from its own stream of the seed. Train with
 * {@code MinibatchData.conditioned(x, y, batchSize)}.
 */
public record ConditionalVae(ConditionalVaeModel model, ConditionalVaeGuide guide,
    ConditionalVaeSettings settings) {

  public ConditionalVae {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(guide, "guide");
    Objects.requireNonNull(settings, "settings");
  }

  /** A freshly initialized model and guide of the given sizes. */
  public static ConditionalVae create(ConditionalVaeSettings s) {
    NormalHead posteriorHead = NormalHead.meanAndLogVariance();
    Mlp encoder = new Mlp(new int[] {s.inputSize() + s.conditionSize(), s.hiddenSize(),
        posteriorHead.rawColumns(s.latentSize())}, s.activation(), Initializer.heNormal(),
        Rngs.derive(s.seed(), "encoder"));
    Mlp decoder = new Mlp(new int[] {s.latentSize() + s.conditionSize(), s.hiddenSize(),
        s.inputSize()}, s.activation(), Initializer.heNormal(), Rngs.derive(s.seed(), "decoder"));
    var model = new ConditionalVaeModel(new StandardNormalPrior(s.latentSize()),
        new Likelihood(decoder, new BernoulliHead()), s.conditionSize());
    var guide = new ConditionalVaeGuide(new Posterior(encoder, posteriorHead), s.conditionSize());
    return new ConditionalVae(model, guide, s);
  }

  /**
   * Ancestral samples {@code z ~ p(z)} for the given conditions ({@code n x conditionSize}, Not
   * modified), shown as the pixel probabilities {@code E[x | z, y]}: {@code n x inputSize}.
   */
  public DMatrixRMaj sampleMeans(DMatrixRMaj conditions, UniformRandomProvider rng) {
    return Generation.observedMean(model,
        Batch.generate(conditions.numRows, Tensor.constant(conditions)),
        ConditionalVaeModel.OBSERVED, rng);
  }
}
