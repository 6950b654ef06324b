package org.latentj.tensor;

import org.ejml.data.DMatrixRMaj;

/**
 * Matrix products and their gradients, all through the installed {@link MatMulKernel}.
 *
 * <p>For {@code C = A B}: {@code dA += dC B^T}, {@code dB += A^T dC}. The backward passes use
 * the kernel's {@code multAdd} forms so gradients accumulate without temporaries.
 */
public final class MatMul {

  /** Chosen once by {@link MatMulKernels#fromSystemProperties()} ({@code -Dlatentj.matmul}). */
  private static volatile MatMulKernel kernel = MatMulKernels.fromSystemProperties();

  private MatMul() {}

  /** The kernel every product uses. */
  public static MatMulKernel kernel() {
    return kernel;
  }

  /** Installs {@code k} for every later product (all threads); returns the previous kernel. */
  public static MatMulKernel useKernel(MatMulKernel k) {
    if (k == null) {
      throw new IllegalArgumentException("useKernel: kernel is null");
    }
    MatMulKernel previous = kernel;
    kernel = k;
    return previous;
  }

  static Tensor mult(Tensor a, Tensor b) {
    requireInner("matmul", a.cols(), b.rows(), a, b);
    DMatrixRMaj c = new DMatrixRMaj(a.rows(), b.cols());
    MatMulKernel k = kernel;
    k.mult(a.value(), b.value(), c);
    return Tensor.result("matmul", c, g -> {
      DMatrixRMaj ga = Tensor.gradOf(a);
      if (ga != null) {
        k.multAddTransB(g, b.value(), ga);
      }
      DMatrixRMaj gb = Tensor.gradOf(b);
      if (gb != null) {
        k.multAddTransA(a.value(), g, gb);
      }
    }, a, b);
  }

  static Tensor multTransA(Tensor a, Tensor b) {
    requireInner("matmulTransA", a.rows(), b.rows(), a, b);
    DMatrixRMaj c = new DMatrixRMaj(a.cols(), b.cols());
    MatMulKernel k = kernel;
    k.multTransA(a.value(), b.value(), c);
    return Tensor.result("matmulTransA", c, g -> {
      DMatrixRMaj ga = Tensor.gradOf(a);
      if (ga != null) {
        k.multAddTransB(b.value(), g, ga);
      }
      DMatrixRMaj gb = Tensor.gradOf(b);
      if (gb != null) {
        k.multAdd(a.value(), g, gb);
      }
    }, a, b);
  }

  static Tensor multTransB(Tensor a, Tensor b) {
    requireInner("matmulTransB", a.cols(), b.cols(), a, b);
    DMatrixRMaj c = new DMatrixRMaj(a.rows(), b.rows());
    MatMulKernel k = kernel;
    k.multTransB(a.value(), b.value(), c);
    return Tensor.result("matmulTransB", c, g -> {
      DMatrixRMaj ga = Tensor.gradOf(a);
      if (ga != null) {
        k.multAdd(g, b.value(), ga);
      }
      DMatrixRMaj gb = Tensor.gradOf(b);
      if (gb != null) {
        k.multAddTransA(g, a.value(), gb);
      }
    }, a, b);
  }

  private static void requireInner(String op, int left, int right, Tensor a, Tensor b) {
    if (left != right) {
      throw new IllegalArgumentException(op + ": shapes " + a.shape() + " and " + b.shape()
          + " do not fit (inner dimensions " + left + " and " + right + ")");
    }
  }
}
