package org.latentj.tensor;

import org.ejml.data.DMatrixRMaj;

/**
 * Elementwise add, sub, mul and div with broadcasting, and their scalar forms.
 *
 * <p>Two shapes broadcast when each dimension is equal or 1; the result takes the larger. An
 * operand of size 1 along a dimension is read with stride 0 there, and its gradient is the sum of
 * the output gradient along that dimension (so a bias's gradient sums over the minibatch).
 */
final class Arithmetic {

  enum Kind { ADD, SUB, MUL, DIV }

  private Arithmetic() {}

  static Tensor add(Tensor a, Tensor b) {
    return binary("add", Kind.ADD, a, b);
  }

  static Tensor sub(Tensor a, Tensor b) {
    return binary("sub", Kind.SUB, a, b);
  }

  static Tensor mul(Tensor a, Tensor b) {
    return binary("mul", Kind.MUL, a, b);
  }

  static Tensor div(Tensor a, Tensor b) {
    return binary("div", Kind.DIV, a, b);
  }

  /** {@code a + c}, elementwise. */
  static Tensor addScalar(Tensor a, double c) {
    return Pointwise.apply(new Pointwise.AddConstant(c), a);
  }

  /** {@code a * c}, elementwise. */
  static Tensor mulScalar(Tensor a, double c) {
    return Pointwise.apply(new Pointwise.MulConstant(c), a);
  }

  /** Read pattern of one operand broadcast to the output's shape. */
  record Strides(int row, int col) {
    static Strides of(Tensor t) {
      return new Strides(t.rows() == 1 ? 0 : t.cols(), t.cols() == 1 ? 0 : 1);
    }
  }

  private static Tensor binary(String op, Kind kind, Tensor a, Tensor b) {
    DType dtype = Tensor.requireSameDtype(op, a, b);
    int rows = broadcast(op, a.rows(), b.rows(), a, b);
    int cols = broadcast(op, a.cols(), b.cols(), a, b);
    if (dtype == DType.FLOAT32) {
      return Float32Arithmetic.binary(op, kind, a, b, rows, cols);
    }
    DMatrixRMaj out = Workspace.doubles(rows, cols);
    // The VAE's hot cases get loops with no stride arithmetic, which the JIT vectorises:
    // operands of one shape, and a 1 x n row (a bias) added to every row.
    if (a.rows() == b.rows() && a.cols() == b.cols()) {
      return sameShape(op, kind, a, b, out);
    }
    if (isRowBias(kind, a, b, rows, cols)) {
      return rowBroadcast(op, kind == Kind.SUB, a, b, out);
    }
    Strides sa = Strides.of(a);
    Strides sb = Strides.of(b);
    forward(kind, a.value().data, sa, b.value().data, sb, out.data, rows, cols);
    return Tensor.result(op, out, g -> {
      DMatrixRMaj ga = Tensor.gradOf(a);
      DMatrixRMaj gb = Tensor.gradOf(b);
      backward(kind, a.value().data, sa, ga == null ? null : ga.data,
          b.value().data, sb, gb == null ? null : gb.data, out.data, g.data, rows, cols);
    }, a, b);
  }

  private static Tensor sameShape(String op, Kind kind, Tensor a, Tensor b, DMatrixRMaj out) {
    double[] x = a.value().data;
    double[] z = b.value().data;
    double[] y = out.data;
    int n = a.size();
    switch (kind) {
      case ADD -> {
        for (int i = 0; i < n; i++) y[i] = x[i] + z[i];
      }
      case SUB -> {
        for (int i = 0; i < n; i++) y[i] = x[i] - z[i];
      }
      case MUL -> {
        for (int i = 0; i < n; i++) y[i] = x[i] * z[i];
      }
      case DIV -> {
        for (int i = 0; i < n; i++) y[i] = x[i] / z[i];
      }
    }
    return Tensor.result(op, out, g -> {
      double[] gy = g.data;
      DMatrixRMaj ga = Tensor.gradOf(a);
      DMatrixRMaj gb = Tensor.gradOf(b);
      if (ga != null) {
        double[] gx = ga.data;
        switch (kind) {
          case ADD, SUB -> {
            for (int i = 0; i < n; i++) gx[i] += gy[i];
          }
          case MUL -> {
            for (int i = 0; i < n; i++) gx[i] += gy[i] * z[i];
          }
          case DIV -> {
            for (int i = 0; i < n; i++) gx[i] += gy[i] / z[i];
          }
        }
      }
      if (gb != null) {
        double[] gz = gb.data;
        switch (kind) {
          case ADD -> {
            for (int i = 0; i < n; i++) gz[i] += gy[i];
          }
          case SUB -> {
            for (int i = 0; i < n; i++) gz[i] -= gy[i];
          }
          case MUL -> {
            for (int i = 0; i < n; i++) gz[i] += gy[i] * x[i];
          }
          case DIV -> {
            for (int i = 0; i < n; i++) gz[i] -= gy[i] * y[i] / z[i];
          }
        }
      }
    }, a, b);
  }

