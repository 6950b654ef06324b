package org.latentj.distributions;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/** Plain-double helpers for the references of the tests: log-sum-exp, rows of matrices. */
final class References {

  private References() {}

  /** {@code log sum_k exp(l_k)}, shifted by the maximum so it cannot overflow. */
  static double logSumExp(double[] l) {
    double max = Arrays.stream(l).max().orElseThrow();
    double s = 0;
    for (double v : l) {
      s += Math.exp(v - max);
    }
    return max + Math.log(s);
  }

  /** {@code l - logSumExp(l)}. */
  static double[] logSoftmax(double[] l) {
    double lse = logSumExp(l);
    return Arrays.stream(l).map(v -> v - lse).toArray();
  }

  /** {@code exp(logSoftmax(l))}. */
  static double[] softmax(double[] l) {
    return Arrays.stream(logSoftmax(l)).map(Math::exp).toArray();
  }

  /** Row {@code i} of {@code m}. */
  static double[] row(DMatrixRMaj m, int i) {
    return Arrays.copyOfRange(m.data, i * m.numCols, (i + 1) * m.numCols);
  }

  /** Row {@code i} of {@code m} as a {@code 1 x cols} matrix. */
  static DMatrixRMaj rowMatrix(DMatrixRMaj m, int i) {
    return new DMatrixRMaj(1, m.numCols, true, row(m, i));
  }
}
