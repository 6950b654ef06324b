package org.latentj.inference.vae;

import org.latentj.model.Batch;
import org.latentj.model.Likelihood;
import org.latentj.model.Prior;
import org.latentj.model.Program;
import org.latentj.model.Sites;
import org.latentj.tensor.Tensor;

/** The VAE's generative model: {@code z ~ p(z)}, {@code x ~ p(x | z)}; sites "z" and "x". */
public final class VaeModel extends Program {

  /** The latent site's name, shared with {@link VaeGuide}. */
  public static final String LATENT = "z";

  /** The observed site's name. */
  public static final String OBSERVED = "x";

  private final Prior prior;
  private final Likelihood likelihood;

  public VaeModel(Prior prior, Likelihood likelihood) {
    this.prior = register("prior", prior);
    this.likelihood = register("decoder", likelihood);
  }

  @Override
  public void run(Sites sites, Batch batch) {
    Tensor z = sites.sample(LATENT, prior.distribution(batch.size()));
    sites.observe(OBSERVED, likelihood.given(z), batch.hasData() ? batch.data() : null);
  }

  public Prior prior() {
    return prior;
  }

  public Likelihood likelihood() {
    return likelihood;
  }

  @Override
  public String toString() {
    return "VaeModel(prior=" + prior + ", decoder=" + likelihood + ")";
  }
}