  /** {@code a +- b} for a {@code 1 x cols} row {@code b}; its gradient sums over the rows. */
  private static Tensor rowBroadcast(String op, boolean subtract, Tensor a, Tensor b,
      DMatrixRMaj out) {
    double[] x = a.value().data;
    double[] bias = b.value().data;
    double[] y = out.data;
    int rows = out.numRows;
    int cols = out.numCols;
    for (int i = 0; i < rows; i++) {
      int o = i * cols;
      if (subtract) {
        for (int j = 0; j < cols; j++) y[o + j] = x[o + j] - bias[j];
      } else {
        for (int j = 0; j < cols; j++) y[o + j] = x[o + j] + bias[j];
      }
    }
    return Tensor.result(op, out, g -> {
      double[] gy = g.data;
      DMatrixRMaj ga = Tensor.gradOf(a);
      if (ga != null) {
        double[] gx = ga.data;
        for (int i = 0; i < rows * cols; i++) gx[i] += gy[i];
      }
      DMatrixRMaj gb = Tensor.gradOf(b);
      if (gb != null) {
        double[] gz = gb.data;
        for (int i = 0; i < rows; i++) {
          int o = i * cols;
          if (subtract) {
            for (int j = 0; j < cols; j++) gz[j] -= gy[o + j];
          } else {
            for (int j = 0; j < cols; j++) gz[j] += gy[o + j];
          }
        }
      }
    }, a, b);
  }

  /** True for {@code a +- b} with {@code b} a {@code 1 x cols} row and {@code a} the full shape. */
  static boolean isRowBias(Kind kind, Tensor a, Tensor b, int rows, int cols) {
    return (kind == Kind.ADD || kind == Kind.SUB) && a.rows() == rows && a.cols() == cols
        && b.rows() == 1 && b.cols() == cols;
  }

  private static int broadcast(String op, int m, int n, Tensor a, Tensor b) {
    if (m == n || n == 1) {
      return m;
    }
    if (m == 1) {
      return n;
    }
    throw new IllegalArgumentException(op + ": shapes " + a.shape() + " and " + b.shape()
        + " do not broadcast (each dimension must be equal or 1)");
  }

  private static void forward(Kind kind, double[] a, Strides sa, double[] b, Strides sb,
      double[] y, int rows, int cols) {
    int o = 0;
    for (int i = 0; i < rows; i++) {
      int ra = i * sa.row;
      int rb = i * sb.row;
      switch (kind) {
        case ADD -> {
          for (int j = 0; j < cols; j++, o++) {
            y[o] = a[ra + j * sa.col] + b[rb + j * sb.col];
          }
        }
        case SUB -> {
          for (int j = 0; j < cols; j++, o++) {
            y[o] = a[ra + j * sa.col] - b[rb + j * sb.col];
          }
        }
        case MUL -> {
          for (int j = 0; j < cols; j++, o++) {
            y[o] = a[ra + j * sa.col] * b[rb + j * sb.col];
          }
        }
        case DIV -> {
          for (int j = 0; j < cols; j++, o++) {
            y[o] = a[ra + j * sa.col] / b[rb + j * sb.col];
          }
        }
      }
    }
  }

  /** Accumulates into {@code ga} and {@code gb} (either may be null: no gradient wanted). */
  private static void backward(Kind kind, double[] a, Strides sa, double[] ga,
      double[] b, Strides sb, double[] gb, double[] y, double[] gy, int rows, int cols) {
    // One switch per row, not per element, so each inner loop is a single statement.
    for (int i = 0, o = 0; i < rows; i++, o += cols) {
      int ra = i * sa.row;
      int rb = i * sb.row;
      int ca = sa.col;
      int cb = sb.col;
      if (ga != null) {
        switch (kind) {
          case ADD, SUB -> {
            for (int j = 0; j < cols; j++) ga[ra + j * ca] += gy[o + j];
          }
          case MUL -> {
            for (int j = 0; j < cols; j++) ga[ra + j * ca] += gy[o + j] * b[rb + j * cb];
          }
          case DIV -> {
            for (int j = 0; j < cols; j++) ga[ra + j * ca] += gy[o + j] / b[rb + j * cb];
          }
        }
      }
      if (gb != null) {
        switch (kind) {
          case ADD -> {
            for (int j = 0; j < cols; j++) gb[rb + j * cb] += gy[o + j];
          }
          case SUB -> {
            for (int j = 0; j < cols; j++) gb[rb + j * cb] -= gy[o + j];
          }
          case MUL -> {
            for (int j = 0; j < cols; j++) gb[rb + j * cb] += gy[o + j] * a[ra + j * ca];
          }
          case DIV -> {
            for (int j = 0; j < cols; j++) {
              gb[rb + j * cb] -= gy[o + j] * y[o + j] / b[rb + j * cb];
            }
          }
        }
      }
    }
  }
}
