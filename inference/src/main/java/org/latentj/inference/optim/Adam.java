package org.latentj.inference.optim;

import java.util.Map;
import org.ejml.data.DMatrixRMaj;
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
public final class Adam extends BaseOptimizer {

  private final double beta1;
  private final double beta2;
  private final double eps;
  private final double weightDecay;
  private final DMatrixRMaj[] first;
  private final DMatrixRMaj[] second;

  private Adam(Builder b, Map<String, Parameter> parameters) {
    super("Adam", parameters, b.learningRate);
    this.beta1 = b.beta1;
    this.beta2 = b.beta2;
    this.eps = b.eps;
    this.weightDecay = b.weightDecay;
    this.first = newBuffers("m", 0, false);
    this.second = newBuffers("v", 0, true);
  }

  /**
   * Settings with the paper's (and PyTorch's) defaults: learning rate 1e-3, beta1 0.9, beta2
   * 0.999, eps 1e-8, no weight decay.
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  void update(long t, double lr) {
    double stepSize = lr / (1 - Math.pow(beta1, t));
    double correction2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
    for (int k = 0; k < parameterCount(); k++) {
      Parameter param = parameter(k);
      AdamKernel.update(param.value().data, param.grad().data, first[k].data, second[k].data,
          param.value().getNumElements(), beta1, beta2, eps, 1, weightDecay, stepSize,
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
    private double weightDecay = 0;

    private Builder() {}

    /** Finite, {@code >= 0}. */
    public Builder learningRate(double rate) {
      this.learningRate = Checks.nonNegative("Adam", "learningRate", rate);
      return this;
    }

    /** Decay of the first-moment average, in {@code [0, 1)}. */
    public Builder beta1(double beta1) {
      this.beta1 = Checks.fraction("Adam", "beta1", beta1);
      return this;
    }

    /** Decay of the second-moment average, in {@code [0, 1)}. */
    public Builder beta2(double beta2) {
      this.beta2 = Checks.fraction("Adam", "beta2", beta2);
      return this;
    }

    /**
     * Finite, {@code > 0}: keeps a parameter whose gradient is still 0 from becoming 0/0. (The
     * IWAE experiments of Burda et al. 2015 used 1e-4.)
     */
    public Builder eps(double eps) {
      this.eps = Checks.positive("Adam", "eps", eps);
      return this;
    }

    /** Coupled L2 coefficient {@code lambda}, finite, {@code >= 0}; see {@link WeightDecay}. */
    public Builder weightDecay(double lambda) {
      this.weightDecay = Checks.nonNegative("Adam", "weightDecay", lambda);
      return this;
    }

    /** An optimizer over {@code parameters} (name to parameter), with fresh state. */
    public Adam build(Map<String, Parameter> parameters) {
      return new Adam(this, parameters);
    }
  }
}
