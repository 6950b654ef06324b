package org.latentj.examples.models;

import java.util.Objects;
import org.latentj.model.Batch;
import org.latentj.model.Likelihood;
import org.latentj.model.Prior;
import org.latentj.model.Program;
import org.latentj.model.Sites;
import org.latentj.tensor.Tensor;

/**
 * The generative model of a VAE with two stochastic layers (Burda et al. 2016, section 5):
 *
 * <pre>
 *   z2 ~ p(z2)          site "z2", e.g. N(0, I)
 *   z1 ~ p(z1 | z2)     site "z1", a network of z2 and a Normal head
 *   x  ~ p(x | z1)      site "x",  a network of z1 and, for binary pixels, a Bernoulli head
 * </pre>
 *
 * Nothing in the engine knows there are two layers: this is a longer program than
 * {@link org.latentj.inference.vae.VaeModel}, and its guide is {@link HierarchicalVaeGuide}.
 */
public final class HierarchicalVaeModel extends Program {

  /** The top latent site. */
  public static final String TOP = "z2";

  /** The lower latent site, between {@link #TOP} and the data. */
  public static final String LOWER = "z1";

  /** The observed site. */
  public static final String OBSERVED = "x";

  private final Prior prior;
  private final Likelihood lower;
  private final Likelihood likelihood;

  /**
   * @param prior p(z2)
   * @param lower p(z1 | z2): a network of z2 with a head making z1's distribution
   * @param likelihood p(x | z1)
   */
  public HierarchicalVaeModel(Prior prior, Likelihood lower, Likelihood likelihood) {
    this.prior = register(TOP, Objects.requireNonNull(prior, "prior"));
    this.lower = register(LOWER, Objects.requireNonNull(lower, "lower"));
    this.likelihood = register(OBSERVED, Objects.requireNonNull(likelihood, "likelihood"));
  }

  @Override
  public void run(Sites sites, Batch batch) {
    Tensor z2 = sites.sample(TOP, prior.distribution(batch.size()));
    Tensor z1 = sites.sample(LOWER, lower.given(z2));
    sites.observe(OBSERVED, likelihood.given(z1), batch.hasData() ? batch.data() : null);
  }

  public Prior prior() {
    return prior;
  }

  /** p(z1 | z2). */
  public Likelihood lower() {
    return lower;
  }

  /** p(x | z1). */
  public Likelihood likelihood() {
    return likelihood;
  }

  @Override
  public String toString() {
    return "HierarchicalVaeModel(z2 ~ " + prior + ", z1 ~ " + lower + ", x ~ " + likelihood + ")";
  }
}
