package org.latentj.examples.extension;

import org.latentj.inference.objectives.Elbo;
import org.latentj.inference.objectives.Traces;
import org.latentj.model.Trace;
import org.latentj.tensor.Tensor;

/**
 * The beta-VAE's bound (Higgins et al. 2017): {@code E[log p(x|z)] - beta KL(q(z|x) || p(z))},
 * the KL estimated by Monte Carlo as in {@link Elbo}. The worked example of docs/architecture.md: a new
 * objective is this class plus one binding ({@link BetaElboPlugin}).
 */
public final class BetaElbo extends Elbo {

  private final double beta;

  public BetaElbo(int particles, double beta) {
    super(particles);
    this.beta = beta;
  }

  @Override
  protected Tensor latentTerm(Traces t, Trace.Site modelSite, Trace.Site guideSite) {
    return super.latentTerm(t, modelSite, guideSite).mul(beta);
  }

  @Override
  public String toString() {
    return "BetaElbo(particles=" + particles() + ", beta=" + beta + ")";
  }
}
