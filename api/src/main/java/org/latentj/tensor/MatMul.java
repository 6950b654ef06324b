package org.latentj.tensor;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;

/**
 * Matrix products and their gradients, all through the {@link MatMulKernel} of the current
 * {@link ComputeContext}.
 *
 * <p>For {@code C = A B}: {@code dA += dC B^T}, {@code dB += A^T dC}. The backward passes use
 * the kernel's {@code multAdd} forms so gradients accumulate without temporaries. float32
 * tensors use the kernel's {@link FMatrixRMaj} forms, with the same formulas.
 */
public final class MatMul {

  private MatMul() {}

  /** The kernel products use here: the current {@link ComputeContext}'s. */
  public static MatMulKernel kernel() {
    return ComputeContext.current().kernel();
  }

  /**
   * Makes {@code k} the kernel of code that enters no {@link ComputeContext} (a program's
   * start-up choice); returns the previous one. A model that needs its own kernel enters a
   * context instead.
   */
  public static MatMulKernel useKernel(MatMulKernel k) {
    if (k == null) {
      throw new IllegalArgumentException("useKernel: kernel is null");
    }
    ComputeContext previous = ComputeContext.processDefault();
    ComputeContext.setProcessDefault(previous.withKernel(k));
    return previous.kernel();
  }

