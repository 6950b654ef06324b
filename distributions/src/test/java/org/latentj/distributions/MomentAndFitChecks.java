package org.latentj.distributions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.ejml.data.DMatrixRMaj;

/** Goodness-of-fit tests and moment checks on seeded samples, shared by this package's tests. */
final class MomentAndFitChecks {

  /** A seeded test fails below this p-value; with fixed seeds a pass is reproducible. */
  static final double MIN_P_VALUE = 1e-3;

  private MomentAndFitChecks() {}

  /** Kolmogorov-Smirnov p-value of {@code u} against U(0, 1). */
  static double ksUniformPValue(double[] u) {
    return new KolmogorovSmirnovTest().kolmogorovSmirnovTest(
        new UniformRealDistribution(null, 0, 1), u, false);
  }

  /** A running chi-square statistic over several independent tables. */
  static final class ChiSquare {
    private double statistic;
    private int degreesOfFreedom;

    /**
     * Adds one table: {@code observed[b]} counts of {@code total} draws against probabilities
     * {@code p[b]} (summing to 1). Adjacent bins are merged until each expects at least 5.
     */
    ChiSquare add(long[] observed, double[] p) {
      long total = Arrays.stream(observed).sum();
      List<double[]> bins = new ArrayList<>(); // {expected, observed}
      double e = 0;
      long o = 0;
      for (int b = 0; b < p.length; b++) {
        e += p[b] * total;
        o += observed[b];
        if (e >= 5) {
          bins.add(new double[] {e, o});
          e = 0;
          o = 0;
        }
      }
      if (e > 0 || o > 0) {
        if (bins.isEmpty()) {
          bins.add(new double[] {e, o});
        } else {
          double[] last = bins.get(bins.size() - 1);
          last[0] += e;
          last[1] += o;
        }
      }
      double[] expected = new double[bins.size()];
      long[] counts = new long[bins.size()];
      for (int b = 0; b < expected.length; b++) {
        expected[b] = bins.get(b)[0];
        counts[b] = (long) bins.get(b)[1];
      }
      statistic += new ChiSquareTest().chiSquare(expected, counts);
      degreesOfFreedom += bins.size() - 1;
      return this;
    }

    /** The p-value of the pooled statistic (Commons Math's test, summed over the tables). */
    double pValue() {
      assertThat(degreesOfFreedom).as("chi-square degrees of freedom").isPositive();
      return 1 - new ChiSquaredDistribution(null, degreesOfFreedom).cumulativeProbability(
          statistic);
    }
  }

  /**
   * Each column's sample mean and variance of {@code samples} ({@code N x d}) lie within 4
   * standard errors of {@code mean} and {@code variance} ({@code 1 x d} or more rows; row 0 is
   * used). The variance's standard error is {@code sqrt((m4 - s^4) / N)}.
   */
  static void assertMomentsMatch(String what, DMatrixRMaj samples, DMatrixRMaj mean,
      DMatrixRMaj variance) {
    int n = samples.numRows;
    int d = samples.numCols;
    for (int j = 0; j < d; j++) {
      double m = 0;
      for (int i = 0; i < n; i++) {
        m += samples.get(i, j);
      }
      m /= n;
      double m2 = 0;
      double m4 = 0;
      for (int i = 0; i < n; i++) {
        double c = samples.get(i, j) - m;
        m2 += c * c;
        m4 += c * c * c * c;
      }
      m2 /= n;
      m4 /= n;
      double meanError = Math.sqrt(m2 / n);
      double varianceError = Math.sqrt(Math.max(m4 - m2 * m2, 0) / n);
      assertThat(m).as("%s: sample mean of column %d", what, j)
          .isCloseTo(mean.get(0, j), org.assertj.core.data.Offset.offset(4 * meanError + 1e-12));
      assertThat(m2 * n / (n - 1)).as("%s: sample variance of column %d", what, j)
          .isCloseTo(variance.get(0, j),
              org.assertj.core.data.Offset.offset(4 * varianceError + 1e-12));
    }
  }

  /** The sample mean. */
  static double average(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  /** The standard error of the sample mean, {@code sqrt(s^2 / n)} with the unbiased {@code s^2}. */
  static double standardError(double[] x) {
    double mean = average(x);
    double s = 0;
    for (double v : x) {
      s += (v - mean) * (v - mean);
    }
    return Math.sqrt(s / (x.length - 1) / x.length);
  }

  /** Column {@code j} of {@code m}. */
  static double[] column(DMatrixRMaj m, int j) {
    double[] c = new double[m.numRows];
    for (int i = 0; i < c.length; i++) {
      c[i] = m.get(i, j);
    }
    return c;
  }

  /** The matrix whose every one of {@code n} rows is row 0 of {@code m}. */
  static DMatrixRMaj repeatRow0(DMatrixRMaj m, int n) {
    DMatrixRMaj out = new DMatrixRMaj(n, m.numCols);
    for (int i = 0; i < n; i++) {
      System.arraycopy(m.data, 0, out.data, i * m.numCols, m.numCols);
    }
    return out;
  }
}
