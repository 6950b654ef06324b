package org.latentj.inference.objectives;

import org.ejml.data.DMatrixRMaj;

/**
 * EM for a mixture of unit-variance Gaussians (Dempster, Laird &amp; Rubin 1977), the reference
 * the enumerated bound's optimum is checked against: E-step responsibilities
 * {@code r_ik ~ pi_k N(x_i; mu_k, I)}, M-step {@code pi_k = mean_i r_ik},
 * {@code mu_k = sum_i r_ik x_i / sum_i r_ik}, iterated until the log-likelihood stops moving.
 */
final class ExpectationMaximization {

  private ExpectationMaximization() {}

  /** Runs EM from the given start (Modified: left at the optimum); returns log p(x) per point. */
  static double fit(DMatrixRMaj x, double[][] means, double[] weights) {
    int n = x.numRows;
    int d = x.numCols;
    int k = weights.length;
    double previous = Double.NEGATIVE_INFINITY;
    double[][] r = new double[n][k];
    for (int iteration = 0; iteration < 10_000; iteration++) {
      double ll = 0;
      for (int i = 0; i < n; i++) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
          double sq = 0;
          for (int c = 0; c < d; c++) {
            double e = x.get(i, c) - means[j][c];
            sq += e * e;
          }
          r[i][j] = Math.log(weights[j]) - 0.5 * sq - 0.5 * d * Math.log(2 * Math.PI);
          max = Math.max(max, r[i][j]);
        }
        double total = 0;
        for (int j = 0; j < k; j++) {
          r[i][j] = Math.exp(r[i][j] - max);
          total += r[i][j];
        }
        for (int j = 0; j < k; j++) {
          r[i][j] /= total;
        }
        ll += max + Math.log(total);
      }
      ll /= n;
      for (int j = 0; j < k; j++) {
        double mass = 0;
        double[] sum = new double[d];
        for (int i = 0; i < n; i++) {
          mass += r[i][j];
          for (int c = 0; c < d; c++) {
            sum[c] += r[i][j] * x.get(i, c);
          }
        }
        weights[j] = mass / n;
        for (int c = 0; c < d; c++) {
          means[j][c] = sum[c] / mass;
        }
      }
      if (ll - previous < 1e-13) {
        return ll;
      }
      previous = ll;
    }
    throw new IllegalStateException("EM did not converge");
  }
}
