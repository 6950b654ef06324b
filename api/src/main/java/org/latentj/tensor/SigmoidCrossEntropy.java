package org.latentj.tensor;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;

/**
 * The Bernoulli log-likelihood on logits, summed over each row, as one op:
 *
 * <pre>out_i = sum_j x_ij l_ij - softplus(l_ij),   d/dl_ij = x_ij - sigmoid(l_ij),   d/dx_ij = l_ij</pre>
 *
 * (minus PyTorch's {@code binary_cross_entropy_with_logits}). Written as {@code x.mul(l)
 * .sub(l.softplus()).rowSums()} it takes four outputs, four passes and two exponentials per
 * element (softplus forward, sigmoid backward); here one output column, one pass forward, one
 * backward, and one exponential: {@code e = exp(-|l|)} gives both {@code softplus} and
 * {@code sigmoid}, and the forward pass keeps {@code sigmoid} for the backward one.
 *
 * <p>float32: the same pass on float arrays, each term and each row's sum formed in float64 and
 * rounded once, so the 784-term sums of an image lose no more than one rounding.
 */
final class SigmoidCrossEntropy {

  private SigmoidCrossEntropy() {}

  static Tensor rows(Tensor logits, Tensor x) {
    if (logits.rows() != x.rows() || logits.cols() != x.cols()) {
      throw new IllegalArgumentException("bernoulliLogLikelihoodRows: logits are "
          + logits.shape() + " but the values are " + x.shape() + "; they must match");
    }
    if (Tensor.requireSameDtype("bernoulliLogLikelihoodRows", logits, x) == DType.FLOAT32) {
      return rowsF(logits, x);
    }
    int rows = logits.rows();
    int cols = logits.cols();
    double[] l = logits.value().data;
    double[] v = x.value().data;
    boolean keepSigmoid = GradMode.isEnabled() && logits.requiresGrad();
    double[] sigmoid = keepSigmoid ? Workspace.doubles(rows, cols).data : null;
    DMatrixRMaj out = Workspace.doubles(rows, 1);
    for (int i = 0; i < rows; i++) {
      out.data[i] = row(l, v, i * cols, cols, sigmoid);
    }
    return Tensor.result("bernoulliLogLikelihoodRows", out, g -> {
      DMatrixRMaj gl = Tensor.gradOf(logits);
      DMatrixRMaj gx = Tensor.gradOf(x);
      for (int i = 0, k = 0; i < rows; i++) {
        double gi = g.data[i];
        for (int j = 0; j < cols; j++, k++) {
          if (gl != null) {
            gl.data[k] += gi * (v[k] - sigmoid[k]);
          }
          if (gx != null) {
            gx.data[k] += gi * l[k];
          }
        }
      }
    }, logits, x);
  }
  /**
   * {@code sum_j v_j l_j - softplus(l_j)} over the {@code cols} elements from {@code k}; when
   * {@code sigmoid} is not null, stores {@code sigmoid(l_j)} there at the same indices.
   */
  private static double row(double[] l, double[] v, int k, int cols, double[] sigmoid) {
    double s = 0;
    for (int j = 0; j < cols; j++, k++) {
      double li = l[k];
      double e = Math.exp(-Math.abs(li));
      s += v[k] * li - (Math.max(li, 0.0) + Pointwise.log1pUnit(e));
      if (sigmoid != null) {
        double r = 1.0 / (1.0 + e);
        sigmoid[k] = li >= 0 ? r : e * r;
      }
    }
    return s;
  }

  /** {@link #row} on float arrays: the terms and their sum in float64. */
  private static double rowF(float[] l, float[] v, int k, int cols, float[] sigmoid) {
    double s = 0;
    for (int j = 0; j < cols; j++, k++) {
      double li = l[k];
      double e = Math.exp(-Math.abs(li));
      s += v[k] * li - (Math.max(li, 0.0) + Pointwise.log1pUnit(e));
      if (sigmoid != null) {
        double r = 1.0 / (1.0 + e);
        sigmoid[k] = (float) (li >= 0 ? r : e * r);
      }
    }
    return s;
  }

  /**
   * float32: the same pass on float arrays, each element widened in a register, each row summed
   * in float64 and rounded once.
   */
  private static Tensor rowsF(Tensor logits, Tensor x) {
    int rows = logits.rows();
    int cols = logits.cols();
    float[] l = logits.valueF().data;
    float[] v = x.valueF().data;
    boolean keepSigmoid = GradMode.isEnabled() && logits.requiresGrad();
    float[] sigmoid = keepSigmoid ? Workspace.floats(rows, cols).data : null;
    FMatrixRMaj out = Workspace.floats(rows, 1);
    for (int i = 0; i < rows; i++) {
      out.data[i] = (float) rowF(l, v, i * cols, cols, sigmoid);
    }
    return Tensor.result("bernoulliLogLikelihoodRows", out, g -> {
      FMatrixRMaj gl = Tensor.gradOfF(logits);
      FMatrixRMaj gx = Tensor.gradOfF(x);
      for (int i = 0, k = 0; i < rows; i++) {
        float gi = g.data[i];
        for (int j = 0; j < cols; j++, k++) {
          if (gl != null) {
            gl.data[k] += gi * (v[k] - sigmoid[k]);
          }
          if (gx != null) {
            gx.data[k] += gi * l[k];
          }
        }
      }
    }, logits, x);
  }
}
