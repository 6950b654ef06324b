package org.latentj.inference.objectives;

import org.latentj.tensor.Tensor;

/**
 * The evidence lower bound by Monte Carlo, the AEVB paper's SGVB estimator A (Kingma &amp;
 * Welling 2013, eq. 6):
 *
 * <pre>ELBO(x) ~= (1/L) sum_l [ log p(x | z_l) + log p(z_l) - log q(z_l | x) ]</pre>
 *
 * with {@code z_l ~ q(z|x)} reparameterized. Each site's term is multiplied by its scale and
 * mask (see {@code Trace.Site.weigh}); a scale {@code beta} on the latent sites of model and
 * guide gives the beta-VAE (Higgins et al. 2017), and {@code KlWarmup} raises it from 0 to 1.
 */
public class Elbo extends ParticleObjective {

  /** One particle per example, as in the paper's experiments (L = 1). */
  public Elbo() {
    this(1);
  }

  public Elbo(int particles) {
    super(particles);
  }

  @Override
  protected Tensor particleTerm(Traces t) {
    Tensor latent = null;
    for (String name : t.rowLatentNames()) {
      latent = LogWeights.plus(latent,
          latentTerm(t, t.model().site(name), t.guide().site(name)));
    }
    Tensor observed = t.rowObserved();
    return latent == null ? observed : observed.add(latent);
  }

  @Override
  protected final Tensor combine(Tensor perParticle, int k) {
    return k == 1 ? perParticle : perParticle.groupSum(k).mul(1.0 / k);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "(particles=" + particles() + ")";
  }
}
