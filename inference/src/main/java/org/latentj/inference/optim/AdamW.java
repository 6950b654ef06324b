package org.latentj.inference.optim;

import java.util.Map;
import org.latentj.nn.Parameter;

/**
 * Adam with decoupled weight decay (Loshchilov &amp; Hutter 2019, "Decoupled weight decay
 * regularization", Algorithm 2), in PyTorch's formulation ({@code torch.optim.AdamW}: the decay
 * is scaled by the learning rate). Per element, at step {@code t = 1, 2, ...}:
 *
 * <pre>
 *   p = p - lr * lambda * p              (decoupled: not part of g, m or v)
 *   m = beta1 * m + (1 - beta1) * grad
 *   v = beta2 * v + (1 - beta2) * grad^2
 *   p = p - lr * (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + eps)
 * </pre>
 *
 * <p>Unlike {@link Adam}'s coupled {@code weightDecay}, this decay is not the gradient of a
 * Gaussian prior under Adam's per-element scaling (see {@link WeightDecay}); it shrinks every
 * weight at the same relative rate. State: {@code m/<name>}, {@code v/<name>}.
 */
public final class AdamW extends AdamFamily {

  private AdamW(Builder b, Map<String, Parameter> parameters) {
    super("AdamW", b, parameters);
  }

  /**
   * Settings with PyTorch's defaults: learning rate 1e-3, beta1 0.9, beta2 0.999, eps 1e-8,
   * weight decay 1e-2.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@code 1 - lr * lambda}: the decoupled decay, scaled by the learning rate. */
  @Override
  double shrink(double lr) {
    return 1 - lr * weightDecay();
  }

  /** 0: the decay is not part of the gradient, {@code m} or {@code v}. */
  @Override
  double l2() {
    return 0;
  }

  /**
   * Validating settings; each setter rejects a bad value at once, naming it. {@code weightDecay}
   * is the decoupled decay {@code lambda}.
   */
  public static final class Builder extends AdamSettings<Builder> {

    private Builder() {
      super("AdamW", 1e-2);
    }

    @Override
    Builder self() {
      return this;
    }

    /** An optimizer over {@code parameters} (name to parameter), with fresh state. */
    public AdamW build(Map<String, Parameter> parameters) {
      return new AdamW(this, parameters);
    }
  }
}
