package org.latentj.examples.models;

import java.util.Objects;
import org.latentj.distributions.OneHotCategorical;
import org.latentj.inference.priors.StandardNormalPrior;
import org.latentj.model.Batch;
import org.latentj.model.Likelihood;
import org.latentj.model.Program;
import org.latentj.model.Sites;
import org.latentj.tensor.Tensor;

/**
 * The generative model of M2, the semi-supervised VAE of Kingma, Rezende, Mohamed &amp; Welling,
 * "Semi-supervised learning with deep generative models" (NeurIPS 2014), equation (2):
 *
 * <pre>
 *   y ~ Cat(uniform)          site "y", one-hot; observed when the batch carries labels
 *   z ~ N(0, I)               site "z"
 *   x ~ Bernoulli(MLP([z, y]))  site "x"
 * </pre>
 *
 * A labelled batch passes its one-hot labels as {@link Batch#condition()} and "y" is observed;
 * an unlabelled batch has no condition and "y" is latent, for the guide to enumerate
 * ({@link M2Guide}).
 */
public final class M2Model extends Program {

  /** The label site, shared with {@link M2Guide}. */
  public static final String LABEL = "y";

  private final StandardNormalPrior prior;
  private final Likelihood decoder;
  private final int classes;

  /**
   * @param decoder p(x | [z, y]): its network takes {@code latentSize + classes} columns
   */
  public M2Model(int latentSize, Likelihood decoder, int classes) {
    this.prior = register("prior", new StandardNormalPrior(latentSize));
    this.decoder = register("decoder", Objects.requireNonNull(decoder, "decoder"));
    this.classes = classes;
  }

  @Override
  public void run(Sites sites, Batch batch) {
    int n = batch.size();
    // The uniform prior's logits in the model's dtype, so a float32 M2 sums y out in float32.
    OneHotCategorical uniform = OneHotCategorical.ofLogits(Tensor.zeros(n, classes,
        decoder.network().dtype()));
    Tensor y = batch.hasCondition()
        ? sites.observe(LABEL, uniform, ConditionalVaeModel.condition("M2Model", batch, classes))
        : sites.sample(LABEL, uniform);
    Tensor z = sites.sample(ConditionalVaeModel.LATENT, prior.distribution(n));
    sites.observe(ConditionalVaeModel.OBSERVED, decoder.given(Tensor.concatColumns(z, y)),
        batch.hasData() ? batch.data() : null);
  }

  public int classes() {
    return classes;
  }

  @Override
  public String toString() {
    return "M2Model(y ~ Cat(uniform " + classes + "), z ~ " + prior + ", x ~ " + decoder
        + " of [z, y])";
  }
}
