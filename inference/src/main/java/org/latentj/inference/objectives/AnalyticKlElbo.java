package org.latentj.inference.objectives;

import org.latentj.distributions.KlRegistry;
import org.latentj.model.Trace;
import org.latentj.tensor.Tensor;

/**
 * The ELBO with closed-form KL terms where they exist, the AEVB paper's SGVB estimator B
 * (Kingma &amp; Welling 2013, eq. 7):
 *
 * <pre>ELBO(x) ~= -KL(q(z|x) || p(z)) + (1/L) sum_l log p(x | z_l)</pre>
 *
 * Each latent site whose guide and model families have a rule in the {@link KlRegistry}, and
 * whose two sides carry the same scale and mask, uses it (weighed by that scale and mask); any
 * other site falls back to the Monte Carlo term {@code log p(z) - log q(z)}, so the estimate has
 * the same expectation as {@link Elbo} (Pyro's {@code TraceMeanField_ELBO}).
 *
 * <p>The closed form at a site is exact when the model's distribution there does not depend on
 * guide samples that were themselves drawn from this site's value (true of a mean-field guide, and
 * of the top layer of a hierarchical model); where that fails, use {@link Elbo}.
 */
public final class AnalyticKlElbo extends Elbo {

  private final KlRegistry kl;

  public AnalyticKlElbo(KlRegistry kl) {
    this(kl, 1);
  }

  public AnalyticKlElbo(KlRegistry kl, int particles) {
    super(particles);
    this.kl = kl;
  }

  @Override
  protected Tensor latentTerm(Traces t, Trace.Site modelSite, Trace.Site guideSite) {
    if (sameWeights(modelSite, guideSite)
        && kl.has(guideSite.distribution(), modelSite.distribution())) {
      return t.weigh(guideSite, kl.kl(guideSite.distribution(), modelSite.distribution())).neg();
    }
    return super.latentTerm(t, modelSite, guideSite);
  }

  /** A KL is a difference of the two sides' terms only when both are weighed alike. */
  private static boolean sameWeights(Trace.Site a, Trace.Site b) {
    return a.scale() == b.scale() && a.mask() == b.mask();
  }
}
