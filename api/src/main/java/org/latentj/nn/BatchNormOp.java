package org.latentj.nn;

import org.ejml.data.DMatrixRMaj;
import org.latentj.tensor.DifferentiableOp;
import org.latentj.tensor.OpContext;

/**
 * Batch normalization of {@code x (n x C*P)} per channel {@code c}, over the {@code m = n P}
 * values of its columns {@code c*P .. c*P + P - 1} in every row, then a per-channel affine map:
 *
 * <pre>xhat = (x - mean_c) / sqrt(var_c + eps),   y = gamma_c xhat + beta_c</pre>
 *
 * Inputs {@code x}, {@code gamma (1 x C)}, {@code beta (1 x C)}. With batch statistics
 * ({@link #batch}) {@code mean_c} and the biased {@code var_c} are this minibatch's, so they
 * depend on {@code x}, and backward is
 * {@code dx = (1 / (m s)) (m dxhat - sum dxhat - xhat sum(dxhat xhat))} with
 * {@code dxhat = gamma dy}, {@code s = sqrt(var + eps)} (Ioffe &amp; Szegedy 2015). With fixed
 * statistics ({@link #fixed}, the running ones in evaluation) it is an affine map of {@code x}.
 */
final class BatchNormOp implements DifferentiableOp {

  private final int channels;
  private final int positions;
  private final double eps;
  /** Batch mode: where forward reports the statistics it used (Modified). Fixed: the ones to use. */
  private final double[] mean;
  private final double[] variance;
  private final boolean batchStatistics;

  private BatchNormOp(int channels, int positions, double eps, double[] mean, double[] variance,
      boolean batchStatistics) {
    this.channels = channels;
    this.positions = positions;
    this.eps = eps;
    this.mean = mean;
    this.variance = variance;
    this.batchStatistics = batchStatistics;
  }

  /** Normalizes by the minibatch's statistics and writes them into {@code mean}, {@code variance}. */
  static BatchNormOp batch(int channels, int positions, double eps, double[] mean,
      double[] variance) {
    return new BatchNormOp(channels, positions, eps, mean, variance, true);
  }

  /** Normalizes by the given statistics (Not modified). */
  static BatchNormOp fixed(int channels, int positions, double eps, double[] mean,
      double[] variance) {
    return new BatchNormOp(channels, positions, eps, mean, variance, false);
  }

  @Override
  public String name() {
    return batchStatistics ? "batchNorm" : "batchNorm(running statistics)";
  }

  @Override
  public DMatrixRMaj forward(OpContext ctx, DMatrixRMaj... in) {
    DMatrixRMaj x = in[0];
    double[] gamma = in[1].data;
    double[] beta = in[2].data;
    int n = x.numRows;
    int width = x.numCols;
    if (batchStatistics) {
      double m = (double) n * positions;
      for (int c = 0; c < channels; c++) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
          int from = i * width + c * positions;
          for (int j = from; j < from + positions; j++) {
            sum += x.data[j];
          }
        }
        double mu = sum / m;
        double ss = 0;
        for (int i = 0; i < n; i++) {
          int from = i * width + c * positions;
          for (int j = from; j < from + positions; j++) {
            double d = x.data[j] - mu;
            ss += d * d;
          }
        }
        mean[c] = mu;
        variance[c] = ss / m;
      }
    }
    DMatrixRMaj xhat = new DMatrixRMaj(n, width);
    DMatrixRMaj y = new DMatrixRMaj(n, width);
    double[] invStd = new double[channels];
    for (int c = 0; c < channels; c++) {
      invStd[c] = 1 / Math.sqrt(variance[c] + eps);
      for (int i = 0; i < n; i++) {
        int from = i * width + c * positions;
        for (int j = from; j < from + positions; j++) {
          double h = (x.data[j] - mean[c]) * invStd[c];
          xhat.data[j] = h;
          y.data[j] = gamma[c] * h + beta[c];
        }
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
    int n = gradOut.numRows;
    int width = gradOut.numCols;
    double m = (double) n * positions;
    for (int c = 0; c < channels; c++) {
      double sumG = 0;
      double sumGx = 0;
      for (int i = 0; i < n; i++) {
        int from = i * width + c * positions;
        for (int j = from; j < from + positions; j++) {
          sumG += gradOut.data[j];
          sumGx += gradOut.data[j] * xhat.data[j];
        }
      }
      if (grads[1] != null) {
        grads[1].data[c] += sumGx;
      }
      if (grads[2] != null) {
        grads[2].data[c] += sumG;
      }
      if (grads[0] == null) {
        continue;
      }
      double scale = gamma[c] * invStd[c];
      for (int i = 0; i < n; i++) {
        int from = i * width + c * positions;
        for (int j = from; j < from + positions; j++) {
          grads[0].data[j] += batchStatistics
              ? scale * (gradOut.data[j] - sumG / m - xhat.data[j] * sumGx / m)
              : scale * gradOut.data[j];
        }
      }
    }
  }
}
