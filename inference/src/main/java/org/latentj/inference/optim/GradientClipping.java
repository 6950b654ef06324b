package org.latentj.inference.optim;

import org.latentj.nn.Parameter;
import org.latentj.tensor.DType;
import org.latentj.tensor.Tensor;

/**
 * Global gradient-norm clipping, as PyTorch's {@code torch.nn.utils.clip_grad_norm_} (Pascanu,
 * Mikolov &amp; Bengio 2013, "On the difficulty of training recurrent neural networks"): with
 * {@code n = sqrt(sum over every parameter and element of grad^2)},
 *
 * <pre>
 *   if n &gt; maxNorm:  grad = grad * maxNorm / (n + 1e-6)   for every gradient
 * </pre>
 *
 * <p>so the clipped gradients keep their direction and have norm just under {@code maxNorm}.
 * Apply between {@code backward()} and {@link org.latentj.model.Optimizer#step()}.
 *
 * <p>Non-finite norms: if any gradient element is NaN or infinite, {@link #clip} returns NaN or
 * {@code +Infinity} and leaves every gradient untouched (scaling by NaN would only hide where the
 * fault came from). The caller decides: skip the step, stop, or report; a NaN guard checks
 * {@code Double.isFinite(clip(...))}.
 */
public final class GradientClipping {

  /** Added to the norm before dividing, as PyTorch does, so the result is strictly under max. */
  public static final double EPSILON = 1e-6;

  private final double maxNorm;

  private GradientClipping(double maxNorm) {
    this.maxNorm = maxNorm;
  }

  /**
   * Clipping to {@code maxNorm}: finite and {@code > 0}, or {@code +Infinity} to only measure
   * the norm.
   */
  public static GradientClipping toMaxNorm(double maxNorm) {
    if (!(maxNorm > 0)) {
      throw new IllegalArgumentException("GradientClipping: maxNorm must be > 0, got " + maxNorm);
    }
    return new GradientClipping(maxNorm);
  }

  public double maxNorm() {
    return maxNorm;
  }

  /**
   * Scales every gradient (Modified) by {@code maxNorm / (n + 1e-6)} when the global norm
   * {@code n} exceeds {@code maxNorm}; returns {@code n} as it was before clipping, or NaN /
   * {@code +Infinity} with nothing changed when a gradient is not finite.
   */
  public double clip(Iterable<Parameter> parameters) {
    double norm = globalNorm(parameters);
    if (Double.isFinite(norm) && norm > maxNorm) {
      double scale = maxNorm / (norm + EPSILON);
      for (Parameter p : parameters) {
        int n = p.rows() * p.cols();
        if (p.dtype() == DType.FLOAT64) {
          double[] g = p.grad().data;
          for (int i = 0; i < n; i++) {
            g[i] *= scale;
          }
        } else {
          float[] g = p.gradF().data;
          for (int i = 0; i < n; i++) {
            g[i] = (float) (g[i] * scale);
          }
        }
      }
    }
    return norm;
  }

  /**
   * The Euclidean norm of all gradients taken together (Not modified), float32 ones read as
   * doubles: NaN if any element is NaN, else {@code +Infinity} if any is infinite. Finite
   * gradients whose squares overflow are rescaled, so a finite norm is never reported as
   * infinite.
   */
  public static double globalNorm(Iterable<Parameter> parameters) {
    double sumSquares = 0;
    for (Parameter p : parameters) {
      sumSquares = addSquares(p, 1.0, sumSquares);
    }
    if (Double.isFinite(sumSquares)) {
      return Math.sqrt(sumSquares);
    }
    // Rare path: tell NaN from infinity from overflow, then sum (g / max)^2.
    double max = 0;
    boolean infinite = false;
    for (Parameter p : parameters) {
      Tensor t = p.tensor();
      for (int i = 0, n = t.size(); i < n; i++) {
        double a = Math.abs(gradient(p, i));
        if (Double.isNaN(a)) {
          return Double.NaN;
        }
        if (a == Double.POSITIVE_INFINITY) {
          infinite = true;
        } else if (a > max) {
          max = a;
        }
      }
    }
    if (infinite) {
      return Double.POSITIVE_INFINITY;
    }
    double scaled = 0;
    for (Parameter p : parameters) {
      scaled = addSquares(p, max, scaled);
    }
    return max * Math.sqrt(scaled);
  }

  /** {@code sum + sum_i (g_i / divisor)^2} over {@code p}'s gradient, added in element order. */
  private static double addSquares(Parameter p, double divisor, double sum) {
    int n = p.rows() * p.cols();
    if (p.dtype() == DType.FLOAT64) {
      double[] g = p.grad().data;
      if (divisor == 1.0) {
        for (int i = 0; i < n; i++) {
          sum += g[i] * g[i];
        }
      } else {
        for (int i = 0; i < n; i++) {
          double r = g[i] / divisor;
          sum += r * r;
        }
      }
      return sum;
    }
    float[] g = p.gradF().data;
    for (int i = 0; i < n; i++) {
      double r = g[i] / divisor;
      sum += r * r;
    }
    return sum;
  }

  private static double gradient(Parameter p, int i) {
    return p.dtype() == DType.FLOAT64 ? p.grad().data[i] : p.gradF().data[i];
  }

  @Override
  public String toString() {
    return "GradientClipping{maxNorm=" + maxNorm + ", epsilon=" + EPSILON + "}";
  }
}
