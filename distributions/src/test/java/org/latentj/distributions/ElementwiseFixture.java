package org.latentj.distributions;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.ejml.data.DMatrixRMaj;

/**
 * A fixture of a family whose columns are independent given the parameters, so one reference
 * per element gives everything: the log-density (a sum over the columns), the moments, and the
 * goodness-of-fit tests. Those test each element's draws on their own and all elements of the
 * row pooled: Kolmogorov-Smirnov on the probability integral transform where the family is
 * continuous, chi-square on the counts of each value where it is discrete.
 */
abstract class ElementwiseFixture extends FamilyFixture {

  ElementwiseFixture(String name, String family, String[] parameterNames,
      DMatrixRMaj... parameters) {
    super(name, family, parameterNames, parameters);
  }

  ElementwiseFixture(String name, String family, int rows, int cols, String[] parameterNames,
      DMatrixRMaj... parameters) {
    super(name, family, rows, cols, parameterNames, parameters);
  }

  /** log density (or log mass) of element (row, col) at {@code x}, in plain double arithmetic. */
  abstract double referenceLogDensity(int row, int col, double x);

  @Override
  abstract double referenceMean(int row, int col);

  @Override
  abstract double referenceVariance(int row, int col);

  /** The CDF of element (row, col); continuous families only. */
  DoubleUnaryOperator cdf(int row, int col) {
    throw new UnsupportedOperationException(name() + " is discrete");
  }

  /**
   * {@code P(X = k)} of element (row, col) for {@code k = 0 .. m-1}, chosen so that the rest,
   * {@code P(X >= m)}, is small; discrete families only.
   */
  double[] probabilities(int row, int col) {
    throw new UnsupportedOperationException(name() + " is continuous");
  }

  /** The largest value element (row, col) can take; discrete families only. */
  double largestValue(int row, int col) {
    return Double.POSITIVE_INFINITY;
  }

  @Override
  final double referenceLogProb(int row, double[] value) {
    double sum = 0;
    for (int j = 0; j < value.length; j++) {
      sum += referenceLogDensity(row, j, value[j]);
    }
    return sum;
  }

  @Override
  final double[] goodnessOfFit(int row, DMatrixRMaj draws) {
    int d = cols();
    double[] pValues = new double[d == 1 ? 1 : d + 1];
    if (continuous()) {
      double[][] u = new double[d][];
      for (int j = 0; j < d; j++) {
        u[j] = transform(MomentAndFitChecks.column(draws, j), cdf(row, j));
        pValues[j] = MomentAndFitChecks.ksUniformPValue(u[j]);
      }
      if (d > 1) {
        pValues[d] = MomentAndFitChecks.ksUniformPValue(
            Arrays.stream(u).flatMapToDouble(Arrays::stream).toArray());
      }
    } else {
      MomentAndFitChecks.ChiSquare pooled = new MomentAndFitChecks.ChiSquare();
      for (int j = 0; j < d; j++) {
        double[] p = probabilities(row, j);
        long[] counts = counts(MomentAndFitChecks.column(draws, j), p.length, largestValue(row, j));
        double[] withTail = Arrays.copyOf(p, p.length + 1);
        withTail[p.length] = Math.max(0, 1 - Arrays.stream(p).sum());
        pValues[j] = new MomentAndFitChecks.ChiSquare().add(counts, withTail).pValue();
        pooled.add(counts, withTail);
      }
      if (d > 1) {
        pValues[d] = pooled.pValue();
      }
    }
    return pValues;
  }

  /** {@code F(x)} of every draw: uniform on (0, 1) if the draws follow {@code F}. */
  private static double[] transform(double[] x, DoubleUnaryOperator cdf) {
    double[] u = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      u[i] = cdf.applyAsDouble(x[i]);
    }
    return u;
  }

  /** Counts of the values {@code 0 .. m-1} and of all larger ones, after checking the support. */
  private long[] counts(double[] draws, int m, double largest) {
    long[] counts = new long[m + 1];
    for (double k : draws) {
      if (!(k >= 0 && k <= largest && k == Math.rint(k))) {
        throw new AssertionError(name() + " draw " + k + " is not an integer in [0, " + largest
            + "]");
      }
      counts[(int) Math.min(k, m)]++;
    }
    return counts;
  }
}
