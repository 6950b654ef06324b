package org.latentj.tensor;

import java.util.Arrays;

/**
 * What the pure-Java kernels share: a transposed {@code b} is first copied into row-major order
 * (so every inner loop runs along contiguous rows of {@code b} and {@code c}); a transposed
 * {@code a} is read in place with a stride; and large products split the rows of {@code c}
 * between threads ({@link RowSplitter}), so results do not depend on the number of threads.
 */
abstract class JavaGemmKernel extends GemmKernel {

  private static final ThreadLocal<double[]> PACKED = ThreadLocal.withInitial(() -> new double[0]);
  private static final ThreadLocal<float[]> PACKED_F = ThreadLocal.withInitial(() -> new float[0]);

  private final RowSplitter splitter;

  /** @param threads how many threads share a large product (the caller is one of them) */
  JavaGemmKernel(int threads) {
    this.splitter = new RowSplitter(threads);
  }

  /** The number of threads that share a large product. */
  public final int threads() {
    return splitter.threads();
  }

  /**
   * {@code c[i n + j] += sum_p a[i ars + p acs] b[p n + j]} for rows {@code i0 <= i < i1}, all
   * {@code j < n}, {@code p < k}: a row-major {@code k x n} {@code b}, and an {@code a} read with
   * row stride {@code ars} and column stride {@code acs}.
   */
  abstract void rows(double[] a, int ars, int acs, double[] b, double[] c, int n, int k, int i0,
      int i1);

  @Override
  final void gemm(boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b,
      double[] c, boolean add) {
    if (!add) {
      Arrays.fill(c, 0, m * n, 0.0);
    }
    double[] rowMajorB = transB ? transposed(b, n, k) : b;
    int ars = transA ? 1 : k;
    int acs = transA ? m : 1;
    splitter.run(m, (long) m * n * k,
        (lo, hi) -> rows(a, ars, acs, rowMajorB, c, n, k, lo, hi));
  }

  /** {@code b} ({@code n x k}, row-major) transposed into this thread's reusable buffer. */
  static double[] transposed(double[] b, int n, int k) {
    double[] t = PACKED.get();
    if (t.length < n * k) {
      t = new double[n * k];
      PACKED.set(t);
    }
    // Blocks of 32 x 32 keep both the reads and the writes within a few cache lines.
    for (int j0 = 0; j0 < n; j0 += 32) {
      int j1 = Math.min(n, j0 + 32);
      for (int p0 = 0; p0 < k; p0 += 32) {
        int p1 = Math.min(k, p0 + 32);
        for (int j = j0; j < j1; j++) {
          int src = j * k;
          for (int p = p0; p < p1; p++) {
            t[p * n + j] = b[src + p];
          }
        }
      }
    }
    return t;
  }

  /** The float32 form of {@link #transposed(double[], int, int)}, into its own buffer. */
  static float[] transposed(float[] b, int n, int k) {
    float[] t = PACKED_F.get();
    if (t.length < n * k) {
      t = new float[n * k];
      PACKED_F.set(t);
    }
    for (int j0 = 0; j0 < n; j0 += 32) {
      int j1 = Math.min(n, j0 + 32);
      for (int p0 = 0; p0 < k; p0 += 32) {
        int p1 = Math.min(k, p0 + 32);
        for (int j = j0; j < j1; j++) {
          int src = j * k;
          for (int p = p0; p < p1; p++) {
            t[p * n + j] = b[src + p];
          }
        }
      }
    }
    return t;
  }
}
