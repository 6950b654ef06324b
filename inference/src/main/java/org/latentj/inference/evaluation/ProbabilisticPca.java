package org.latentj.inference.evaluation;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Probabilistic PCA, the linear-Gaussian model whose likelihood is known exactly (Tipping &amp;
 * Bishop 1999): {@code z ~ N(0, I_k)}, {@code x | z ~ N(W z + m, s^2 I_d)}, so
 * {@code x ~ N(m, C)} with {@code C = W W^T + s^2 I}.
 *
 * <p>{@link #fit} gives the maximum-likelihood solution from the sample covariance's
 * eigen-decomposition: {@code m} the mean, {@code s^2} the mean of the discarded eigenvalues,
 * {@code W = U_k (L_k - s^2 I)^(1/2)}; directions whose eigenvalue does not exceed {@code s^2}
 * collapse to zero columns. A VAE with a linear decoder and a Gaussian likelihood can reach this
 * maximum (Lucas et al. 2019), which makes it a test of the whole engine.
 *
 * @param loading {@code W}, {@code d x k}
 * @param mean {@code m}, {@code 1 x d}
 * @param noiseVariance {@code s^2}
 */
public record ProbabilisticPca(DMatrixRMaj loading, DMatrixRMaj mean, double noiseVariance) {

  /** The maximum-likelihood pPCA with {@code k} latent dimensions for the rows of {@code x}. */
  public static ProbabilisticPca fit(DMatrixRMaj x, int k) {
    return fit(x, k, Double.NaN);
  }

  /**
   * The maximum-likelihood {@code W} and {@code m} when the noise variance is held at
   * {@code noiseVariance} (NaN: learn it too). With a fixed noise, every direction whose
   * eigenvalue is at most {@code s^2} collapses: its column of W is zero, and a VAE's posterior
   * for that latent equals the prior there (Lucas et al. 2019). With learned noise this cannot
   * happen, since {@code s^2} is the mean of the discarded eigenvalues.
   */
  public static ProbabilisticPca fit(DMatrixRMaj x, int k, double fixedNoiseVariance) {
    int d = x.numCols;
    if (!Double.isNaN(fixedNoiseVariance) && !(fixedNoiseVariance > 0)) {
      throw new IllegalArgumentException("ProbabilisticPca: noise variance must be positive, got "
          + fixedNoiseVariance);
    }
    if (k < 1 || k >= d) {
      throw new IllegalArgumentException("ProbabilisticPca: k must be in [1, " + (d - 1)
          + "], got " + k);
    }
    DMatrixRMaj mean = columnMean(x);
    DMatrixRMaj s = covariance(x, mean);
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
    if (!eig.decompose(s.copy())) {
      throw new IllegalStateException("ProbabilisticPca: eigen-decomposition failed");
    }
    Integer[] order = new Integer[d];
    for (int i = 0; i < d; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(
        eig.getEigenvalue(b).getReal(), eig.getEigenvalue(a).getReal()));
    double sigma2 = fixedNoiseVariance;
    if (Double.isNaN(sigma2)) {
      sigma2 = 0;
      for (int i = k; i < d; i++) {
        sigma2 += eig.getEigenvalue(order[i]).getReal();
      }
      sigma2 /= d - k;
    }
    DMatrixRMaj w = new DMatrixRMaj(d, k);
    for (int j = 0; j < k; j++) {
      double lambda = eig.getEigenvalue(order[j]).getReal();
      double scale = Math.sqrt(Math.max(0, lambda - sigma2));
      DMatrixRMaj u = eig.getEigenVector(order[j]);
      double norm = CommonOps_DDRM.elementSum(elementSquare(u));
      for (int i = 0; i < d; i++) {
        w.set(i, j, u.get(i) / Math.sqrt(norm) * scale);
      }
    }
    return new ProbabilisticPca(w, mean, sigma2);
  }

  /** {@code C = W W^T + s^2 I}, the marginal covariance of x. */
  public DMatrixRMaj marginalCovariance() {
    int d = loading.numRows;
    DMatrixRMaj c = new DMatrixRMaj(d, d);
    CommonOps_DDRM.multTransB(loading, loading, c);
    for (int i = 0; i < d; i++) {
      c.add(i, i, noiseVariance);
    }
    return c;
  }

  /**
   * The exact mean log-likelihood per row of {@code x} under this model:
   * {@code -1/2 [ d log(2 pi) + log det C + tr(C^-1 S) ]} with S the second moment of x about
   * {@code m} (the sample covariance when m is the data's mean).
   */
  public double meanLogLikelihood(DMatrixRMaj x) {
    int d = loading.numRows;
    if (x.numCols != d) {
      throw new IllegalArgumentException("meanLogLikelihood: data has " + x.numCols
          + " columns, the model " + d);
    }
    DMatrixRMaj c = marginalCovariance();
    CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(d, true);
    if (!chol.decompose(c.copy())) {
      throw new IllegalStateException("meanLogLikelihood: C is not positive definite");
    }
    double logDet = 0;
    DMatrixRMaj l = chol.getT(null);
    for (int i = 0; i < d; i++) {
      logDet += 2 * Math.log(l.get(i, i));
    }
    DMatrixRMaj cInv = new DMatrixRMaj(d, d);
    CommonOps_DDRM.invert(c, cInv);
    DMatrixRMaj s = covariance(x, mean);
    double trace = 0;
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        trace += cInv.get(i, j) * s.get(j, i);
      }
    }
    return -0.5 * (d * Math.log(2 * Math.PI) + logDet + trace);
  }

  /** The number of latent directions that collapsed (zero columns of W). */
  public int collapsedDimensions() {
    int count = 0;
    for (int j = 0; j < loading.numCols; j++) {
      double norm = 0;
      for (int i = 0; i < loading.numRows; i++) {
        norm += loading.get(i, j) * loading.get(i, j);
      }
      if (norm == 0) {
        count++;
      }
    }
    return count;
  }

  static DMatrixRMaj columnMean(DMatrixRMaj x) {
    DMatrixRMaj mean = new DMatrixRMaj(1, x.numCols);
    CommonOps_DDRM.sumCols(x, mean);
    CommonOps_DDRM.scale(1.0 / x.numRows, mean);
    return mean;
  }

  /** {@code (1/N) sum_n (x_n - m)^T (x_n - m)}. */
  static DMatrixRMaj covariance(DMatrixRMaj x, DMatrixRMaj mean) {
    int n = x.numRows;
    int d = x.numCols;
    DMatrixRMaj centred = new DMatrixRMaj(n, d);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        centred.set(i, j, x.get(i, j) - mean.get(0, j));
      }
    }
    DMatrixRMaj s = new DMatrixRMaj(d, d);
    CommonOps_DDRM.multTransA(centred, centred, s);
    CommonOps_DDRM.scale(1.0 / n, s);
    return s;
  }

  private static DMatrixRMaj elementSquare(DMatrixRMaj u) {
    DMatrixRMaj sq = u.copy();
    CommonOps_DDRM.elementMult(sq, u);
    return sq;
  }
}
