package org.latentj.inference.optim;

import java.util.Map;
import org.latentj.nn.Parameter;

/**
 * Adagrad (Duchi, Hazan &amp; Singer 2011, "Adaptive subgradient methods for online learning and
 * stochastic optimization"), the optimizer of the AEVB experiments (Kingma &amp; Welling 2013,
 * section 5), in PyTorch's formulation ({@code torch.optim.Adagrad} without {@code lr_decay};
 * use a {@link LearningRateSchedule} instead). Per element:
 *
 * <pre>
 *   g = grad + lambda * p
 *   G = G + g^2                          (G starts at initialAccumulator)
 *   p = p - lr * g / (sqrt(G) + eps)
 * </pre>
 *
 * <p>State: {@code sumSquares/<name>}. {@code weightDecay} is the coupled L2 term; see
 * {@link WeightDecay} for the Gaussian prior it stands for.
 */
public final class Adagrad extends BaseOptimizer {

  private final double eps;
  private final double initialAccumulator;
  private final double weightDecay;
  private final StateBuffers sumSquares;

  private Adagrad(Builder b, Map<String, Parameter> parameters) {
    super("Adagrad", parameters, b.learningRate);
    this.eps = b.eps;
    this.initialAccumulator = b.initialAccumulator;
    this.weightDecay = b.weightDecay;
    this.sumSquares = newStateBuffers("sumSquares", initialAccumulator, true);
  }

  /**
   * Settings with PyTorch's defaults: learning rate 1e-2, eps 1e-10, initial accumulator 0, no
   * weight decay.
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  void update(long t, double lr) {
    for (int k = 0; k < parameterCount(); k++) {
      Parameter param = parameter(k);
      int n = param.rows() * param.cols();
      if (sumSquares.d(k) != null) {
        update(param.value().data, param.grad().data, sumSquares.d(k).data, n, lr);
      } else {
        update(param.valueF().data, param.gradF().data, sumSquares.f(k).data, n, lr);
      }
    }
  }

  private void update(double[] p, double[] grad, double[] s, int n, double lr) {
    double wd = weightDecay;
    for (int i = 0; i < n; i++) {
      double g = grad[i] + wd * p[i];
      double si = s[i] + g * g;
      s[i] = si;
      p[i] -= lr * g / (Math.sqrt(si) + eps);
    }
  }

  /** The same in float64 arithmetic on float32 parameters and state, rounded once per value. */
  private void update(float[] p, float[] grad, float[] s, int n, double lr) {
    double wd = weightDecay;
    for (int i = 0; i < n; i++) {
      double g = grad[i] + wd * p[i];
      double si = s[i] + g * g;
      s[i] = (float) si;
      p[i] = (float) (p[i] - lr * g / (Math.sqrt(si) + eps));
    }
  }

  @Override
  String hyperparameters() {
    return "eps=" + eps + ", initialAccumulator=" + initialAccumulator + ", weightDecay="
        + weightDecay;
  }

  /** Validating settings; each setter rejects a bad value at once, naming it. */
  public static final class Builder {
    private double learningRate = 1e-2;
    private double eps = 1e-10;
    private double initialAccumulator = 0;
    private double weightDecay = 0;

    private Builder() {}

    /** Finite, {@code >= 0}. */
    public Builder learningRate(double rate) {
      this.learningRate = Checks.nonNegative("Adagrad", "learningRate", rate);
      return this;
    }

    /** Finite, {@code > 0}: keeps a parameter whose gradient is still 0 from becoming 0/0. */
    public Builder eps(double eps) {
      this.eps = Checks.positive("Adagrad", "eps", eps);
      return this;
    }

    /** The start value of every {@code G}, finite, {@code >= 0}; damps the first steps. */
    public Builder initialAccumulator(double value) {
      this.initialAccumulator = Checks.nonNegative("Adagrad", "initialAccumulator", value);
      return this;
    }

    /** Coupled L2 coefficient {@code lambda}, finite, {@code >= 0}; see {@link WeightDecay}. */
    public Builder weightDecay(double lambda) {
      this.weightDecay = Checks.nonNegative("Adagrad", "weightDecay", lambda);
      return this;
    }

    /** An optimizer over {@code parameters} (name to parameter), with fresh state. */
    public Adagrad build(Map<String, Parameter> parameters) {
      return new Adagrad(this, parameters);
    }
  }
}
