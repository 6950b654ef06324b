package org.latentj.inference.optim;

import java.util.Map;
import org.latentj.nn.Parameter;
import org.latentj.tensor.DType;

/**
 * Stochastic gradient descent with optional heavy-ball or Nesterov momentum (Sutskever, Martens,
 * Dahl &amp; Hinton 2013, "On the importance of initialization and momentum in deep learning"),
 * in PyTorch's formulation ({@code torch.optim.SGD} without dampening). Per element, with
 * learning rate {@code lr}, momentum {@code mu} and weight decay {@code lambda}:
 *
 * <pre>
 *   g = grad + lambda * p
 *   v = mu * v + g                       (v starts at 0; kept only when mu &gt; 0)
 *   p = p - lr * (g + mu * v)            Nesterov
 *   p = p - lr * v                       otherwise (with mu = 0: p = p - lr * g)
 * </pre>
 *
 * <p>State: {@code momentum/<name>} (only when {@code mu > 0}). {@code weightDecay} is the
 * coupled L2 term; see {@link WeightDecay} for its meaning as a Gaussian prior.
 */
public final class Sgd extends BaseOptimizer {

  private final double momentum;
  private final boolean nesterov;
  private final double weightDecay;
  private final StateBuffers velocity;

  private Sgd(Builder b, Map<String, Parameter> parameters) {
    super("Sgd", parameters, b.learningRate);
    this.momentum = b.momentum;
    this.nesterov = b.nesterov;
    this.weightDecay = b.weightDecay;
    this.velocity = momentum > 0 ? newStateBuffers("momentum", 0, false) : null;
  }

  /** Settings with PyTorch's defaults: learning rate 1e-3, no momentum, no weight decay. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  void update(long t, double lr) {
    for (int k = 0; k < parameterCount(); k++) {
      Parameter param = parameter(k);
      int n = param.rows() * param.cols();
      if (param.dtype() == DType.FLOAT64) {
        double[] v = velocity == null ? null : velocity.d(k).data;
        step(param.value().data, param.grad().data, v, n, lr);
      } else {
        float[] v = velocity == null ? null : velocity.f(k).data;
        step(param.valueF().data, param.gradF().data, v, n, lr);
      }
    }
  }

  /** One step of the first {@code n} elements; {@code p} and {@code v} (null: no momentum) Modified. */
  private void step(double[] p, double[] grad, double[] v, int n, double lr) {
    double mu = momentum;
    double wd = weightDecay;
    if (v == null) {
      for (int i = 0; i < n; i++) {
        p[i] -= lr * (grad[i] + wd * p[i]);
      }
      return;
    }
    for (int i = 0; i < n; i++) {
      double g = grad[i] + wd * p[i];
      double vi = mu * v[i] + g;
      v[i] = vi;
      p[i] -= lr * (nesterov ? g + mu * vi : vi);
    }
  }

  /** The same step on float32 arrays: each element updated in float64 and rounded back. */
  private void step(float[] p, float[] grad, float[] v, int n, double lr) {
    double mu = momentum;
    double wd = weightDecay;
    for (int i = 0; i < n; i++) {
      double g = grad[i] + wd * p[i];
      if (v == null) {
        p[i] = (float) (p[i] - lr * g);
        continue;
      }
      double vi = mu * v[i] + g;
      v[i] = (float) vi;
      p[i] = (float) (p[i] - lr * (nesterov ? g + mu * vi : vi));
    }
  }

  @Override
  String hyperparameters() {
    return "momentum=" + momentum + ", nesterov=" + nesterov + ", weightDecay=" + weightDecay;
  }

  /** Validating settings; each setter rejects a bad value at once, naming it. */
  public static final class Builder {
    private double learningRate = 1e-3;
    private double momentum = 0;
    private boolean nesterov = false;
    private double weightDecay = 0;

    private Builder() {}

    /** Finite, {@code >= 0}. */
    public Builder learningRate(double rate) {
      this.learningRate = Checks.nonNegative("Sgd", "learningRate", rate);
      return this;
    }

    /** {@code mu} in {@code [0, 1)}; 0 (the default) disables momentum. */
    public Builder momentum(double mu) {
      this.momentum = Checks.fraction("Sgd", "momentum", mu);
      return this;
    }

    /** Nesterov momentum; needs {@code momentum > 0}, checked at {@link #build}. */
    public Builder nesterov(boolean on) {
      this.nesterov = on;
      return this;
    }

    /** Coupled L2 coefficient {@code lambda}, finite, {@code >= 0}; see {@link WeightDecay}. */
    public Builder weightDecay(double lambda) {
      this.weightDecay = Checks.nonNegative("Sgd", "weightDecay", lambda);
      return this;
    }

    /** An optimizer over {@code parameters} (name to parameter), with fresh state. */
    public Sgd build(Map<String, Parameter> parameters) {
      if (nesterov && momentum == 0) {
        throw new IllegalArgumentException("Sgd: nesterov needs momentum > 0, got momentum 0");
      }
      return new Sgd(this, parameters);
    }
  }
}
