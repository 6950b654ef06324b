package org.latentj.examples.reproduction;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.latentj.tensor.Rngs;

/**
 * Gaussian data with a known spectrum, for the linear-Gaussian checks: {@code x = m + e L^(1/2)
 * Q^T} with {@code e ~ N(0, I_d)}, {@code L = diag(eigenvalues)}, {@code Q} a random orthogonal
 * matrix (the Q of a QR decomposition of a standard-normal matrix) and {@code m ~ N(0, I)}, so
 * the population covariance is {@code Q L Q^T}. Everything is drawn from one seeded generator.
 */
final class PpcaData {

  private PpcaData() {}

  /** {@code n} rows of {@code d = eigenvalues.length} columns (eigenvalues finite, positive). */
  static DMatrixRMaj sample(double[] eigenvalues, int n, long seed) {
    int d = eigenvalues.length;
    if (d < 2 || n < 2) {
      throw new IllegalArgumentException("PpcaData: need at least 2 eigenvalues and 2 rows, got "
          + d + " and " + n);
    }
    for (int i = 0; i < d; i++) {
      if (!(eigenvalues[i] > 0) || Double.isInfinite(eigenvalues[i])) {
        throw new IllegalArgumentException("PpcaData: eigenvalue " + i + " must be finite and"
            + " positive, got " + eigenvalues[i]);
      }
    }
    var rng = Rngs.create(seed);
    QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(d, d);
    qr.decompose(Rngs.standardNormal(rng, d, d));
    DMatrixRMaj q = qr.getQ(null, false);
    DMatrixRMaj mean = Rngs.standardNormal(rng, 1, d);
    DMatrixRMaj e = Rngs.standardNormal(rng, n, d);
    for (int r = 0; r < n; r++) {
      for (int j = 0; j < d; j++) {
        e.data[r * d + j] *= Math.sqrt(eigenvalues[j]);
      }
    }
    DMatrixRMaj x = new DMatrixRMaj(n, d);
    CommonOps_DDRM.multTransB(e, q, x);
    for (int r = 0; r < n; r++) {
      for (int j = 0; j < d; j++) {
        x.data[r * d + j] += mean.data[j];
      }
    }
    return x;
  }

  /**
   * The eigenvalues of the sample covariance {@code (1/N) sum_n (x_n - xbar)^T (x_n - xbar)}
   * (the maximum-likelihood one pPCA uses), largest first.
   */
  static double[] sampleEigenvalues(DMatrixRMaj x) {
    int n = x.numRows;
    int d = x.numCols;
    DMatrixRMaj centred = x.copy();
    DMatrixRMaj mean = new DMatrixRMaj(1, d);
    CommonOps_DDRM.sumCols(x, mean);
    for (int r = 0; r < n; r++) {
      for (int j = 0; j < d; j++) {
        centred.data[r * d + j] -= mean.data[j] / n;
      }
    }
    DMatrixRMaj s = new DMatrixRMaj(d, d);
    CommonOps_DDRM.multTransA(centred, centred, s);
    CommonOps_DDRM.scale(1.0 / n, s);
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, false, true);
    if (!eig.decompose(s)) {
      throw new IllegalStateException("PpcaData: eigen-decomposition of the sample covariance"
          + " failed");
    }
    double[] values = new double[d];
    for (int i = 0; i < d; i++) {
      values[i] = eig.getEigenvalue(i).getReal();
    }
    Arrays.sort(values);
    for (int i = 0; i < d / 2; i++) {
      double t = values[i];
      values[i] = values[d - 1 - i];
      values[d - 1 - i] = t;
    }
    return values;
  }

  /**
   * The number of latent directions a {@code k}-dimensional pPCA with noise variance
   * {@code sigma2} fixed collapses at its maximum likelihood: {@code #{i <= k : lambda_i <=
   * sigma2}} (Tipping &amp; Bishop 1999, section 3.2; Lucas et al. 2019, section 4), with
   * {@code lambda} the sample eigenvalues, largest first.
   */
  static int predictedCollapsed(double[] sampleEigenvalues, int k, double sigma2) {
    int count = 0;
    for (int i = 0; i < k; i++) {
      if (sampleEigenvalues[i] <= sigma2) {
        count++;
      }
    }
    return count;
  }
}
