package org.latentj.nn;

import org.ejml.data.DMatrixRMaj;
import org.latentj.tensor.DifferentiableOp;
import org.latentj.tensor.OpContext;

/**
 * Layer normalization of each row of {@code x (n x D)} over its {@code D} features, then a
 * per-feature affine map (Ba, Kiros &amp; Hinton 2016):
 *
 * <pre>xhat_ij = (x_ij - mean_i) / sqrt(var_i + eps),   y_ij = gamma_j xhat_ij + beta_j</pre>
 *
 * with the row's mean and biased variance. Inputs {@code x}, {@code gamma (1 x D)},
 * {@code beta (1 x D)}. Backward per row: {@code dx = (1 / (D s)) (D dxhat - sum dxhat -
 * xhat sum(dxhat xhat))} with {@code dxhat_j = gamma_j dy_j}.
 */
final class LayerNormOp implements DifferentiableOp {

  private final double eps;

  LayerNormOp(double eps) {
    this.eps = eps;
  }

  @Override
  public String name() {
    return "layerNorm";
  }

  @Override
  public DMatrixRMaj forward(OpContext ctx, DMatrixRMaj... in) {
    DMatrixRMaj x = in[0];
    double[] gamma = in[1].data;
    double[] beta = in[2].data;
    int d = x.numCols;
    DMatrixRMaj xhat = new DMatrixRMaj(x.numRows, d);
    DMatrixRMaj y = new DMatrixRMaj(x.numRows, d);
    double[] invStd = new double[x.numRows];
    for (int i = 0; i < x.numRows; i++) {
      int row = i * d;
      double sum = 0;
      for (int j = 0; j < d; j++) {
        sum += x.data[row + j];
      }
      double mu = sum / d;
      double ss = 0;
      for (int j = 0; j < d; j++) {
        double r = x.data[row + j] - mu;
        ss += r * r;
      }
      invStd[i] = 1 / Math.sqrt(ss / d + eps);
      for (int j = 0; j < d; j++) {
        double h = (x.data[row + j] - mu) * invStd[i];
        xhat.data[row + j] = h;
        y.data[row + j] = gamma[j] * h + beta[j];
      }
    }
    ctx.save(xhat, invStd);
    return y;
  }

  @Override
  public void backward(OpContext ctx, DMatrixRMaj gradOut, DMatrixRMaj... grads) {
    DMatrixRMaj xhat = ctx.saved(0);
    double[] invStd = ctx.saved(1, double[].class);
    double[] gamma = ctx.input(1).data;
    int d = gradOut.numCols;
    for (int i = 0; i < gradOut.numRows; i++) {
      int row = i * d;
      double sumG = 0;
      double sumGx = 0;
      for (int j = 0; j < d; j++) {
        double g = gradOut.data[row + j];
        double gh = g * gamma[j];
        sumG += gh;
        sumGx += gh * xhat.data[row + j];
        if (grads[1] != null) {
          grads[1].data[j] += g * xhat.data[row + j];
        }
        if (grads[2] != null) {
          grads[2].data[j] += g;
        }
      }
      if (grads[0] != null) {
        for (int j = 0; j < d; j++) {
          double gh = gradOut.data[row + j] * gamma[j];
          grads[0].data[row + j] += invStd[i] * (gh - sumG / d - xhat.data[row + j] * sumGx / d);
        }
      }
    }
  }
}
