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

/**
 * A VAE with two stochastic layers, {@code x <- z1 <- z2}, as in Burda, Grosse &amp;
 * Salakhutdinov, "Importance Weighted Autoencoders" (2016, section 5): a
 * {@link HierarchicalVaeModel} and its {@link HierarchicalVaeGuide}, built from
 * {@link Likelihood}, {@link Posterior} and {@link StandardNormalPrior} components over
 * {@link Mlp}s.
 *
 * <pre>
 *   model:  z2 ~ N(0, I),   z1 ~ N(mu, diag sigma^2)(MLP(z2)),   x ~ Bernoulli(logits = MLP(z1))
 *   guide:  z1 ~ N(mu, diag sigma^2)(MLP(x)),   z2 ~ N(mu, diag sigma^2)(MLP(z1))
 * </pre>
 *
 * Every Normal is parameterized by mean and log-variance ({@link NormalHead#meanAndLogVariance}).
 * Weights start with Glorot &amp; Bengio's uniform heuristic, as in the paper, each network from
 * its own stream of the seed.
 *
 * <p>Train with {@link org.latentj.inference.objectives.Elbo} or
 * {@link org.latentj.inference.objectives.ImportanceWeightedElbo}. The analytic-KL ELBO is exact
 * only at "z2": p(z1 | z2) is evaluated at a z2 that was drawn from q(z2 | z1), itself a function
 * of z1's sample, so the closed-form KL at "z1" is not the expectation it stands for.
 */
public record HierarchicalVae(HierarchicalVaeModel model, HierarchicalVaeGuide guide,
    HierarchicalVaeSettings settings) {

  public HierarchicalVae {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(guide, "guide");
    Objects.requireNonNull(settings, "settings");
  }

  /** A freshly initialized model and guide of the given sizes, for binary data. */
  public static HierarchicalVae create(HierarchicalVaeSettings s) {
    var model = new HierarchicalVaeModel(
        new StandardNormalPrior(s.latent2()),
        new Likelihood(normalNetwork(s, "p(z1|z2)", s.latent2(), s.hidden2(), s.latent1()),
            NormalHead.meanAndLogVariance()),
        new Likelihood(mlp(s, "p(x|z1)", s.latent1(), s.hidden1(), s.inputSize()),
            new BernoulliHead()));
    var guide = new HierarchicalVaeGuide(
        new Posterior(normalNetwork(s, "q(z1|x)", s.inputSize(), s.hidden1(), s.latent1()),
            NormalHead.meanAndLogVariance()),
        new Posterior(normalNetwork(s, "q(z2|z1)", s.latent1(), s.hidden2(), s.latent2()),
            NormalHead.meanAndLogVariance()));
    return new HierarchicalVae(model, guide, s);
  }

  /** The network in front of a mean-and-log-variance Normal head over {@code latent} columns. */
  private static Mlp normalNetwork(HierarchicalVaeSettings s, String stream, int in, int hidden,
      int latent) {
    return mlp(s, stream, in, hidden, NormalHead.meanAndLogVariance().rawColumns(latent));
  }

  /** Two hidden layers of {@code hidden} units, weights from the seed's stream {@code stream}. */
  private static Mlp mlp(HierarchicalVaeSettings s, String stream, int in, int hidden, int out) {
    return new Mlp(new int[] {in, hidden, hidden, out}, s.activation(),
        Initializer.glorotUniform(), Rngs.derive(s.seed(), stream));
  }

  /**
   * Ancestral samples {@code z2 ~ p(z2), z1 ~ p(z1 | z2)} shown as the pixel probabilities
   * {@code E[x | z1]}: an {@code n x inputSize} matrix in [0, 1], for pictures.
   */
  public DMatrixRMaj sampleMeans(int n, UniformRandomProvider rng) {
    return Generation.observedMean(model, Batch.generate(n, null),
        HierarchicalVaeModel.OBSERVED, rng);
  }
}
