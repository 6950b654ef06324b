package org.latentj.inference.objectives;

import org.latentj.model.Trace;
import org.latentj.tensor.Tensor;

/**
 * The evidence lower bound by Monte Carlo, the AEVB paper's SGVB estimator A (Kingma &amp;
 * Welling 2013, eq. 6):
 *
 * <pre>ELBO(x) ~= (1/L) sum_l [ log p(x | z_l) + beta (log p(z_l) - log q(z_l | x)) ]</pre>
 *
 * with {@code z_l ~ q(z|x)} reparameterized. {@code beta = 1} (the default) is the ELBO; other
 * values weight the latent sites as in the beta-VAE (Higgins et al. 2017) or a KL warm-up.
 */
public class Elbo extends ParticleObjective {

  private volatile double latentWeight = 1.0;

  /** One particle per example, as in the paper's experiments (L = 1). */
  public Elbo() {
    this(1);
  }

  public Elbo(int particles) {
    super(particles);
  }

  /** Sets beta, the weight of the latent sites' terms (1 for the true bound). */
  public final void setLatentWeight(double beta) {
    if (!(beta >= 0) || Double.isInfinite(beta)) {
      throw new IllegalArgumentException(getClass().getSimpleName()
          + ": latent weight must be finite and non-negative, got " + beta);
    }
    this.latentWeight = beta;
  }

  public final double latentWeight() {
    return latentWeight;
  }

  @Override
  protected Tensor particleTerm(Trace model, Trace guide) {
    Tensor latent = null;
    for (String name : guide.latentNames()) {
      latent = LogWeights.plus(latent, latentTerm(model.site(name), guide.site(name)));
    }
    Tensor observed = LogWeights.observed(model);
    if (latent == null) {
      return observed;
    }
    return observed.add(latentWeight == 1.0 ? latent : latent.mul(latentWeight));
  }

  /** One latent site's contribution: {@code log p(z) - log q(z)} at the guide's sample. */
  protected Tensor latentTerm(Trace.Site modelSite, Trace.Site guideSite) {
    return LogWeights.latentRatio(modelSite, guideSite);
  }

  @Override
  protected final Tensor combine(Tensor perParticle, int k) {
    return k == 1 ? perParticle : perParticle.groupSum(k).mul(1.0 / k);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "(particles=" + particles() + ", latentWeight="
        + latentWeight + ")";
  }
}
