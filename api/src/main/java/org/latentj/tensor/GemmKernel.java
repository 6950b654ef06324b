package org.latentj.tensor;

import org.ejml.MatrixDimensionException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;

/**
 * The six forms of {@link MatMulKernel} reduced to one general product (BLAS's {@code dgemm}):
 * {@code c = op(a) op(b)} or {@code c += op(a) op(b)}, where {@code op} transposes or not. This
 * class checks shapes as EJML does (same exceptions, so kernels are interchangeable) and leaves
 * subclasses only the arithmetic, called with every dimension positive.
 *
 * <p>A subclass with a float32 product of its own (BLAS {@code sgemm}) overrides
 * {@link #hasFloat32Gemm()} and the float32 {@code gemm}; the others' {@link FMatrixRMaj} forms
 * stay EJML's {@code CommonOps_FDRM}, as {@link MatMulKernel}'s defaults.
 */
abstract class GemmKernel implements MatMulKernel {

  /**
   * {@code c (+)= op(a) op(b)} on row-major arrays: {@code c} is {@code m x n}, {@code op(a)} is
   * {@code m x k}, {@code op(b)} is {@code k x n}; {@code a} is stored {@code k x m} when
   * {@code transA}, {@code b} is stored {@code n x k} when {@code transB}. {@code m, n, k >= 1}.
   *
   * @param add true to add into {@code c}; false to overwrite it
   */
  abstract void gemm(boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b,
      double[] c, boolean add);

  /** Whether this kernel has a float32 {@code gemm} (else EJML multiplies float32). */
  boolean hasFloat32Gemm() {
    return false;
  }

  /** {@code c (+)= op(a) op(b)} in float32, shaped as the float64 {@code gemm}. */
  void gemm(boolean transA, boolean transB, int m, int n, int k, float[] a, float[] b,
      float[] c, boolean add) {
    throw new UnsupportedOperationException(this + " has no float32 gemm");
  }

  @Override
  public final void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
    set(a, false, b, false, c, "mult");
  }

  @Override
  public final void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
    set(a, true, b, false, c, "multTransA");
  }

  @Override
  public final void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
    set(a, false, b, true, c, "multTransB");
  }

  @Override
  public final void multAdd(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
    add(a, false, b, false, c, "multAdd");
  }

  @Override
  public final void multAddTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
    add(a, true, b, false, c, "multAddTransA");
  }

  @Override
  public final void multAddTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
    add(a, false, b, true, c, "multAddTransB");
  }

  @Override
  public final void mult(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
    set(a, false, b, false, c, "mult");
  }

  @Override
  public final void multTransA(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
    set(a, true, b, false, c, "multTransA");
  }

  @Override
  public final void multTransB(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
    set(a, false, b, true, c, "multTransB");
  }

  @Override
  public final void multAdd(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
    add(a, false, b, false, c, "multAdd");
  }

  @Override
  public final void multAddTransA(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
    add(a, true, b, false, c, "multAddTransA");
  }

  @Override
  public final void multAddTransB(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
    add(a, false, b, true, c, "multAddTransB");
  }

  private void set(DMatrixRMaj a, boolean ta, DMatrixRMaj b, boolean tb, DMatrixRMaj c,
      String form) {
    int k = checked(a, a.numRows, a.numCols, ta, b, b.numRows, b.numCols, tb, c, form);
    int m = ta ? a.numCols : a.numRows;
    int n = tb ? b.numRows : b.numCols;
    c.reshape(m, n);
    if (m == 0 || n == 0) {
      return;
    }
    if (k == 0) {
      c.zero();
      return;
    }
    gemm(ta, tb, m, n, k, a.data, b.data, c.data, false);
  }

  private void set(FMatrixRMaj a, boolean ta, FMatrixRMaj b, boolean tb, FMatrixRMaj c,
      String form) {
    if (!hasFloat32Gemm()) {
      ejml(a, ta, b, tb, c, false);
      return;
    }
    int k = checked(a, a.numRows, a.numCols, ta, b, b.numRows, b.numCols, tb, c, form);
    int m = ta ? a.numCols : a.numRows;
    int n = tb ? b.numRows : b.numCols;
    c.reshape(m, n);
    if (m == 0 || n == 0) {
      return;
    }
    if (k == 0) {
      c.zero();
      return;
    }
    gemm(ta, tb, m, n, k, a.data, b.data, c.data, false);
  }

  private void add(DMatrixRMaj a, boolean ta, DMatrixRMaj b, boolean tb, DMatrixRMaj c,
      String form) {
    int k = checked(a, a.numRows, a.numCols, ta, b, b.numRows, b.numCols, tb, c, form);
    int m = ta ? a.numCols : a.numRows;
    int n = tb ? b.numRows : b.numCols;
    requireShape(c.numRows, c.numCols, m, n, form);
    if (m == 0 || n == 0 || k == 0) {
      return;
    }
    gemm(ta, tb, m, n, k, a.data, b.data, c.data, true);
  }

  private void add(FMatrixRMaj a, boolean ta, FMatrixRMaj b, boolean tb, FMatrixRMaj c,
      String form) {
    if (!hasFloat32Gemm()) {
      ejml(a, ta, b, tb, c, true);
      return;
    }
    int k = checked(a, a.numRows, a.numCols, ta, b, b.numRows, b.numCols, tb, c, form);
    int m = ta ? a.numCols : a.numRows;
    int n = tb ? b.numRows : b.numCols;
    requireShape(c.numRows, c.numCols, m, n, form);
    if (m == 0 || n == 0 || k == 0) {
      return;
    }
    gemm(ta, tb, m, n, k, a.data, b.data, c.data, true);
  }

  /** float32 by EJML, as {@link MatMulKernel}'s defaults, for a kernel without its own. */
  private static void ejml(FMatrixRMaj a, boolean ta, FMatrixRMaj b, boolean tb, FMatrixRMaj c,
      boolean add) {
    if (add) {
      if (ta) {
        CommonOps_FDRM.multAddTransA(a, b, c);
      } else if (tb) {
        CommonOps_FDRM.multAddTransB(a, b, c);
      } else {
        CommonOps_FDRM.multAdd(a, b, c);
      }
    } else if (ta) {
      CommonOps_FDRM.multTransA(a, b, c);
    } else if (tb) {
      CommonOps_FDRM.multTransB(a, b, c);
    } else {
      CommonOps_FDRM.mult(a, b, c);
    }
  }

  private static void requireShape(int rows, int cols, int m, int n, String form) {
    if (rows != m || cols != n) {
      throw new MatrixDimensionException(form + ": output is " + rows + "x" + cols
          + " but the product is " + m + "x" + n);
    }
  }

  /** The inner dimension, after checking that the output is no input and the operands fit. */
  private static int checked(Object a, int aRows, int aCols, boolean ta, Object b, int bRows,
      int bCols, boolean tb, Object c, String form) {
    if (a == c || b == c) {
      throw new IllegalArgumentException(form + ": the output must not be an input");
    }
    int left = ta ? aRows : aCols;
    int right = tb ? bCols : bRows;
    if (left != right) {
      throw new MatrixDimensionException(form + ": inner dimensions differ: "
          + aRows + "x" + aCols + (ta ? "^T" : "") + " times "
          + bRows + "x" + bCols + (tb ? "^T" : ""));
    }
    return left;
  }
}
