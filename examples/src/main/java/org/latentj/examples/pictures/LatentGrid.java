package org.latentj.examples.pictures;

import java.util.Objects;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.ejml.data.DMatrixRMaj;

/**
 * Latent points to decode into pictures: the grid of the learned 2-D manifold of Kingma and
 * Welling (2013), Figure 4, and straight or spherical paths between two codes.
 *
 * <p>Figure 4 maps "linearly spaced coordinates on the unit square" through the inverse CDF of the
 * standard normal prior, so equal steps on the grid cover equal prior mass. Here the coordinates
 * are the midpoints {@code u_i = (i + 1/2) / n}, {@code i = 0 .. n-1}: each point is the centre of
 * one of {@code n} equal-probability slices, the ends 0 and 1 (where the inverse CDF is infinite)
 * are never reached, the set is symmetric about 1/2, and an odd {@code n} puts z = 0 at the centre.
 * A fixed range such as linspace(0.05, 0.95, n) would instead reach the same extremes for every
 * {@code n} and leave unequal mass at the edges. For another prior than N(0, I) the same
 * probabilities are taken of that prior's marginals ({@link #manifold(double[], double[])}).
 */
public final class LatentGrid {

  /** How {@link #interpolation(DMatrixRMaj, DMatrixRMaj, int, Interpolation)} moves. */
  public enum Interpolation {
    /** {@code z(t) = (1 - t) z0 + t z1}. */
    LINEAR,
    /**
     * Slerp (Shoemake 1985; for latent codes White 2016, "Sampling Generative Networks"):
     * {@code z(t) = [sin((1 - t) W) z0 + sin(t W) z1] / sin W}, W the angle between z0 and z1.
     * Under a N(0, I) prior a straight line between two typical codes passes through the
     * improbable region near the origin (typical codes lie near the sphere of radius sqrt(d));
     * slerp keeps the norm for endpoints of equal norm.
     */
    SPHERICAL
  }

  // Directions closer than this to opposite (in radians) have no well-defined great circle.
  private static final double MIN_ANGLE_FROM_OPPOSITE = 1e-6;

  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

  private LatentGrid() {}

