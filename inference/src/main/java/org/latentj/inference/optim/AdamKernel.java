package org.latentj.inference.optim;

/** The per-element Adam update that {@link Adam} and {@link AdamW} share. */
final class AdamKernel {

  private AdamKernel() {}

  /**
   * For each of the first {@code n} elements: {@code p = shrink * p}, {@code g = grad + l2 * p},
   * {@code m = beta1 m + (1 - beta1) g}, {@code v = beta2 v + (1 - beta2) g^2},
   * {@code p -= stepSize * m / (sqrt(v) / correction2Sqrt + eps)}, where the caller passes
   * {@code stepSize = lr / (1 - beta1^t)} and {@code correction2Sqrt = sqrt(1 - beta2^t)}
   * (PyTorch's arrangement of the bias corrections). Adam passes {@code shrink = 1} (exact: the
   * product is {@code p} itself), AdamW {@code l2 = 0}. {@code p}, {@code m}, {@code v} Modified.
   */
  static void update(double[] p, double[] grad, double[] m, double[] v, int n, double beta1,
      double beta2, double eps, double shrink, double l2, double stepSize,
      double correction2Sqrt) {
    update(p, grad, m, v, 0, n, beta1, beta2, eps, shrink, l2, stepSize, correction2Sqrt);
  }

  /** The update above on elements {@code [from, to)}. */
  private static void update(double[] p, double[] grad, double[] m, double[] v, int from,
      int to, double beta1, double beta2, double eps, double shrink, double l2, double stepSize,
      double correction2Sqrt) {
    double blend1 = 1 - beta1;
    double blend2 = 1 - beta2;
    for (int i = from; i < to; i++) {
      double pi = shrink * p[i];
      double g = grad[i] + l2 * pi;
      double mi = beta1 * m[i] + blend1 * g;
      double vi = beta2 * v[i] + blend2 * g * g;
      m[i] = mi;
      v[i] = vi;
      p[i] = pi - stepSize * mi / (Math.sqrt(vi) / correction2Sqrt + eps);
    }
  }
  /**
   * The same update on float32 parameters and state: each element is widened, updated in
   * float64 exactly as above, and rounded back, so float32 loses only the final rounding.
   */
  static void update(float[] p, float[] grad, float[] m, float[] v, int n, double beta1,
      double beta2, double eps, double shrink, double l2, double stepSize,
      double correction2Sqrt) {
    update(p, grad, m, v, 0, n, beta1, beta2, eps, shrink, l2, stepSize, correction2Sqrt);
  }

  private static void update(float[] p, float[] grad, float[] m, float[] v, int from, int to,
      double beta1, double beta2, double eps, double shrink, double l2, double stepSize,
      double correction2Sqrt) {
    double blend1 = 1 - beta1;
    double blend2 = 1 - beta2;
    for (int i = from; i < to; i++) {
      double pi = shrink * p[i];
      double g = grad[i] + l2 * pi;
      double mi = beta1 * m[i] + blend1 * g;
      double vi = beta2 * v[i] + blend2 * g * g;
      m[i] = (float) mi;
      v[i] = (float) vi;
      p[i] = (float) (pi - stepSize * mi / (Math.sqrt(vi) / correction2Sqrt + eps));
    }
  }

  /** Elements per chunk of the fused pass: a chunk of p, grad, m and v stays in L1 (16 KB). */
  static final int CHUNK = 1024;

  /**
   * The fused pass: chunk by chunk, checks that the gradient is finite, updates as
   * {@link #update(double[], double[], double[], double[], int, double, double, double, double,
   * double, double, double)} and zeroes the gradient, so the arrays cross memory once instead of
   * three times (zeroing, the divergence scan and the update). Returns -1 after the whole
   * update, or the index of the first non-finite gradient element, where it stopped: the chunks
   * before that one are updated and zeroed, the rest untouched.
   */
  static int updateFiniteAndZero(double[] p, double[] grad, double[] m, double[] v, int n,
      double beta1, double beta2, double eps, double shrink, double l2, double stepSize,
      double correction2Sqrt) {
    for (int from = 0; from < n; from += CHUNK) {
      int to = Math.min(n, from + CHUNK);
      for (int i = from; i < to; i++) {
        if (!Double.isFinite(grad[i])) {
          return i;
        }
      }
      update(p, grad, m, v, from, to, beta1, beta2, eps, shrink, l2, stepSize, correction2Sqrt);
      java.util.Arrays.fill(grad, from, to, 0.0);
    }
    return -1;
  }

  /** The fused pass on float32 parameters and state. */
  static int updateFiniteAndZero(float[] p, float[] grad, float[] m, float[] v, int n,
      double beta1, double beta2, double eps, double shrink, double l2, double stepSize,
      double correction2Sqrt) {
    for (int from = 0; from < n; from += CHUNK) {
      int to = Math.min(n, from + CHUNK);
      for (int i = from; i < to; i++) {
        if (!Float.isFinite(grad[i])) {
          return i;
        }
      }
      update(p, grad, m, v, from, to, beta1, beta2, eps, shrink, l2, stepSize, correction2Sqrt);
      java.util.Arrays.fill(grad, from, to, 0.0f);
    }
    return -1;
  }
}
