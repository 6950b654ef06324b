package org.latentj.tensor;

import org.ejml.data.DMatrixRMaj;

/**
 * Sums and log-sum-exps over all elements, rows, columns, and groups of rows; float32 tensors go
 * to {@link Float32Reductions}.
 */
final class Reductions {

  private Reductions() {}

  static Tensor sum(Tensor a) {
    if (a.isFloat32()) {
      return Float32Reductions.sum(a);
    }
    double[] x = a.value().data;
    int n = a.size();
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += x[i];
    }
    return Tensor.result("sum", new DMatrixRMaj(1, 1, true, s), g -> {
      double[] gx = a.gradBuffer().data;
      double g0 = g.data[0];
      for (int i = 0; i < n; i++) {
        gx[i] += g0;
      }
    }, a);
  }

  static Tensor rowSums(Tensor a) {
    if (a.isFloat32()) {
      return Float32Reductions.rowSums(a);
    }
    int rows = a.rows();
    int cols = a.cols();
    double[] x = a.value().data;
    DMatrixRMaj out = Workspace.doubles(rows, 1);
    for (int i = 0, k = 0; i < rows; i++) {
      double s = 0;
      for (int j = 0; j < cols; j++, k++) {
        s += x[k];
      }
      out.data[i] = s;
    }
    return Tensor.result("rowSums", out, g -> {
      double[] gx = a.gradBuffer().data;
      for (int i = 0, k = 0; i < rows; i++) {
        double gi = g.data[i];
        for (int j = 0; j < cols; j++, k++) {
          gx[k] += gi;
        }
      }
    }, a);
  }

  static Tensor columnSums(Tensor a) {
    if (a.isFloat32()) {
      return Float32Reductions.columnSums(a);
    }
    int rows = a.rows();
    int cols = a.cols();
    double[] x = a.value().data;
    DMatrixRMaj out = Workspace.doubles(1, cols);
    double[] y = out.data;
    for (int i = 0, k = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++, k++) {
        y[j] += x[k];
      }
    }
    return Tensor.result("columnSums", out, g -> {
      double[] gx = a.gradBuffer().data;
      for (int i = 0, k = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++, k++) {
          gx[k] += g.data[j];
        }
      }
    }, a);
  }

  static Tensor rowLogSumExp(Tensor a) {
    if (a.isFloat32()) {
      return Float32Reductions.rowLogSumExp(a);
    }
    int rows = a.rows();
    int cols = a.cols();
    double[] x = a.value().data;
    DMatrixRMaj out = Workspace.doubles(rows, 1);
    for (int i = 0; i < rows; i++) {
      int base = i * cols;
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < cols; j++) {
        max = Math.max(max, x[base + j]);
      }
      out.data[i] = logSumExpGivenMax(x, base, 1, cols, max);
    }
    return Tensor.result("rowLogSumExp", out, g -> {
      double[] gx = a.gradBuffer().data;
      for (int i = 0; i < rows; i++) {
        double yi = out.data[i];
        if (yi == Double.NEGATIVE_INFINITY) {
          continue; // every term is exp(-inf) = 0: no gradient flows
        }
        int base = i * cols;
        double gi = g.data[i];
        for (int j = 0; j < cols; j++) {
          gx[base + j] += gi * Math.exp(x[base + j] - yi);
        }
      }
    }, a);
  }

  static Tensor groupSum(Tensor a, int k) {
    requireGroups("groupSum", a, k);
    if (a.isFloat32()) {
      return Float32Reductions.groupSum(a, k);
    }
    int groups = a.rows() / k;
    int cols = a.cols();
    double[] x = a.value().data;
    DMatrixRMaj out = Workspace.doubles(groups, cols);
    double[] y = out.data;
    for (int r = 0; r < a.rows(); r++) {
      int src = r * cols;
      int dst = (r / k) * cols;
      for (int j = 0; j < cols; j++) {
        y[dst + j] += x[src + j];
      }
    }
    return Tensor.result("groupSum", out, g -> {
      double[] gx = a.gradBuffer().data;
      for (int r = 0; r < a.rows(); r++) {
        int src = r * cols;
        int dst = (r / k) * cols;
        for (int j = 0; j < cols; j++) {
          gx[src + j] += g.data[dst + j];
        }
      }
    }, a);
  }

  static Tensor groupLogSumExp(Tensor a, int k) {
    requireGroups("groupLogSumExp", a, k);
    if (a.isFloat32()) {
      return Float32Reductions.groupLogSumExp(a, k);
    }
    int groups = a.rows() / k;
    int cols = a.cols();
    double[] x = a.value().data;
    DMatrixRMaj out = Workspace.doubles(groups, cols);
    for (int gi = 0; gi < groups; gi++) {
      int base = gi * k * cols;
      for (int j = 0; j < cols; j++) {
        double max = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < k; r++) {
          max = Math.max(max, x[base + r * cols + j]);
        }
        out.data[gi * cols + j] = logSumExpGivenMax(x, base + j, cols, k, max);
      }
    }
    return Tensor.result("groupLogSumExp", out, g -> {
      double[] gx = a.gradBuffer().data;
      for (int gi = 0; gi < groups; gi++) {
        int base = gi * k * cols;
        for (int j = 0; j < cols; j++) {
          double y = out.data[gi * cols + j];
          if (y == Double.NEGATIVE_INFINITY) {
            continue;
          }
          double gy = g.data[gi * cols + j];
          for (int r = 0; r < k; r++) {
            int idx = base + r * cols + j;
            gx[idx] += gy * Math.exp(x[idx] - y);
          }
        }
      }
    }, a);
  }

  /** {@code log sum exp} of {@code count} values starting at {@code start}, {@code stride} apart. */
  private static double logSumExpGivenMax(double[] x, int start, int stride, int count,
      double max) {
    if (max == Double.NEGATIVE_INFINITY || max == Double.POSITIVE_INFINITY) {
      return max;
    }
    double s = 0;
    for (int i = 0, idx = start; i < count; i++, idx += stride) {
      s += Math.exp(x[idx] - max);
    }
    return max + Math.log(s);
  }

  private static void requireGroups(String op, Tensor a, int k) {
    if (k < 1 || a.rows() % k != 0) {
      throw new IllegalArgumentException(op + ": " + a.shape() + " has " + a.rows()
          + " rows, which cannot be split into groups of " + k);
    }
  }
}
