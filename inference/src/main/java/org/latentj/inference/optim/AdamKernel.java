package org.latentj.inference.optim;

import org.latentj.tensor.VectorApi;

/**
 * The per-element Adam update that {@link Adam} and {@link AdamW} share, on float64 or float32
 * arrays: {@link VectorAdamLoops} when the JVM has the Vector API, else the scalar
 * {@link Loops#SCALAR}. Both do the same float64 operations in the same order with no fused
 * multiply-add (vector square root and division are correctly rounded, as {@code Math.sqrt} and
 * {@code /}), so the choice changes the speed, not one bit of the result.
 */
final class AdamKernel {

  /**
   * One implementation of the update on elements {@code [from, to)}: for each, {@code p = shrink
   * * p}, {@code g = grad + l2 * p}, {@code m = beta1 m + (1 - beta1) g}, {@code v = beta2 v +
   * (1 - beta2) g^2}, {@code p -= stepSize * m / (sqrt(v) / correction2Sqrt + eps)}, where the
   * caller passes {@code stepSize = lr / (1 - beta1^t)} and {@code correction2Sqrt = sqrt(1 -
   * beta2^t)} (PyTorch's arrangement of the bias corrections). Adam passes {@code shrink = 1}
   * (exact: the product is {@code p} itself), AdamW {@code l2 = 0}. {@code p}, {@code m},
   * {@code v} Modified. float32 arrays are widened, updated in float64 exactly so, and rounded
   * back, so float32 loses only the final rounding.
   */
  interface Loops {

    void update(double[] p, double[] grad, double[] m, double[] v, int from, int to,
        Coefficients c);

    void update(float[] p, float[] grad, float[] m, float[] v, int from, int to,
        Coefficients c);

    /** The scalar loops: the reference, and the fallback without the Vector API. */
    Loops SCALAR = new Loops() {
      @Override
      public void update(double[] p, double[] grad, double[] m, double[] v, int from, int to,
          Coefficients c) {
        for (int i = from; i < to; i++) {
          double pi = c.shrink * p[i];
          double g = grad[i] + c.l2 * pi;
          double mi = c.beta1 * m[i] + c.blend1 * g;
          double vi = c.beta2 * v[i] + c.blend2 * g * g;
          m[i] = mi;
          v[i] = vi;
          p[i] = pi - c.stepSize * mi / (Math.sqrt(vi) / c.correction2Sqrt + c.eps);
        }
      }

      @Override
      public void update(float[] p, float[] grad, float[] m, float[] v, int from, int to,
          Coefficients c) {
        for (int i = from; i < to; i++) {
          double pi = c.shrink * p[i];
          double g = grad[i] + c.l2 * pi;
          double mi = c.beta1 * m[i] + c.blend1 * g;
          double vi = c.beta2 * v[i] + c.blend2 * g * g;
          m[i] = (float) mi;
          v[i] = (float) vi;
          p[i] = (float) (pi - c.stepSize * mi / (Math.sqrt(vi) / c.correction2Sqrt + c.eps));
        }
      }
    };
  }

  /**
   * One step's scalars of the update ({@link Loops}); {@code blend_i = 1 - beta_i}. Mutable, and
   * set again each step by its optimizer, so that a step allocates nothing.
   */
  static final class Coefficients {
    private double beta1;
    private double beta2;
    private double eps;
    private double shrink;
    private double l2;
    private double stepSize;
    private double correction2Sqrt;
    private double blend1;
    private double blend2;

    /** Sets every scalar; returns this. */
    Coefficients set(double beta1, double beta2, double eps, double shrink, double l2,
        double stepSize, double correction2Sqrt) {
      this.beta1 = beta1;
      this.beta2 = beta2;
      this.eps = eps;
      this.shrink = shrink;
      this.l2 = l2;
      this.stepSize = stepSize;
      this.correction2Sqrt = correction2Sqrt;
      this.blend1 = 1 - beta1;
      this.blend2 = 1 - beta2;
      return this;
    }

    double beta1() {
      return beta1;
    }

    double beta2() {
      return beta2;
    }

    double eps() {
      return eps;
    }

    double shrink() {
      return shrink;
    }

    double l2() {
      return l2;
    }

    double stepSize() {
      return stepSize;
    }

    double correction2Sqrt() {
      return correction2Sqrt;
    }

    double blend1() {
      return blend1;
    }

    double blend2() {
      return blend2;
    }
  }

  /** The loops in use: the Vector API's when the JVM has it. */
  static final Loops LOOPS = loops();

  private AdamKernel() {}

  private static Loops loops() {
    Loops vector = VectorApi.loadOrNull("org.latentj.inference.optim.VectorAdamLoops",
        Loops.class);
    return vector != null ? vector : Loops.SCALAR;
  }

  /** The update of the first {@code n} elements (see {@link Loops}). */
  static void update(double[] p, double[] grad, double[] m, double[] v, int n, Coefficients c) {
    LOOPS.update(p, grad, m, v, 0, n, c);
  }

  /** The update of the first {@code n} float32 elements (see {@link Loops}). */
  static void update(float[] p, float[] grad, float[] m, float[] v, int n, Coefficients c) {
    LOOPS.update(p, grad, m, v, 0, n, c);
  }
}
