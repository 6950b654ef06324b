package org.latentj.inference.optim;

import java.util.Map;
import org.ejml.data.DMatrixRMaj;
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
public final class AdamW extends BaseOptimizer {

  private final double beta1;
  private final double beta2;
  private final double eps;
  private final double weightDecay;
  private final DMatrixRMaj[] first;
  private final DMatrixRMaj[] second;

  private AdamW(Builder b, Map<String, Parameter> parameters) {
    super("AdamW", parameters, b.learningRate);
    this.beta1 = b.beta1;
    this.beta2 = b.beta2;
    this.eps = b.eps;
    this.weightDecay = b.weightDecay;
    this.first = newBuffers("m", 0, false);
    this.second = newBuffers("v", 0, true);
  }

  /**
   * Settings with PyTorch's defaults: learning rate 1e-3, beta1 0.9, beta2 0.999, eps 1e-8,
   * weight decay 1e-2.
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  void update(long t, double lr) {
    double stepSize = lr / (1 - Math.pow(beta1, t));
    double correction2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
    double shrink = 1 - lr * weightDecay;
    for (int k = 0; k < parameterCount(); k++) {
      Parameter param = parameter(k);
      AdamKernel.update(param.value().data, param.grad().data, first[k].data, second[k].data,
          param.value().getNumElements(), beta1, beta2, eps, shrink, 0, stepSize,
          correction2Sqrt);
    }
  }

  @Override
  String hyperparameters() {
    return "beta1=" + beta1 + ", beta2=" + beta2 + ", eps=" + eps + ", weightDecay="
        + weightDecay;
  }

  /** Validating settings; each setter rejects a bad value at once, naming it. */
  public static final class Builder {
    private double learningRate = 1e-3;
    private double beta1 = 0.9;
    private double beta2 = 0.999;
    private double eps = 1e-8;
    private double weightDecay = 1e-2;

    private Builder() {}

    /** Finite, {@code >= 0}. */
    public Builder learningRate(double rate) {
      this.learningRate = Checks.nonNegative("AdamW", "learningRate", rate);
      return this;
    }

    /** Decay of the first-moment average, in {@code [0, 1)}. */
    public Builder beta1(double beta1) {
      this.beta1 = Checks.fraction("AdamW", "beta1", beta1);
      return this;
    }

    /** Decay of the second-moment average, in {@code [0, 1)}. */
    public Builder beta2(double beta2) {
      this.beta2 = Checks.fraction("AdamW", "beta2", beta2);
      return this;
    }

    /** Finite, {@code > 0}: keeps a parameter whose gradient is still 0 from becoming 0/0. */
    public Builder eps(double eps) {
      this.eps = Checks.positive("AdamW", "eps", eps);
      return this;
    }

    /** Decoupled decay {@code lambda}, finite, {@code >= 0}. */
    public Builder weightDecay(double lambda) {
      this.weightDecay = Checks.nonNegative("AdamW", "weightDecay", lambda);
      return this;
    }

    /** An optimizer over {@code parameters} (name to parameter), with fresh state. */
    public AdamW build(Map<String, Parameter> parameters) {
      return new AdamW(this, parameters);
    }
  }
}
