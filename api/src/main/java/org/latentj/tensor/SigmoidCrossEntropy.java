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
 * <p>float32: the same pass on float arrays; each row's sum is formed in float64 and rounded
 * once, so the 784-term sums of an image lose no more than their terms' rounding.
 *
 * <p>With the Vector API ({@link VectorApi}) the forward rows run in {@link VectorBernoulliRows}:
 * vector {@code exp} and {@code log1p}, float32 terms in float lanes, float64 terms in double
 * lanes; within the bounds that {@code VectorBernoulliRowsTest} states, not bit for bit with the
 * scalar form.
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
    ROWS.rows(l, v, rows, cols, sigmoid, out.data);
    return Tensor.result("bernoulliLogLikelihoodRows", out, g -> {
      DMatrixRMaj gl = Tensor.gradOf(logits);
      DMatrixRMaj gx = Tensor.gradOf(x);
      // One loop per gradient, without a test inside, so the JIT vectorises each.
      for (int i = 0; i < rows; i++) {
        double gi = g.data[i];
        int end = (i + 1) * cols;
        if (gl != null) {
          double[] a = gl.data;
          for (int k = i * cols; k < end; k++) {
            a[k] += gi * (v[k] - sigmoid[k]);
          }
        }
        if (gx != null) {
          double[] a = gx.data;
          for (int k = i * cols; k < end; k++) {
            a[k] += gi * l[k];
          }
        }
      }
    }, logits, x);
  }
  /**
   * One row's {@code sum_j v_j l_j - softplus(l_j)} over the {@code cols} elements from
   * {@code k}; when {@code sigmoid} is not null, stores {@code sigmoid(l_j)} there at the same
   * indices. {@link VectorBernoulliRows} with the Vector API, else {@link #SCALAR}.
   */
  interface RowKernel {
    double row(double[] l, double[] v, int k, int cols, double[] sigmoid);

    /** The float32 row: the terms and their sum in float64, or at least the sum. */
    double row(float[] l, float[] v, int k, int cols, float[] sigmoid);

    /**
     * Every row of a {@code rows x cols} float32 block: {@code out[i]} is row {@code i}'s sum
     * rounded to float, {@code sigmoid} (when not null) every element's sigmoid.
     */
    default void rows(float[] l, float[] v, int rows, int cols, float[] sigmoid, float[] out) {
      for (int i = 0; i < rows; i++) {
        out[i] = (float) row(l, v, i * cols, cols, sigmoid);
      }
    }

    /**
     * Every row of a {@code rows x cols} float64 block: {@code out[i]} is row {@code i}'s sum,
     * {@code sigmoid} (when not null) every element's sigmoid.
     */
    default void rows(double[] l, double[] v, int rows, int cols, double[] sigmoid,
        double[] out) {
      for (int i = 0; i < rows; i++) {
        out[i] = row(l, v, i * cols, cols, sigmoid);
      }
    }

    /** The scalar form: the reference, and the fallback without the Vector API. */
    RowKernel SCALAR = new RowKernel() {
      @Override
      public double row(double[] l, double[] v, int k, int cols, double[] sigmoid) {
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

      @Override
      public double row(float[] l, float[] v, int k, int cols, float[] sigmoid) {
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
    };
  }

  /** The row kernel in use: the Vector API's when the JVM has it. */
  static final RowKernel ROWS = rowKernel();

  private static RowKernel rowKernel() {
    RowKernel vector = VectorApi.loadOrNull("org.latentj.tensor.VectorBernoulliRows",
        RowKernel.class);
    return vector != null ? vector : RowKernel.SCALAR;
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
    ROWS.rows(l, v, rows, cols, sigmoid, out.data);
    return Tensor.result("bernoulliLogLikelihoodRows", out, g -> {
      FMatrixRMaj gl = Tensor.gradOfF(logits);
      FMatrixRMaj gx = Tensor.gradOfF(x);
      // One loop per gradient, without a test inside, so the JIT vectorises each.
      for (int i = 0; i < rows; i++) {
        float gi = g.data[i];
        int end = (i + 1) * cols;
        if (gl != null) {
          float[] a = gl.data;
          for (int k = i * cols; k < end; k++) {
            a[k] += gi * (v[k] - sigmoid[k]);
          }
        }
        if (gx != null) {
          float[] a = gx.data;
          for (int k = i * cols; k < end; k++) {
            a[k] += gi * l[k];
          }
        }
      }
    }, logits, x);
  }
}