  /**
   * The standard normal quantiles {@code q_i = Phi^-1((i + 1/2) / n)}, {@code i = 0 .. n-1},
   * increasing. The upper half is the negated lower half, so {@code q_{n-1-i} = -q_i} exactly
   * and the middle one of an odd {@code n} is exactly 0.
   */
  public static double[] normalQuantiles(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("n must be positive, got " + n);
    }
    double[] q = new double[n];
    for (int i = 0; i < n / 2; i++) {
      q[i] = STANDARD_NORMAL.inverseCumulativeProbability((i + 0.5) / n);
      q[n - 1 - i] = -q[i];
    }
    return q;
  }

  /**
   * The sample quantiles of {@code draws} (not modified) at the same probabilities
   * {@code (i + 1/2) / n}, {@code i = 0 .. n-1}, as {@link #normalQuantiles(int)}: for a prior
   * whose marginal quantiles have no closed form, estimated from its draws. Quantile {@code p} of
   * {@code m} sorted draws {@code x} is {@code x} at position {@code p m - 1/2}, interpolated
   * linearly between neighbours (clamped to the smallest and largest draw).
   */
  public static double[] sampleQuantiles(double[] draws, int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("n must be positive, got " + n);
    }
    if (draws.length == 0) {
      throw new IllegalArgumentException("sampleQuantiles: no draws");
    }
    double[] x = draws.clone();
    java.util.Arrays.sort(x);
    if (!Double.isFinite(x[0]) || !Double.isFinite(x[x.length - 1])) {
      throw new IllegalArgumentException("sampleQuantiles: the draws hold a value that is not"
          + " finite (" + (Double.isFinite(x[0]) ? x[x.length - 1] : x[0]) + ")");
    }
    // Commons Math's R_5 estimate is this definition (1-based position p m + 1/2).
    Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_5);
    percentile.setData(x);
    double[] q = new double[n];
    for (int i = 0; i < n; i++) {
      q[i] = percentile.evaluate(100 * (i + 0.5) / n);
    }
    return q;
  }

  /**
   * The {@code n x n} points of Figure 4 as an {@code (n n) x 2} matrix in display order: row
   * {@code r * n + c} is the tile in grid row {@code r} (top to bottom) and grid column {@code c}
   * (left to right), with {@code z = (q_c, q_{n-1-r})} for the {@link #normalQuantiles(int)}
   * {@code q}. So z1 grows to the right and z2 grows upwards, the top row holding the largest z2,
   * as matplotlib draws an image with {@code origin='upper'}. Decoding the rows and passing them
   * to {@link ImageGrid} with {@code n} columns gives the figure.
   */
  public static DMatrixRMaj manifold(int n) {
    if (n <= 0 || (long) n * n * 2 > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("n must be in [1, 32767], got " + n);
    }
    double[] q = normalQuantiles(n);
    return manifold(q, q);
  }

  /**
   * The grid of {@link #manifold(int)} over other quantiles: {@code z = (q1_c, q2_{n-1-r})} for
   * the increasing quantiles {@code q1} of z1 and {@code q2} of z2 (both of length n; not
   * modified), e.g. a learned prior's ({@link #sampleQuantiles}), so that equal steps on the grid
   * still cover equal prior mass along each axis.
   */
  public static DMatrixRMaj manifold(double[] q1, double[] q2) {
    int n = q1.length;
    if (q2.length != n || n == 0 || (long) n * n * 2 > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("manifold: needs as many quantiles of z1 as of z2, 1 to"
          + " 32767, got " + q1.length + " and " + q2.length);
    }
    DMatrixRMaj z = new DMatrixRMaj(n * n, 2);
    double[] d = z.data;
    int at = 0;
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < n; c++) {
        d[at++] = q1[c];
        d[at++] = q2[n - 1 - r];
      }
    }
    return z;
  }

  /** {@link Interpolation#LINEAR} interpolation; see the four-argument form. */
  public static DMatrixRMaj interpolation(DMatrixRMaj z0, DMatrixRMaj z1, int steps) {
    return interpolation(z0, z1, steps, Interpolation.LINEAR);
  }

  /**
   * {@code steps} codes from {@code z0} to {@code z1} (both {@code 1 x d}, finite, not modified)
   * as a {@code steps x d} matrix: row {@code i} is {@code z(t_i)}, {@code t_i = i / (steps - 1)}.
   * Rows 0 and {@code steps - 1} are exact copies of {@code z0} and {@code z1}.
   *
   * <p>{@link Interpolation#SPHERICAL} needs non-zero endpoints that do not point in opposite
   * directions (there the great circle is not unique); for parallel endpoints it is linear, its
   * limit.
   */
  public static DMatrixRMaj interpolation(DMatrixRMaj z0, DMatrixRMaj z1, int steps,
      Interpolation how) {
    Objects.requireNonNull(how, "how");
    int d = checkCode("z0", z0);
    if (checkCode("z1", z1) != d) {
      throw new IllegalArgumentException("z0 is 1x" + d + " but z1 is 1x" + z1.numCols);
    }
    if (steps < 2) {
      throw new IllegalArgumentException("steps must be >= 2 (both endpoints), got " + steps);
    }
    double[] a = z0.data;
    double[] b = z1.data;
    DMatrixRMaj out = new DMatrixRMaj(steps, d);
    double[] o = out.data;
    double angle = how == Interpolation.SPHERICAL ? angle(a, b, d) : 0;
    for (int i = 1; i < steps - 1; i++) {
      double t = (double) i / (steps - 1);
      double wa;
      double wb;
      if (angle == 0) {
        wa = 1 - t;
        wb = t;
      } else {
        double s = Math.sin(angle);
        wa = Math.sin((1 - t) * angle) / s;
        wb = Math.sin(t * angle) / s;
      }
      for (int j = 0, at = i * d; j < d; j++, at++) {
        o[at] = wa * a[j] + wb * b[j];
      }
    }
    System.arraycopy(a, 0, o, 0, d);
    System.arraycopy(b, 0, o, (steps - 1) * d, d);
    return out;
  }

  /** Angle between a and b, 2 atan2(|a' - b'|, |a' + b'|) for unit a', b' (Kahan: accurate). */
  private static double angle(double[] a, double[] b, int d) {
    double na = norm(a, d);
    double nb = norm(b, d);
    if (na == 0 || nb == 0) {
      throw new IllegalArgumentException("spherical interpolation needs non-zero endpoints, but "
          + (na == 0 ? "z0" : "z1") + " is zero");
    }
    double diff = 0;
    double sum = 0;
    for (int j = 0; j < d; j++) {
      double x = a[j] / na;
      double y = b[j] / nb;
      diff += (x - y) * (x - y);
      sum += (x + y) * (x + y);
    }
    double angle = 2 * Math.atan2(Math.sqrt(diff), Math.sqrt(sum));
    if (Math.PI - angle < MIN_ANGLE_FROM_OPPOSITE) {
      throw new IllegalArgumentException("z0 and z1 point in opposite directions (angle "
          + angle + " rad), so the great circle between them is not unique; use LINEAR");
    }
    return angle;
  }

  private static double norm(double[] v, int d) {
    double scale = 0;
    for (int j = 0; j < d; j++) {
      scale = Math.max(scale, Math.abs(v[j]));
    }
    if (scale == 0) {
      return 0;
    }
    double s = 0;
    for (int j = 0; j < d; j++) {
      double x = v[j] / scale;
      s += x * x;
    }
    return scale * Math.sqrt(s);
  }

  private static int checkCode(String what, DMatrixRMaj z) {
    Objects.requireNonNull(z, what);
    if (z.numRows != 1 || z.numCols == 0) {
      throw new IllegalArgumentException(what + " must be 1 x d with d >= 1, got " + z.numRows
          + "x" + z.numCols);
    }
    for (int j = 0; j < z.numCols; j++) {
      if (!Double.isFinite(z.data[j])) {
        throw new IllegalArgumentException(what + " holds " + z.data[j] + " at column " + j);
      }
    }
    return z.numCols;
  }
}
