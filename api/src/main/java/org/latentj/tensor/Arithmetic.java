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

  private enum Kind { ADD, SUB, MUL, DIV }

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

  static Tensor addScalar(Tensor a, double c) {
    double[] x = a.value().data;
    int n = a.size();
    DMatrixRMaj out = new DMatrixRMaj(a.rows(), a.cols());
    double[] y = out.data;
    for (int i = 0; i < n; i++) {
      y[i] = x[i] + c;
    }
    return Tensor.result("addScalar", out, g -> {
      double[] gx = a.gradBuffer().data;
      double[] gy = g.data;
      for (int i = 0; i < n; i++) {
        gx[i] += gy[i];
      }
    }, a);
  }

  static Tensor mulScalar(Tensor a, double c) {
    double[] x = a.value().data;
    int n = a.size();
    DMatrixRMaj out = new DMatrixRMaj(a.rows(), a.cols());
    double[] y = out.data;
    for (int i = 0; i < n; i++) {
      y[i] = x[i] * c;
    }
    return Tensor.result("mulScalar", out, g -> {
      double[] gx = a.gradBuffer().data;
      double[] gy = g.data;
      for (int i = 0; i < n; i++) {
        gx[i] += gy[i] * c;
      }
    }, a);
  }

  /** Read pattern of one operand broadcast to the output's shape. */
  private record Strides(int row, int col) {
    static Strides of(Tensor t) {
      return new Strides(t.rows() == 1 ? 0 : t.cols(), t.cols() == 1 ? 0 : 1);
    }
  }

  private static Tensor binary(String op, Kind kind, Tensor a, Tensor b) {
    int rows = broadcast(op, a.rows(), b.rows(), a, b);
    int cols = broadcast(op, a.cols(), b.cols(), a, b);
    Strides sa = Strides.of(a);
    Strides sb = Strides.of(b);
    DMatrixRMaj out = new DMatrixRMaj(rows, cols);
    forward(kind, a.value().data, sa, b.value().data, sb, out.data, rows, cols);
    return Tensor.result(op, out, g -> {
      DMatrixRMaj ga = Tensor.gradOf(a);
      DMatrixRMaj gb = Tensor.gradOf(b);
      backward(kind, a.value().data, sa, ga == null ? null : ga.data,
          b.value().data, sb, gb == null ? null : gb.data, out.data, g.data, rows, cols);
    }, a, b);
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
    int o = 0;
    for (int i = 0; i < rows; i++) {
      int ra = i * sa.row;
      int rb = i * sb.row;
      for (int j = 0; j < cols; j++, o++) {
        int ia = ra + j * sa.col;
        int ib = rb + j * sb.col;
        double g = gy[o];
        switch (kind) {
          case ADD -> {
            if (ga != null) ga[ia] += g;
            if (gb != null) gb[ib] += g;
          }
          case SUB -> {
            if (ga != null) ga[ia] += g;
            if (gb != null) gb[ib] -= g;
          }
          case MUL -> {
            if (ga != null) ga[ia] += g * b[ib];
            if (gb != null) gb[ib] += g * a[ia];
          }
          case DIV -> {
            if (ga != null) ga[ia] += g / b[ib];
            if (gb != null) gb[ib] -= g * y[o] / b[ib];
          }
        }
      }
    }
  }
}
