package org.latentj.tensor;

/**
 * A cache-blocked pure-Java kernel written so that HotSpot's C2 compiler vectorises its inner
 * loop: {@code c[i, j0..j1) += a[i,p] b[p, j0..j1) + ... + a[i,p+3] b[p+3, j0..j1)}, four rows
 * of {@code b} per pass over a row of {@code c} (one load and one store of {@code c} per four
 * fused multiply-adds), over {@value #COLUMN_BLOCK}-column by {@value #DEPTH_BLOCK}-deep panels of
 * {@code b} that stay in the L2 cache while every row of {@code a} passes over them.
 *
 * <p>It needs nothing beyond the JDK; it is the default when no native BLAS can be loaded (see
 * {@link MatMulKernels}). Sums are formed in a different order than EJML's, so results agree with
 * EJML's to round-off, not bit for bit; they do not depend on the number of threads.
 */
public final class BlockedMatMulKernel extends JavaGemmKernel {

  static final int COLUMN_BLOCK = 256;
  static final int DEPTH_BLOCK = 128;

  /** A kernel that splits large products over {@code threads} threads (1: the caller only). */
  public BlockedMatMulKernel(int threads) {
    super(threads);
  }

  @Override
  void rows(double[] a, int ars, int acs, double[] b, double[] c, int n, int k, int i0, int i1) {
    for (int j0 = 0; j0 < n; j0 += COLUMN_BLOCK) {
      int j1 = Math.min(n, j0 + COLUMN_BLOCK);
      for (int p0 = 0; p0 < k; p0 += DEPTH_BLOCK) {
        int p1 = Math.min(k, p0 + DEPTH_BLOCK);
        for (int i = i0; i < i1; i++) {
          panelRow(a, i * ars, acs, b, c, i * n, n, j0, j1, p0, p1);
        }
      }
    }
  }

  /** One row of {@code c}, columns {@code [j0, j1)}, depth {@code [p0, p1)}. */
  private static void panelRow(double[] a, int ai, int acs, double[] b, double[] c, int ci, int n,
      int j0, int j1, int p0, int p1) {
    int p = p0;
    for (; p + 3 < p1; p += 4) {
      double a0 = a[ai + p * acs];
      double a1 = a[ai + (p + 1) * acs];
      double a2 = a[ai + (p + 2) * acs];
      double a3 = a[ai + (p + 3) * acs];
      int b0 = p * n;
      int b1 = b0 + n;
      int b2 = b1 + n;
      int b3 = b2 + n;
      for (int j = j0; j < j1; j++) {
        c[ci + j] = Math.fma(a3, b[b3 + j], Math.fma(a2, b[b2 + j],
            Math.fma(a1, b[b1 + j], Math.fma(a0, b[b0 + j], c[ci + j]))));
      }
    }
    for (; p < p1; p++) {
      double a0 = a[ai + p * acs];
      int b0 = p * n;
      for (int j = j0; j < j1; j++) {
        c[ci + j] = Math.fma(a0, b[b0 + j], c[ci + j]);
      }
    }
  }

  @Override
  public String toString() {
    return "BlockedMatMulKernel(threads=" + threads() + ")";
  }
}
