package org.latentj.tensor;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** Slices, concatenation, repetition and transpose: ops that move numbers without arithmetic. */
final class Shaping {

  private Shaping() {}

  static Tensor columns(Tensor a, int from, int to) {
    if (from < 0 || to > a.cols() || from >= to) {
      throw new IllegalArgumentException("columns: range [" + from + ", " + to
          + ") is not a non-empty part of the " + a.cols() + " columns of " + a.shape());
    }
    int rows = a.rows();
    int width = to - from;
    int cols = a.cols();
    if (a.isFloat32()) {
      FMatrixRMaj out = Workspace.floats(rows, width);
      for (int i = 0; i < rows; i++) {
        System.arraycopy(a.valueF().data, i * cols + from, out.data, i * width, width);
      }
      return Tensor.result("columns", out, g -> {
        float[] gx = a.gradBufferF().data;
        for (int i = 0; i < rows; i++) {
          int src = i * width;
          int dst = i * cols + from;
          for (int j = 0; j < width; j++) {
            gx[dst + j] += g.data[src + j];
          }
        }
      }, a);
    }
    DMatrixRMaj out = Workspace.doubles(rows, width);
    for (int i = 0; i < rows; i++) {
      System.arraycopy(a.value().data, i * cols + from, out.data, i * width, width);
    }
    return Tensor.result("columns", out, g -> {
      double[] gx = a.gradBuffer().data;
      for (int i = 0; i < rows; i++) {
        int src = i * width;
        int dst = i * cols + from;
        for (int j = 0; j < width; j++) {
          gx[dst + j] += g.data[src + j];
        }
      }
    }, a);
  }

  static Tensor rows(Tensor a, int from, int to) {
    if (from < 0 || to > a.rows() || from >= to) {
      throw new IllegalArgumentException("rows: range [" + from + ", " + to
          + ") is not a non-empty part of the " + a.rows() + " rows of " + a.shape());
    }
    int cols = a.cols();
    if (a.isFloat32()) {
      FMatrixRMaj out = Workspace.floats(to - from, cols);
      System.arraycopy(a.valueF().data, from * cols, out.data, 0, out.data.length);
      return Tensor.result("rows", out, g -> {
        float[] gx = a.gradBufferF().data;
        int offset = from * cols;
        for (int i = 0; i < g.data.length; i++) {
          gx[offset + i] += g.data[i];
        }
      }, a);
    }
    DMatrixRMaj out = Workspace.doubles(to - from, cols);
    System.arraycopy(a.value().data, from * cols, out.data, 0, out.data.length);
    return Tensor.result("rows", out, g -> {
      double[] gx = a.gradBuffer().data;
      int offset = from * cols;
      for (int i = 0; i < g.data.length; i++) {
        gx[offset + i] += g.data[i];
      }
    }, a);
  }

  static Tensor concatColumns(Tensor... parts) {
    if (parts.length == 0) {
      throw new IllegalArgumentException("concatColumns: needs at least one tensor");
    }
    int rows = parts[0].rows();
    int cols = 0;
    for (Tensor p : parts) {
      if (p.rows() != rows) {
        throw new IllegalArgumentException("concatColumns: shapes " + parts[0].shape() + " and "
            + p.shape() + " have different numbers of rows");
      }
      cols += p.cols();
    }
    if (Tensor.requireSameDtype("concatColumns", parts) == DType.FLOAT32) {
      return ViaFloat64.apply("concatColumns", Shaping::concatColumns, parts.clone());
    }
    int total = cols;
    DMatrixRMaj out = Workspace.doubles(rows, total);
    int offset = 0;
    for (Tensor p : parts) {
      int w = p.cols();
      for (int i = 0; i < rows; i++) {
        System.arraycopy(p.value().data, i * w, out.data, i * total + offset, w);
      }
      offset += w;
    }
    Tensor[] inputs = parts.clone();
    return Tensor.result("concatColumns", out, g -> {
      int off = 0;
      for (Tensor p : inputs) {
        int w = p.cols();
        DMatrixRMaj gp = Tensor.gradOf(p);
        if (gp != null) {
          for (int i = 0; i < rows; i++) {
            int src = i * total + off;
            int dst = i * w;
            for (int j = 0; j < w; j++) {
              gp.data[dst + j] += g.data[src + j];
            }
          }
        }
        off += w;
      }
    }, inputs);
  }

  static Tensor repeatRows(Tensor a, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("repeatRows: k must be at least 1, got " + k);
    }
    Tensor result = a.isFloat32() ? repeatedF(a, k) : repeated(a, k);
    // Under GradMode.disable() the result is cut from the graph; so must be the shortcut to a.
    result.recordRepetition(result.requiresGrad() || !a.requiresGrad() ? a : a.detach(), k);
    return result;
  }

  private static Tensor repeated(Tensor a, int k) {
    int rows = a.rows();
    int cols = a.cols();
    DMatrixRMaj out = Workspace.doubles(rows * k, cols);
    repeatInto(a.value().data, out.data, rows, cols, k);
    return Tensor.result("repeatRows", out, g -> {
      double[] gx = a.gradBuffer().data;
      for (int i = 0; i < rows; i++) {
        for (int r = 0; r < k; r++) {
          int src = (i * k + r) * cols;
          int dst = i * cols;
          for (int j = 0; j < cols; j++) {
            gx[dst + j] += g.data[src + j];
          }
        }
      }
    }, a);
  }

  /**
   * float32 {@code repeatRows} with a loop of its own (not through float64 copies): it repeats
   * whole minibatches k times (IWAE's {@code Batch.repeat}), the largest tensors of a step.
   */
  private static Tensor repeatedF(Tensor a, int k) {
    int rows = a.rows();
    int cols = a.cols();
    FMatrixRMaj out = Workspace.floats(rows * k, cols);
    repeatInto(a.valueF().data, out.data, rows, cols, k);
    return Tensor.result("repeatRows", out, g -> {
      float[] gx = a.gradBufferF().data;
      for (int i = 0; i < rows * k; i++) {
        int src = i * cols;
        int dst = (i / k) * cols;
        for (int j = 0; j < cols; j++) {
          gx[dst + j] += g.data[src + j];
        }
      }
    }, a);
  }

  /** Each of the {@code rows} rows of {@code x} copied {@code k} times into {@code y}, either dtype. */
  private static void repeatInto(Object x, Object y, int rows, int cols, int k) {
    for (int i = 0; i < rows; i++) {
      for (int r = 0; r < k; r++) {
        System.arraycopy(x, i * cols, y, (i * k + r) * cols, cols);
      }
    }
  }

  static Tensor transpose(Tensor a) {
    if (a.isFloat32()) {
      return ViaFloat64.apply("transpose", in -> transpose(in[0]), a);
    }
    DMatrixRMaj out = CommonOps_DDRM.transpose(a.value(), null);
    return Tensor.result("transpose", out, g -> {
      DMatrixRMaj gx = a.gradBuffer();
      int rows = a.rows();
      int cols = a.cols();
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++) {
          gx.data[i * cols + j] += g.data[j * rows + i];
        }
      }
    }, a);
  }
}
