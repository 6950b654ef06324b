package org.latentj.inference.priors;

import org.latentj.distributions.StandardNormal;
import org.latentj.distributions.TransformedDistribution;
import org.latentj.inference.flows.Flow;
import org.latentj.model.Distribution;
import org.latentj.model.Prior;

/**
 * A flow prior {@code p(z) = T(N(0, I))}: the guide's z is scored through the flow's inverse,
 * {@code log p(z) = log N(T^-1(z); 0, I) + log |det dT^-1/dz|}, so the flow must be invertible
 * and unamortized; RealNVP coupling ({@code Flows.realNvp}) is the natural choice, whose inverse
 * costs one pass like its forward. Its parameters are the flow's.
 */
public final class FlowPrior extends Prior {

  private final Flow flow;

  /** @param flow invertible, with no context */
  public FlowPrior(Flow flow) {
    if (flow == null) {
      throw new IllegalArgumentException("FlowPrior: flow is null");
    }
    if (flow.contextSize() != 0) {
      throw new IllegalArgumentException("FlowPrior: " + flow + " reads a context of "
          + flow.contextSize() + " columns, but a prior has no input");
    }
    if (!flow.bijection(null).hasInverse()) {
      throw new IllegalArgumentException("FlowPrior: " + flow + " has no inverse, so the prior"
          + " could not score the guide's samples (use coupling, planar or radial layers)");
    }
    this.flow = register("flow", flow);
  }

  @Override
  public Distribution distribution(int batchSize) {
    return TransformedDistribution.of(StandardNormal.of(batchSize, flow.size()),
        flow.bijection(null));
  }

  @Override
  public int latentSize() {
    return flow.size();
  }

  @Override
  public String toString() {
    return "FlowPrior(" + flow + ")";
  }
}
