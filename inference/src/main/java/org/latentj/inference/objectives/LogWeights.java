package org.latentj.inference.objectives;

import org.latentj.model.Trace;
import org.latentj.tensor.Tensor;

/** Sums of site log-densities over traces, the pieces every bound is made from. */
public final class LogWeights {

  private LogWeights() {}

  /** {@code sum over observed sites of log p(x | ...)}, per row. */
  public static Tensor observed(Trace model) {
    Tensor sum = null;
    for (Trace.Site s : model.sites()) {
      if (s.kind() == Trace.Kind.OBSERVED) {
        sum = plus(sum, s.distribution().logProb(s.value()));
      }
    }
    if (sum == null) {
      throw new IllegalStateException("the model observes no data: a bound needs at least one"
          + " trace.observe(...) site");
    }
    return sum;
  }

  /** {@code log p(z) - log q(z)} at one latent site, per row. */
  public static Tensor latentRatio(Trace.Site modelSite, Trace.Site guideSite) {
    return modelSite.distribution().logProb(guideSite.value())
        .sub(guideSite.distribution().logProb(guideSite.value()));
  }

  /** {@code log p(x, z) - log q(z | x)} per row: the log importance weight. */
  public static Tensor logWeight(Trace model, Trace guide) {
    Tensor lw = observed(model);
    for (String name : guide.latentNames()) {
      lw = lw.add(latentRatio(model.site(name), guide.site(name)));
    }
    return lw;
  }

  static Tensor plus(Tensor sum, Tensor term) {
    return sum == null ? term : sum.add(term);
  }
}
