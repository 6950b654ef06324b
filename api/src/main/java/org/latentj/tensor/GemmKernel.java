package org.latentj.tensor;

import org.ejml.MatrixDimensionException;
import org.ejml.data.DMatrixRMaj;

/**
 * The six forms of {@link MatMulKernel} reduced to one general product (BLAS's {@code dgemm}):
 * {@code c = op(a) op(b)} or {@code c += op(a) op(b)}, where {@code op} transposes or not. This
 * class checks shapes as EJML does (same exceptions, so kernels are interchangeable) and leaves
 * subclasses only the arithmetic, called with every dimension positive.
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

  private void set(DMatrixRMaj a, boolean ta, DMatrixRMaj b, boolean tb, DMatrixRMaj c,
      String form) {
    if (a == c || b == c) {
      throw new IllegalArgumentException(form + ": the output must not be an input");
    }
    int k = inner(a, ta, b, tb, form);
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
    if (a == c || b == c) {
      throw new IllegalArgumentException(form + ": the output must not be an input");
    }
    int k = inner(a, ta, b, tb, form);
    int m = ta ? a.numCols : a.numRows;
    int n = tb ? b.numRows : b.numCols;
    if (c.numRows != m || c.numCols != n) {
      throw new MatrixDimensionException(form + ": output is " + c.numRows + "x" + c.numCols
          + " but the product is " + m + "x" + n);
    }
    if (m == 0 || n == 0 || k == 0) {
      return;
    }
    gemm(ta, tb, m, n, k, a.data, b.data, c.data, true);
  }

  private static int inner(DMatrixRMaj a, boolean ta, DMatrixRMaj b, boolean tb, String form) {
    int left = ta ? a.numRows : a.numCols;
    int right = tb ? b.numCols : b.numRows;
    if (left != right) {
      throw new MatrixDimensionException(form + ": inner dimensions differ: "
          + a.numRows + "x" + a.numCols + (ta ? "^T" : "") + " times "
          + b.numRows + "x" + b.numCols + (tb ? "^T" : ""));
    }
    return left;
  }
}
