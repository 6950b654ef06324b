package org.latentj.inference.vae;

import org.latentj.model.Batch;
import org.latentj.model.Posterior;
import org.latentj.model.Program;
import org.latentj.model.Sites;

/** The VAE's amortized posterior as a guide: {@code z ~ q(z | x)} at site "z". */
public final class VaeGuide extends Program {

  private final Posterior posterior;

  public VaeGuide(Posterior posterior) {
    this.posterior = register("encoder", posterior);
  }

  @Override
  public void run(Sites sites, Batch batch) {
    sites.sample(VaeModel.LATENT, posterior.given(batch.data()));
  }

  public Posterior posterior() {
    return posterior;
  }

  @Override
  public String toString() {
    return "VaeGuide(encoder=" + posterior + ")";
  }
}