  static Tensor mult(Tensor a, Tensor b) {
    requireInner("matmul", a.cols(), b.rows(), a, b);
    if (Tensor.requireSameDtype("matmul", a, b) == DType.FLOAT32) {
      return multF(a, b);
    }
    DMatrixRMaj c = Workspace.doubles(a.rows(), b.cols());
    MatMulKernel k = kernel();
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
    if (Tensor.requireSameDtype("matmulTransA", a, b) == DType.FLOAT32) {
      return multTransAF(a, b);
    }
    DMatrixRMaj c = Workspace.doubles(a.cols(), b.cols());
    MatMulKernel k = kernel();
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
    if (Tensor.requireSameDtype("matmulTransB", a, b) == DType.FLOAT32) {
      return multTransBF(a, b);
    }
    DMatrixRMaj c = Workspace.doubles(a.rows(), b.rows());
    MatMulKernel k = kernel();
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

  /**
   * {@code x w + b} for a {@code 1 x n} bias row {@code b}, fused: the output starts as the bias
   * in every row and the kernel adds {@code x w} into it, so there is one output (and one
   * gradient) instead of two, and no separate pass for the bias. Backward: {@code dx += dY w^T},
   * {@code dw += x^T dY}, {@code db += column sums of dY}.
   */
  static Tensor affine(Tensor x, Tensor w, Tensor b) {
    return affine(x, w, b, false);
  }

  /**
   * {@code relu(x w + b)} as one op: the rectifier is applied in place on the affine output, and
   * backward masks the output gradient once (where the output is positive) before the affine
   * map's backward; one matrix and one pass each way fewer than {@code affine(...).relu()}.
   */
  static Tensor affineRelu(Tensor x, Tensor w, Tensor b) {
    return affine(x, w, b, true);
  }

  private static Tensor affine(Tensor x, Tensor w, Tensor b, boolean relu) {
    String op = relu ? "affineRelu" : "affine";
    requireInner(op, x.cols(), w.rows(), x, w);
    int rows = x.rows();
    int cols = w.cols();
    if (b.rows() != 1 || b.cols() != cols) {
      throw new IllegalArgumentException(op + ": bias is " + b.shape() + ", expected a 1x"
          + cols + " row for " + x.shape() + " times " + w.shape());
    }
    if (Tensor.requireSameDtype(op, x, w, b) == DType.FLOAT32) {
      return affineF(op, x, w, b, relu);
    }
    DMatrixRMaj c = Workspace.doubles(rows, cols);
    double[] bias = b.value().data;
    for (int i = 0; i < rows; i++) {
      System.arraycopy(bias, 0, c.data, i * cols, cols);
    }
    MatMulKernel k = kernel();
    k.multAdd(x.value(), w.value(), c);
    if (relu) {
      double[] y = c.data;
      for (int i = 0; i < rows * cols; i++) y[i] = Math.max(y[i], 0.0);
    }
    return Tensor.result(op, c, gradOut -> {
      DMatrixRMaj g = gradOut;
      if (relu) {
        g = Workspace.doubles(rows, cols);
        double[] y = c.data;
        for (int i = 0; i < rows * cols; i++) g.data[i] = y[i] > 0 ? gradOut.data[i] : 0.0;
      }
      DMatrixRMaj gx = Tensor.gradOf(x);
      if (gx != null) {
        k.multAddTransB(g, w.value(), gx);
      }
      DMatrixRMaj gw = Tensor.gradOf(w);
      if (gw != null) {
        k.multAddTransA(x.value(), g, gw);
      }
      DMatrixRMaj gb = Tensor.gradOf(b);
      if (gb != null) {
        double[] gy = g.data;
        double[] gz = gb.data;
        for (int i = 0; i < rows; i++) {
          int o = i * cols;
          for (int j = 0; j < cols; j++) {
            gz[j] += gy[o + j];
          }
        }
      }
    }, x, w, b);
  }

  // ---------------------------------------------------------------- float32 twins

  private static Tensor multF(Tensor a, Tensor b) {
    FMatrixRMaj c = Workspace.floats(a.rows(), b.cols());
    MatMulKernel k = kernel();
    k.mult(a.valueF(), b.valueF(), c);
    return Tensor.result("matmul", c, g -> {
      FMatrixRMaj ga = Tensor.gradOfF(a);
      if (ga != null) {
        k.multAddTransB(g, b.valueF(), ga);
      }
      FMatrixRMaj gb = Tensor.gradOfF(b);
      if (gb != null) {
        k.multAddTransA(a.valueF(), g, gb);
      }
    }, a, b);
  }

  private static Tensor multTransAF(Tensor a, Tensor b) {
    FMatrixRMaj c = Workspace.floats(a.cols(), b.cols());
    MatMulKernel k = kernel();
    k.multTransA(a.valueF(), b.valueF(), c);
    return Tensor.result("matmulTransA", c, g -> {
      FMatrixRMaj ga = Tensor.gradOfF(a);
      if (ga != null) {
        k.multAddTransB(b.valueF(), g, ga);
      }
      FMatrixRMaj gb = Tensor.gradOfF(b);
      if (gb != null) {
        k.multAdd(a.valueF(), g, gb);
      }
    }, a, b);
  }

  private static Tensor multTransBF(Tensor a, Tensor b) {
    FMatrixRMaj c = Workspace.floats(a.rows(), b.rows());
    MatMulKernel k = kernel();
    k.multTransB(a.valueF(), b.valueF(), c);
    return Tensor.result("matmulTransB", c, g -> {
      FMatrixRMaj ga = Tensor.gradOfF(a);
      if (ga != null) {
        k.multAdd(g, b.valueF(), ga);
      }
      FMatrixRMaj gb = Tensor.gradOfF(b);
      if (gb != null) {
        k.multAddTransA(g, a.valueF(), gb);
      }
    }, a, b);
  }

  private static Tensor affineF(String op, Tensor x, Tensor w, Tensor b, boolean relu) {
    int rows = x.rows();
    int cols = w.cols();
    FMatrixRMaj c = Workspace.floats(rows, cols);
    float[] bias = b.valueF().data;
    for (int i = 0; i < rows; i++) {
      System.arraycopy(bias, 0, c.data, i * cols, cols);
    }
    MatMulKernel k = kernel();
    k.multAdd(x.valueF(), w.valueF(), c);
    if (relu) {
      float[] y = c.data;
      for (int i = 0; i < rows * cols; i++) y[i] = Math.max(y[i], 0.0f);
    }
    return Tensor.result(op, c, gradOut -> {
      FMatrixRMaj g = gradOut;
      if (relu) {
        g = Workspace.floats(rows, cols);
        float[] y = c.data;
        for (int i = 0; i < rows * cols; i++) g.data[i] = y[i] > 0 ? gradOut.data[i] : 0.0f;
      }
      FMatrixRMaj gx = Tensor.gradOfF(x);
      if (gx != null) {
        k.multAddTransB(g, w.valueF(), gx);
      }
      FMatrixRMaj gw = Tensor.gradOfF(w);
      if (gw != null) {
        k.multAddTransA(x.valueF(), g, gw);
      }
      FMatrixRMaj gb = Tensor.gradOfF(b);
      if (gb != null) {
        float[] gy = g.data;
        float[] gz = gb.data;
        for (int i = 0; i < rows; i++) {
          int o = i * cols;
          for (int j = 0; j < cols; j++) {
            gz[j] += gy[o + j];
          }
        }
      }
    }, x, w, b);
  }

  private static void requireInner(String op, int left, int right, Tensor a, Tensor b) {
    if (left != right) {
      throw new IllegalArgumentException(op + ": shapes " + a.shape() + " and " + b.shape()
          + " do not fit (inner dimensions " + left + " and " + right + ")");
    }
  }
}
