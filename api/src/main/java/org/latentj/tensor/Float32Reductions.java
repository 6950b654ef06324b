package org.latentj.tensor;

import org.ejml.data.FMatrixRMaj;

/**
 * The float32 loops of {@link Reductions}, on {@code float[]} directly. Each sum accumulates in
 * float64 and is rounded once, so a sum over a whole minibatch (10^5 terms) is as accurate as
 * its float64 twin up to that one rounding; gradients, which only spread values, stay in float.
 * Arguments are checked by {@link Reductions} before it calls here.
 */
final class Float32Reductions {

  private Float32Reductions() {}

  static Tensor sum(Tensor a) {
    float[] x = a.valueF().data;
    int n = a.size();
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += x[i];
    }
    return Tensor.result("sum", new FMatrixRMaj(1, 1, true, (float) s), g -> {
      float[] gx = a.gradBufferF().data;
      float g0 = g.data[0];
      for (int i = 0; i < n; i++) {
        gx[i] += g0;
      }
    }, a);
  }

  static Tensor rowSums(Tensor a) {
    int rows = a.rows();
    int cols = a.cols();
    float[] x = a.valueF().data;
    FMatrixRMaj out = Workspace.floats(rows, 1);
    for (int i = 0, k = 0; i < rows; i++) {
      double s = 0;
      for (int j = 0; j < cols; j++, k++) {
        s += x[k];
      }
      out.data[i] = (float) s;
    }
    return Tensor.result("rowSums", out, g -> {
      float[] gx = a.gradBufferF().data;
      for (int i = 0, k = 0; i < rows; i++) {
        float gi = g.data[i];
        for (int j = 0; j < cols; j++, k++) {
          gx[k] += gi;
        }
      }
    }, a);
  }

  static Tensor columnSums(Tensor a) {
    int rows = a.rows();
    int cols = a.cols();
    float[] x = a.valueF().data;
    double[] s = new double[cols];
    for (int i = 0, k = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++, k++) {
        s[j] += x[k];
      }
    }
    FMatrixRMaj out = Workspace.floats(1, cols);
    Storage.narrow(s, out.data, cols);
    return Tensor.result("columnSums", out, g -> {
      float[] gx = a.gradBufferF().data;
      for (int i = 0, k = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++, k++) {
          gx[k] += g.data[j];
        }
      }
    }, a);
  }

  static Tensor rowLogSumExp(Tensor a) {
    int rows = a.rows();
    int cols = a.cols();
    float[] x = a.valueF().data;
    FMatrixRMaj out = Workspace.floats(rows, 1);
    double[] lse = new double[rows]; // kept unrounded: the gradient's softmax divides by it
    for (int i = 0; i < rows; i++) {
      int base = i * cols;
      float max = Float.NEGATIVE_INFINITY;
      for (int j = 0; j < cols; j++) {
        max = Math.max(max, x[base + j]);
      }
      lse[i] = logSumExpGivenMax(x, base, 1, cols, max);
      out.data[i] = (float) lse[i];
    }
    return Tensor.result("rowLogSumExp", out, g -> {
      float[] gx = a.gradBufferF().data;
      for (int i = 0; i < rows; i++) {
        double yi = lse[i];
        if (yi == Double.NEGATIVE_INFINITY) {
          continue; // every term is exp(-inf) = 0: no gradient flows
        }
        int base = i * cols;
        double gi = g.data[i];
        for (int j = 0; j < cols; j++) {
          gx[base + j] += (float) (gi * Math.exp(x[base + j] - yi));
        }
      }
    }, a);
  }

  static Tensor groupSum(Tensor a, int k) {
    int groups = a.rows() / k;
    int cols = a.cols();
    float[] x = a.valueF().data;
    double[] s = new double[groups * cols];
    for (int r = 0; r < a.rows(); r++) {
      int src = r * cols;
      int dst = (r / k) * cols;
      for (int j = 0; j < cols; j++) {
        s[dst + j] += x[src + j];
      }
    }
    FMatrixRMaj out = Workspace.floats(groups, cols);
    Storage.narrow(s, out.data, s.length);
    return Tensor.result("groupSum", out, g -> {
      float[] gx = a.gradBufferF().data;
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
    int groups = a.rows() / k;
    int cols = a.cols();
    float[] x = a.valueF().data;
    FMatrixRMaj out = Workspace.floats(groups, cols);
    double[] lse = new double[groups * cols];
    for (int gi = 0; gi < groups; gi++) {
      int base = gi * k * cols;
      for (int j = 0; j < cols; j++) {
        float max = Float.NEGATIVE_INFINITY;
        for (int r = 0; r < k; r++) {
          max = Math.max(max, x[base + r * cols + j]);
        }
        lse[gi * cols + j] = logSumExpGivenMax(x, base + j, cols, k, max);
        out.data[gi * cols + j] = (float) lse[gi * cols + j];
      }
    }
    return Tensor.result("groupLogSumExp", out, g -> {
      float[] gx = a.gradBufferF().data;
      for (int gi = 0; gi < groups; gi++) {
        int base = gi * k * cols;
        for (int j = 0; j < cols; j++) {
          double y = lse[gi * cols + j];
          if (y == Double.NEGATIVE_INFINITY) {
            continue;
          }
          double gy = g.data[gi * cols + j];
          for (int r = 0; r < k; r++) {
            int idx = base + r * cols + j;
            gx[idx] += (float) (gy * Math.exp(x[idx] - y));
          }
        }
      }
    }, a);
  }

  /** {@code log sum exp} of {@code count} values from {@code start}, {@code stride} apart. */
  private static double logSumExpGivenMax(float[] x, int start, int stride, int count,
      float max) {
    if (max == Float.NEGATIVE_INFINITY || max == Float.POSITIVE_INFINITY) {
      return max;
    }
    double s = 0;
    for (int i = 0, idx = start; i < count; i++, idx += stride) {
      s += Math.exp(x[idx] - (double) max);
    }
    return max + Math.log(s);
  }
}
