package org.latentj.inference.optim;

import java.util.Map;
import org.latentj.nn.Parameter;

/**
 * Adam (Kingma &amp; Ba 2015, "Adam: A method for stochastic optimization", Algorithm 1) with
 * bias correction, in PyTorch's formulation ({@code torch.optim.Adam}: eps added after the square
 * root of the bias-corrected second moment). Per element, at step {@code t = 1, 2, ...}:
 *
 * <pre>
 *   g = grad + lambda * p                (coupled L2 weight decay)
 *   m = beta1 * m + (1 - beta1) * g
 *   v = beta2 * v + (1 - beta2) * g^2
 *   p = p - lr * (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + eps)
 * </pre>
 *
 * <p>State: {@code m/<name>}, {@code v/<name>}; the bias corrections use {@link #steps()}, which
 * the scalar state restores. {@code weightDecay} is the L2 term that makes training MAP under a
 * Gaussian prior ({@link WeightDecay}); for decoupled decay use {@link AdamW}.
 */
public final class Adam extends AdamFamily {

  private Adam(Builder b, Map<String, Parameter> parameters) {
    super("Adam", b, parameters);
  }

  /**
   * Settings with the paper's (and PyTorch's) defaults: learning rate 1e-3, beta1 0.9, beta2
   * 0.999, eps 1e-8, no weight decay.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** 1: the decay is coupled, an L2 term of the gradient. */
  @Override
  double shrink(double lr) {
    return 1;
  }

  @Override
  double l2() {
    return weightDecay();
  }

  /**
   * Validating settings; each setter rejects a bad value at once, naming it. {@code weightDecay}
   * is the coupled L2 coefficient (see {@link WeightDecay}).
   */
  public static final class Builder extends AdamSettings<Builder> {

    private Builder() {
      super("Adam", 0);
    }

    @Override
    Builder self() {
      return this;
    }

    /** An optimizer over {@code parameters} (name to parameter), with fresh state. */
    public Adam build(Map<String, Parameter> parameters) {
      return new Adam(this, parameters);
    }
  }
}
