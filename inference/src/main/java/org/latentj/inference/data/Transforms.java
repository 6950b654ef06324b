package org.latentj.inference.data;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.tensor.NonFiniteScan;
import org.latentj.tensor.Rngs;

/**
 * Transforms of a whole {@link Dataset}, each returning a new data set (the input is not
 * modified) whose provenance records the step, and checks that fail naming the row and column.
 *
 * <ul>
 *   <li>{@link #scaleToUnit}: {@code x / 255}, for 8-bit pixels;
 *   <li>{@link #binarize(Dataset, double)}: {@code 1[x > t]}, fixed binarization by threshold;
 *   <li>{@link #binarizeOnce}: one Bernoulli draw {@code b ~ Bernoulli(x)} per value, the fixed
 *       stochastic binarization of Salakhutdinov &amp; Murray, "On the quantitative analysis of
 *       deep belief networks" (2008). For a fresh draw per epoch use {@link DynamicBinarizer}.
 * </ul>
 */
public final class Transforms {

  private Transforms() {}

  /**
   * {@code x / 255}; every value must lie in {@code [0, 255]}. Bytes stay bytes, read as
   * {@code b / 255} (no copy of the set; the same doubles as dividing a float64 copy).
   */
  public static Dataset scaleToUnit(Dataset data) {
    if (!data.isCompact()) {
      requireRange("scaleToUnit: input", data.features(), 0, 255);
    }
    return data.withStore(data.store().dividedBy(255.0), "scaled to [0,1] (x / 255)");
  }

  /** {@code 1[x > 0.5]}; every value must lie in {@code [0, 1]}. */
  public static Dataset binarize(Dataset data) {
    return binarize(data, 0.5);
  }

  /** {@code 1[x > threshold]}; every value must lie in {@code [0, 1]}, as must the threshold. */
  public static Dataset binarize(Dataset data, double threshold) {
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("binarize: threshold must be in [0, 1], got "
          + threshold);
    }
    DMatrixRMaj in = data.features();
    requireRange("binarize: input", in, 0, 1);
    DMatrixRMaj out = new DMatrixRMaj(in.numRows, in.numCols);
    double[] a = in.data;
    double[] b = out.data;
    int n = in.getNumElements();
    for (int i = 0; i < n; i++) {
      b[i] = a[i] > threshold ? 1.0 : 0.0;
    }
    return data.withFeatures(out, "binarized at threshold " + threshold);
  }

  /**
   * One draw {@code b ~ Bernoulli(x)} per value from {@code Rngs.create(seed)}, fixed for good;
   * every value must lie in {@code [0, 1]}.
   */
  public static Dataset binarizeOnce(Dataset data, long seed) {
    DMatrixRMaj out = DynamicBinarizer.of(Rngs.create(seed)).binarize(data.features(), null);
    return data.withFeatures(out, "binarized once by Bernoulli draws (seed " + seed + ")");
  }

  /** As {@link #binarizeOnce(Dataset, long)}, drawing from {@code rng}. */
  public static Dataset binarizeOnce(Dataset data, UniformRandomProvider rng) {
    DMatrixRMaj out = DynamicBinarizer.of(rng).binarize(data.features(), null);
    return data.withFeatures(out, "binarized once by Bernoulli draws");
  }

  /** Fails naming the first row and column of {@code data} holding NaN or an infinity. */
  public static Dataset requireFinite(Dataset data) {
    if (!data.isCompact()) { // bytes are finite
      requireFinite("data (" + data.provenance().description() + ")", data.features());
    }
    return data;
  }

  /** Fails naming {@code what} and the first row and column holding NaN or an infinity. */
  public static void requireFinite(String what, DMatrixRMaj m) {
    Objects.requireNonNull(m, () -> what + " is null");
    int i = NonFiniteScan.firstIndex(m.data, m.getNumElements());
    if (i >= 0) {
      throw new IllegalArgumentException(what + " holds "
          + NonFiniteScan.at(m.data[i], i, m.numCols) + " (" + m.numRows + "x" + m.numCols + ")");
    }
  }

  /** Fails naming {@code what}, the row and column of the first value outside {@code [lo, hi]}. */
  static void requireRange(String what, DMatrixRMaj m, double lo, double hi) {
    double[] d = m.data;
    int n = m.getNumElements();
    for (int i = 0; i < n; i++) {
      if (!(d[i] >= lo && d[i] <= hi)) {
        throw outOfRange(what, m, i, lo, hi);
      }
    }
  }

  static IllegalArgumentException outOfRange(String what, DMatrixRMaj m, int i, double lo,
      double hi) {
    return new IllegalArgumentException(what + " holds " + m.data[i] + " at row "
        + (i / m.numCols) + ", column " + (i % m.numCols) + ", outside [" + lo + ", " + hi + "]");
  }
}
