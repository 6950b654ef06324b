package org.latentj.inference.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.MultivariateNormalDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.tensor.Rngs;

class ProbabilisticPcaTest {

  /** n rows of x = W z + m + 0.6 eps with d = 6, k = 2. */
  static DMatrixRMaj synthetic(UniformRandomProvider rng, int n, double noiseSd) {
    int d = 6;
    int k = 2;
    DMatrixRMaj w = Rngs.standardNormal(rng, d, k);
    DMatrixRMaj x = new DMatrixRMaj(n, d);
    for (int r = 0; r < n; r++) {
      DMatrixRMaj z = Rngs.standardNormal(rng, k, 1);
      DMatrixRMaj e = Rngs.standardNormal(rng, d, 1);
      for (int i = 0; i < d; i++) {
        double v = 1.5 + noiseSd * e.get(i);
        for (int j = 0; j < k; j++) {
          v += w.get(i, j) * z.get(j);
        }
        x.set(r, i, v);
      }
    }
    return x;
  }

  @Test
  void exactLogLikelihoodMatchesTheMarginalGaussianDensity() {
    DMatrixRMaj x = synthetic(Rngs.create(3), 500, 0.6);
    ProbabilisticPca p = ProbabilisticPca.fit(x, 2);
    DMatrixRMaj c = p.marginalCovariance();
    double[][] cov = new double[6][6];
    for (int i = 0; i < 6; i++) {
      for (int j = 0; j < 6; j++) {
        cov[i][j] = c.get(i, j);
      }
    }
    MultivariateNormalDistribution mvn =
        new MultivariateNormalDistribution(p.mean().data.clone(), cov);
    double sum = 0;
    for (int r = 0; r < x.numRows; r++) {
      double[] row = new double[6];
      System.arraycopy(x.data, r * 6, row, 0, 6);
      sum += Math.log(mvn.density(row));
    }
    assertThat(p.meanLogLikelihood(x)).isCloseTo(sum / x.numRows, within(1e-9));
  }

  @Test
  void maximumLikelihoodBeatsPerturbedParameters() {
    DMatrixRMaj x = synthetic(Rngs.create(4), 400, 0.6);
    ProbabilisticPca best = ProbabilisticPca.fit(x, 2);
    double top = best.meanLogLikelihood(x);
    UniformRandomProvider rng = Rngs.create(5);
    for (int trial = 0; trial < 10; trial++) {
      DMatrixRMaj w = best.loading().copy();
      for (int i = 0; i < w.data.length; i++) {
        w.data[i] += 0.05 * Rngs.standardNormal(rng, 1, 1).get(0);
      }
      double s2 = best.noiseVariance() * (1 + 0.1 * (rng.nextDouble() - 0.5));
      assertThat(new ProbabilisticPca(w, best.mean(), s2).meanLogLikelihood(x)).isLessThan(top);
    }
  }

  @Test
  void withFixedNoiseTheDirectionsBelowItCollapse() {
    DMatrixRMaj x = synthetic(Rngs.create(6), 2000, 0.6);
    DMatrixRMaj s = ProbabilisticPca.covariance(x, ProbabilisticPca.columnMean(x));
    double[] eigen = new org.apache.commons.math3.linear.EigenDecomposition(
        new org.apache.commons.math3.linear.Array2DRowRealMatrix(toArray(s))).getRealEigenvalues();
    java.util.Arrays.sort(eigen); // ascending; the top two carry the signal
    // A noise variance between the 2nd and 1st largest eigenvalue: exactly one direction stays.
    double between = 0.5 * (eigen[4] + eigen[5]);
    ProbabilisticPca p = ProbabilisticPca.fit(x, 2, between);
    assertThat(p.collapsedDimensions()).isEqualTo(1);
    assertThat(p.noiseVariance()).isEqualTo(between);
    // Learned noise never collapses: s^2 is the mean of the discarded eigenvalues.
    assertThat(ProbabilisticPca.fit(x, 2).collapsedDimensions()).isZero();
    // A fixed noise above every eigenvalue collapses everything.
    assertThat(ProbabilisticPca.fit(x, 2, eigen[5] * 2).collapsedDimensions()).isEqualTo(2);
  }

  private static double[][] toArray(DMatrixRMaj m) {
    double[][] a = new double[m.numRows][m.numCols];
    for (int i = 0; i < m.numRows; i++) {
      for (int j = 0; j < m.numCols; j++) {
        a[i][j] = m.get(i, j);
      }
    }
    return a;
  }
}
