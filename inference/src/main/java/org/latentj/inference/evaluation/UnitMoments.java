package org.latentj.inference.evaluation;

import java.io.Serializable;
import org.ejml.data.DMatrixRMaj;

/**
 * Running sums of one latent site's posterior means over the data, per unit: {@code n},
 * {@code sum_x m_u(x)} and {@code sum_x m_u(x)^2}, from which a unit's variance over the data
 * (the active-units statistic) follows. Sums over parts of the data {@link #add} up, so parts
 * computed apart (e.g. on Spark partitions) give the whole data set's statistic.
 */
public final class UnitMoments implements Serializable {

  private static final long serialVersionUID = 1L;

  private final double[] sum;
  private final double[] sumOfSquares;
  private long n;

  public UnitMoments(int units) {
    this.sum = new double[units];
    this.sumOfSquares = new double[units];
  }

  /** Adds each row of {@code means} ({@code rows x units}, Not modified). */
  public UnitMoments addRows(DMatrixRMaj means) {
    int d = sum.length;
    if (means.numCols != d) {
      throw new IllegalArgumentException("UnitMoments: " + means.numCols + " columns, expected "
          + d);
    }
    for (int r = 0; r < means.numRows; r++) {
      for (int j = 0; j < d; j++) {
        double v = means.data[r * d + j];
        sum[j] += v;
        sumOfSquares[j] += v * v;
      }
    }
    n += means.numRows;
    return this;
  }

  /** Adds another part's sums (Not modified) into these. */
  public UnitMoments add(UnitMoments other) {
    if (other.sum.length != sum.length) {
      throw new IllegalArgumentException("UnitMoments: " + other.sum.length + " units, expected "
          + sum.length);
    }
    for (int j = 0; j < sum.length; j++) {
      sum[j] += other.sum[j];
      sumOfSquares[j] += other.sumOfSquares[j];
    }
    n += other.n;
    return this;
  }

  /** The number of units whose posterior mean varies over the data by more than {@code t}. */
  public int activeUnits(double threshold) {
    int count = 0;
    for (int j = 0; j < sum.length; j++) {
      double mean = sum[j] / n;
      if (sumOfSquares[j] / n - mean * mean > threshold) {
        count++;
      }
    }
    return count;
  }

  /** The number of rows added. */
  public long count() {
    return n;
  }
}
