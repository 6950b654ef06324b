package org.latentj.tensor;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * A register-tiled kernel on the JDK's incubating Vector API: each tile of {@code c} is four rows
 * by two vectors (16 doubles with AVX-512) held in registers for a whole
 * {@value #DEPTH_BLOCK}-deep panel, updated by one broadcast of {@code a[i,p]} and fused
 * multiply-adds with two vector loads of row {@code p} of {@code b} (the BLIS micro-kernel
 * shape, Van Zee &amp; van de Geijn 2015).
 *
 * <p>It needs the module: run the JVM with {@code --add-modules jdk.incubator.vector}. Without
 * it, this class cannot load, and {@link MatMulKernels} picks another kernel. Sums are formed in
 * another order than EJML's, so results agree with EJML's to round-off.
 */
final class VectorMatMulKernel extends JavaGemmKernel {

  static final int DEPTH_BLOCK = 256;

  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  VectorMatMulKernel(int threads) {
    super(threads);
  }

  @Override
  void rows(double[] a, int ars, int acs, double[] b, double[] c, int n, int k, int i0, int i1) {
    int wide = n - n % (2 * L);
    int narrow = n - n % L;
    for (int p0 = 0; p0 < k; p0 += DEPTH_BLOCK) {
      int p1 = Math.min(k, p0 + DEPTH_BLOCK);
      int i = i0;
      for (; i + 3 < i1; i += 4) {
        int ai = i * ars;
        int ci = i * n;
        int j = 0;
        for (; j < wide; j += 2 * L) {
          tile4x2(a, ai, ars, acs, b, c, ci + j, j, n, p0, p1);
        }
        for (; j < narrow; j += L) {
          tile4x1(a, ai, ars, acs, b, c, ci + j, j, n, p0, p1);
        }
        for (int r = 0; r < 4; r++) {
          scalarColumns(a, ai + r * ars, acs, b, c, ci + r * n, n, narrow, n, p0, p1);
        }
      }
      for (; i < i1; i++) {
        int ai = i * ars;
        int ci = i * n;
        int j = 0;
        for (; j < narrow; j += L) {
          DoubleVector s = DoubleVector.fromArray(S, c, ci + j);
          for (int p = p0; p < p1; p++) {
            s = DoubleVector.broadcast(S, a[ai + p * acs])
                .fma(DoubleVector.fromArray(S, b, p * n + j), s);
          }
          s.intoArray(c, ci + j);
        }
        scalarColumns(a, ai, acs, b, c, ci, n, narrow, n, p0, p1);
      }
    }
  }

  private static void tile4x2(double[] a, int ai, int ars, int acs, double[] b, double[] c,
      int cj, int j, int n, int p0, int p1) {
    int c1 = cj + n;
    int c2 = c1 + n;
    int c3 = c2 + n;
    DoubleVector s00 = DoubleVector.fromArray(S, c, cj);
    DoubleVector s01 = DoubleVector.fromArray(S, c, cj + L);
    DoubleVector s10 = DoubleVector.fromArray(S, c, c1);
    DoubleVector s11 = DoubleVector.fromArray(S, c, c1 + L);
    DoubleVector s20 = DoubleVector.fromArray(S, c, c2);
    DoubleVector s21 = DoubleVector.fromArray(S, c, c2 + L);
    DoubleVector s30 = DoubleVector.fromArray(S, c, c3);
    DoubleVector s31 = DoubleVector.fromArray(S, c, c3 + L);
    int a1 = ai + ars;
    int a2 = a1 + ars;
    int a3 = a2 + ars;
    for (int p = p0; p < p1; p++) {
      int bp = p * n + j;
      int ap = p * acs;
      DoubleVector b0 = DoubleVector.fromArray(S, b, bp);
      DoubleVector b1 = DoubleVector.fromArray(S, b, bp + L);
      DoubleVector x = DoubleVector.broadcast(S, a[ai + ap]);
      s00 = x.fma(b0, s00);
      s01 = x.fma(b1, s01);
      x = DoubleVector.broadcast(S, a[a1 + ap]);
      s10 = x.fma(b0, s10);
      s11 = x.fma(b1, s11);
      x = DoubleVector.broadcast(S, a[a2 + ap]);
      s20 = x.fma(b0, s20);
      s21 = x.fma(b1, s21);
      x = DoubleVector.broadcast(S, a[a3 + ap]);
      s30 = x.fma(b0, s30);
      s31 = x.fma(b1, s31);
    }
    s00.intoArray(c, cj);
    s01.intoArray(c, cj + L);
    s10.intoArray(c, c1);
    s11.intoArray(c, c1 + L);
    s20.intoArray(c, c2);
    s21.intoArray(c, c2 + L);
    s30.intoArray(c, c3);
    s31.intoArray(c, c3 + L);
  }

  private static void tile4x1(double[] a, int ai, int ars, int acs, double[] b, double[] c,
      int cj, int j, int n, int p0, int p1) {
    DoubleVector s0 = DoubleVector.fromArray(S, c, cj);
    DoubleVector s1 = DoubleVector.fromArray(S, c, cj + n);
    DoubleVector s2 = DoubleVector.fromArray(S, c, cj + 2 * n);
    DoubleVector s3 = DoubleVector.fromArray(S, c, cj + 3 * n);
    for (int p = p0; p < p1; p++) {
      int ap = ai + p * acs;
      DoubleVector bv = DoubleVector.fromArray(S, b, p * n + j);
      s0 = DoubleVector.broadcast(S, a[ap]).fma(bv, s0);
      s1 = DoubleVector.broadcast(S, a[ap + ars]).fma(bv, s1);
      s2 = DoubleVector.broadcast(S, a[ap + 2 * ars]).fma(bv, s2);
      s3 = DoubleVector.broadcast(S, a[ap + 3 * ars]).fma(bv, s3);
    }
    s0.intoArray(c, cj);
    s1.intoArray(c, cj + n);
    s2.intoArray(c, cj + 2 * n);
    s3.intoArray(c, cj + 3 * n);
  }

  /** Columns {@code [j0, j1)} of one row of {@code c}, one element at a time. */
  private static void scalarColumns(double[] a, int ai, int acs, double[] b, double[] c, int ci,
      int n, int j0, int j1, int p0, int p1) {
    for (int j = j0; j < j1; j++) {
      double s = c[ci + j];
      for (int p = p0; p < p1; p++) {
        s = Math.fma(a[ai + p * acs], b[p * n + j], s);
      }
      c[ci + j] = s;
    }
  }

  @Override
  public String toString() {
    return "VectorMatMulKernel(threads=" + threads() + ", " + L + " doubles per vector)";
  }
}
