package org.latentj.inference.optim;

import java.util.Map;
import org.latentj.nn.Parameter;

/**
 * RMSProp (Tieleman &amp; Hinton 2012, "Lecture 6.5: Divide the gradient by a running average of
 * its recent magnitude", COURSERA Neural Networks for Machine Learning), with the centered
 * variant of Graves (2013, "Generating sequences with recurrent neural networks", section 4), in
 * PyTorch's formulation ({@code torch.optim.RMSprop}: eps added after the square root). Per
 * element, with smoothing {@code alpha}, momentum {@code mu}, weight decay {@code lambda}:
 *
 * <pre>
 *   g  = grad + lambda * p
 *   v  = alpha * v + (1 - alpha) * g^2
 *   a  = alpha * a + (1 - alpha) * g     centered only
 *   d  = sqrt(v - a^2) + eps             centered; sqrt(v) + eps otherwise
 *   b  = mu * b + g / d;  p = p - lr * b   when mu &gt; 0
 *   p  = p - lr * g / d                    otherwise
 * </pre>
 *
 * <p>{@code v - a^2 >= 0} in exact arithmetic (Cauchy-Schwarz on the shared weights); it is
 * clamped at 0 so rounding cannot make a NaN. State: {@code squareAvg/<name>}, plus
 * {@code gradAvg/<name>} when centered and {@code momentum/<name>} when {@code mu > 0}.
 */
public final class RmsProp extends BaseOptimizer {

  private final double alpha;
  private final double eps;
  private final double momentum;
  private final boolean centered;
  private final double weightDecay;
  private final StateBuffers squareAvg;
  private final StateBuffers gradAvg;
  private final StateBuffers buffer;

  private RmsProp(Builder b, Map<String, Parameter> parameters) {
    super("RmsProp", parameters, b.learningRate);
    this.alpha = b.alpha;
    this.eps = b.eps;
    this.momentum = b.momentum;
    this.centered = b.centered;
    this.weightDecay = b.weightDecay;
    this.squareAvg = newStateBuffers("squareAvg", 0, true);
    this.gradAvg = centered ? newStateBuffers("gradAvg", 0, false) : null;
    this.buffer = momentum > 0 ? newStateBuffers("momentum", 0, false) : null;
  }

  /**
   * Settings with PyTorch's defaults: learning rate 1e-2, alpha 0.99, eps 1e-8, no momentum, not
   * centered, no weight decay.
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  void update(long t, double lr) {
    for (int k = 0; k < parameterCount(); k++) {
      Parameter param = parameter(k);
      int n = param.rows() * param.cols();
      if (squareAvg.d(k) != null) {
        update(param.value().data, param.grad().data, squareAvg.d(k).data,
            centered ? gradAvg.d(k).data : null, buffer != null ? buffer.d(k).data : null, n, lr);
      } else {
        update(param.valueF().data, param.gradF().data, squareAvg.f(k).data,
            centered ? gradAvg.f(k).data : null, buffer != null ? buffer.f(k).data : null, n, lr);
      }
    }
  }

  private void update(double[] p, double[] grad, double[] v, double[] a, double[] b, int n,
      double lr) {
    double wd = weightDecay;
    double keep = alpha;
    double blend = 1 - alpha;
    double mu = momentum;
    for (int i = 0; i < n; i++) {
      double g = grad[i] + wd * p[i];
      double vi = keep * v[i] + blend * g * g;
      v[i] = vi;
      double d;
      if (a != null) {
        double ai = keep * a[i] + blend * g;
        a[i] = ai;
        d = Math.sqrt(Math.max(0, vi - ai * ai)) + eps;
      } else {
        d = Math.sqrt(vi) + eps;
      }
      if (b != null) {
        double bi = mu * b[i] + g / d;
        b[i] = bi;
        p[i] -= lr * bi;
      } else {
        p[i] -= lr * g / d;
      }
    }
  }

  /** The same in float64 arithmetic on float32 parameters and state, rounded once per value. */
  private void update(float[] p, float[] grad, float[] v, float[] a, float[] b, int n,
      double lr) {
    double wd = weightDecay;
    double keep = alpha;
    double blend = 1 - alpha;
    double mu = momentum;
    for (int i = 0; i < n; i++) {
      double g = grad[i] + wd * p[i];
      double vi = keep * v[i] + blend * g * g;
      v[i] = (float) vi;
      double d;
      if (a != null) {
        double ai = keep * a[i] + blend * g;
        a[i] = (float) ai;
        d = Math.sqrt(Math.max(0, vi - ai * ai)) + eps;
      } else {
        d = Math.sqrt(vi) + eps;
      }
      if (b != null) {
        double bi = mu * b[i] + g / d;
        b[i] = (float) bi;
        p[i] = (float) (p[i] - lr * bi);
      } else {
        p[i] = (float) (p[i] - lr * g / d);
      }
    }
  }

  @Override
  String hyperparameters() {
    return "alpha=" + alpha + ", eps=" + eps + ", momentum=" + momentum + ", centered=" + centered
        + ", weightDecay=" + weightDecay;
  }

  /** Validating settings; each setter rejects a bad value at once, naming it. */
  public static final class Builder {
    private double learningRate = 1e-2;
    private double alpha = 0.99;
    private double eps = 1e-8;
    private double momentum = 0;
    private boolean centered = false;
    private double weightDecay = 0;

    private Builder() {}

    /** Finite, {@code >= 0}. */
    public Builder learningRate(double rate) {
      this.learningRate = Checks.nonNegative("RmsProp", "learningRate", rate);
      return this;
    }

    /** The smoothing constant of the running averages, in {@code [0, 1)}. */
    public Builder alpha(double alpha) {
      this.alpha = Checks.fraction("RmsProp", "alpha", alpha);
      return this;
    }

    /** Finite, {@code > 0}: keeps a parameter whose gradient is still 0 from becoming 0/0. */
    public Builder eps(double eps) {
      this.eps = Checks.positive("RmsProp", "eps", eps);
      return this;
    }

    /** {@code mu} in {@code [0, 1)}; 0 (the default) disables momentum. */
    public Builder momentum(double mu) {
      this.momentum = Checks.fraction("RmsProp", "momentum", mu);
      return this;
    }

    /** Normalizes by an estimate of the gradient's variance instead of its second moment. */
    public Builder centered(boolean on) {
      this.centered = on;
      return this;
    }

    /** Coupled L2 coefficient {@code lambda}, finite, {@code >= 0}; see {@link WeightDecay}. */
    public Builder weightDecay(double lambda) {
      this.weightDecay = Checks.nonNegative("RmsProp", "weightDecay", lambda);
      return this;
    }

    /** An optimizer over {@code parameters} (name to parameter), with fresh state. */
    public RmsProp build(Map<String, Parameter> parameters) {
      return new RmsProp(this, parameters);
    }
  }
}
