package org.latentj.inference.flows;

import org.latentj.distributions.Normal;
import org.latentj.distributions.TransformedDistribution;
import org.latentj.model.Head;
import org.latentj.tensor.Tensor;

/**
 * A posterior head for {@code q(z|x) = flow_h(N(mu(x), diag sigma^2(x)))}: the encoder outputs
 * {@code [mu | log sigma^2 | h]} and the flow, applied to the reparameterized Normal draw, reads
 * the context {@code h} (Kingma et al. 2016, figure 2; for an unamortized flow there is no h).
 * Works with every pathwise objective (Elbo, IWAE); the KL to the prior has no closed form, so
 * {@code AnalyticKlElbo} falls back to its Monte Carlo term at this site.
 *
 * <p>The context has {@code contextMultiple x d} columns, so the raw width stays a multiple of
 * the latent size d as {@link Head} requires. The flow is a child module: its parameters are the
 * guide's.
 */
public final class FlowHead extends Head {

  private final Flow flow;
  private final int contextMultiple;

  /**
   * @param flow over the latent size; its {@link Flow#contextSize()} must be 0 or a multiple of
   *     its size (the encoder's context columns)
   */
  public FlowHead(Flow flow) {
    if (flow == null) {
      throw new IllegalArgumentException("FlowHead: flow is null");
    }
    if (flow.contextSize() % flow.size() != 0) {
      throw new IllegalArgumentException("FlowHead: the flow reads " + flow.contextSize()
          + " context columns, not a multiple of its size " + flow.size());
    }
    this.flow = register("flow", flow);
    this.contextMultiple = flow.contextSize() / flow.size();
  }

  public Flow flow() {
    return flow;
  }

  @Override
  public int rawColumnsPerEventColumn() {
    return 2 + contextMultiple;
  }

  @Override
  public TransformedDistribution distribution(Tensor raw) {
    int per = rawColumnsPerEventColumn();
    if (raw.cols() % per != 0 || raw.cols() / per != flow.size()) {
      throw new IllegalArgumentException("FlowHead: raw output has " + raw.cols()
          + " columns but the flow maps " + flow.size() + " latent columns, so the encoder"
          + " must output " + per * flow.size() + " ([mean | log-variance"
          + (contextMultiple > 0 ? " | context" : "") + "]); a flow's size must equal the"
          + " latent size");
    }
    int d = flow.size();
    Normal base = Normal.ofLogVariance(raw.columns(0, d), raw.columns(d, 2 * d));
    Tensor context = contextMultiple == 0 ? null : raw.columns(2 * d, per * d);
    return TransformedDistribution.of(base, flow.bijection(context));
  }

  @Override
  public String toString() {
    return "FlowHead[" + flow + "]";
  }
}
