package org.latentj.tensor;

import org.ejml.data.FMatrixRMaj;
import org.latentj.tensor.Arithmetic.Kind;
import org.latentj.tensor.Arithmetic.Strides;

/**
 * The float32 loops of {@link Arithmetic}: the same three cases (operands of one shape, a
 * {@code 1 x n} row added to every row, general broadcasting by strides) on {@code float[]}
 * directly, so a float32 model's elementwise arithmetic neither widens nor copies. Shapes and
 * dtypes are checked by {@link Arithmetic} before it calls here.
 */
final class Float32Arithmetic {

  private Float32Arithmetic() {}

  static Tensor binary(String op, Kind kind, Tensor a, Tensor b, int rows, int cols) {
    FMatrixRMaj out = Workspace.floats(rows, cols);
    if (a.rows() == b.rows() && a.cols() == b.cols()) {
      return sameShape(op, kind, a, b, out);
    }
    if (Arithmetic.isRowBias(kind, a, b, rows, cols)) {
      return rowBroadcast(op, kind == Kind.SUB, a, b, out);
    }
    Strides sa = Strides.of(a);
    Strides sb = Strides.of(b);
    forward(kind, a.valueF().data, sa, b.valueF().data, sb, out.data, rows, cols);
    return Tensor.result(op, out, g -> {
      FMatrixRMaj ga = Tensor.gradOfF(a);
      FMatrixRMaj gb = Tensor.gradOfF(b);
      backward(kind, a.valueF().data, sa, ga == null ? null : ga.data,
          b.valueF().data, sb, gb == null ? null : gb.data, out.data, g.data, rows, cols);
    }, a, b);
  }

  private static Tensor sameShape(String op, Kind kind, Tensor a, Tensor b, FMatrixRMaj out) {
    float[] x = a.valueF().data;
    float[] z = b.valueF().data;
    float[] y = out.data;
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
      float[] gy = g.data;
      FMatrixRMaj ga = Tensor.gradOfF(a);
      FMatrixRMaj gb = Tensor.gradOfF(b);
      if (ga != null) {
        float[] gx = ga.data;
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
        float[] gz = gb.data;
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

  private static Tensor rowBroadcast(String op, boolean subtract, Tensor a, Tensor b,
      FMatrixRMaj out) {
    float[] x = a.valueF().data;
    float[] bias = b.valueF().data;
    float[] y = out.data;
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
      float[] gy = g.data;
      FMatrixRMaj ga = Tensor.gradOfF(a);
      if (ga != null) {
        float[] gx = ga.data;
        for (int i = 0; i < rows * cols; i++) gx[i] += gy[i];
      }
      FMatrixRMaj gb = Tensor.gradOfF(b);
      if (gb != null) {
        float[] gz = gb.data;
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

  private static void forward(Kind kind, float[] a, Strides sa, float[] b, Strides sb,
      float[] y, int rows, int cols) {
    int o = 0;
    for (int i = 0; i < rows; i++) {
      int ra = i * sa.row();
      int rb = i * sb.row();
      int ca = sa.col();
      int cb = sb.col();
      switch (kind) {
        case ADD -> {
          for (int j = 0; j < cols; j++, o++) y[o] = a[ra + j * ca] + b[rb + j * cb];
        }
        case SUB -> {
          for (int j = 0; j < cols; j++, o++) y[o] = a[ra + j * ca] - b[rb + j * cb];
        }
        case MUL -> {
          for (int j = 0; j < cols; j++, o++) y[o] = a[ra + j * ca] * b[rb + j * cb];
        }
        case DIV -> {
          for (int j = 0; j < cols; j++, o++) y[o] = a[ra + j * ca] / b[rb + j * cb];
        }
      }
    }
  }

  /** Accumulates into {@code ga} and {@code gb} (either may be null: no gradient wanted). */
  private static void backward(Kind kind, float[] a, Strides sa, float[] ga,
      float[] b, Strides sb, float[] gb, float[] y, float[] gy, int rows, int cols) {
    for (int i = 0, o = 0; i < rows; i++, o += cols) {
      int ra = i * sa.row();
      int rb = i * sb.row();
      int ca = sa.col();
      int cb = sb.col();
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
