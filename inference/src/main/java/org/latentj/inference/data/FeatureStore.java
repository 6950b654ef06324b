package org.latentj.inference.data;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * How a {@link Dataset} holds its {@code rows x cols} values: a dense float64 matrix, or unsigned
 * bytes read as {@code (b & 0xFF) / divisor} (8-bit pixels: 1 byte a value instead of 8, and
 * {@code x / 255} without a second copy of the set). Reading a byte row gives exactly the double
 * the dense path computed ({@code (double) b} is exact, then one division), so a model trained
 * on either sees the same bits.
 */
abstract class FeatureStore {

  final int rows;
  final int cols;

  private FeatureStore(int rows, int cols) {
    this.rows = rows;
    this.cols = cols;
  }

  /** Over {@code m} (Not copied). */
  static FeatureStore dense(DMatrixRMaj m) {
    return new Dense(m);
  }

  /** Over {@code bytes} (Not copied), row-major, each value {@code (b & 0xFF) / divisor}. */
  static FeatureStore bytes(byte[] bytes, int rows, int cols, double divisor) {
    if ((long) rows * cols != bytes.length) {
      throw new IllegalArgumentException("FeatureStore: " + bytes.length + " bytes for " + rows
          + "x" + cols + " values");
    }
    return new Bytes(bytes, rows, cols, divisor);
  }

  /** Writes row {@code row} into {@code dst} from {@code offset} ({@code cols} values). */
  abstract void copyRow(int row, double[] dst, int offset);

  /**
   * The values as a float64 matrix: the live one for a dense store (Not to be modified), a new
   * one for a byte store.
   */
  abstract DMatrixRMaj matrix();

  /** A new store holding copies of {@code picked} rows, in that order. */
  abstract FeatureStore select(int[] picked);

  /** The smallest and largest value, {@code {min, max}} ({@code {+inf, -inf}} when empty). */
  abstract double[] valueRange();

  /** True when the values are bytes, so finite by construction. */
  abstract boolean compact();

  private static final class Dense extends FeatureStore {
    private final DMatrixRMaj m;

    Dense(DMatrixRMaj m) {
      super(m.numRows, m.numCols);
      this.m = m;
    }

    @Override
    void copyRow(int row, double[] dst, int offset) {
      System.arraycopy(m.data, row * cols, dst, offset, cols);
    }

    @Override
    DMatrixRMaj matrix() {
      return m;
    }

    @Override
    FeatureStore select(int[] picked) {
      DMatrixRMaj out = new DMatrixRMaj(picked.length, cols);
      for (int i = 0; i < picked.length; i++) {
        copyRow(picked[i], out.data, i * cols);
      }
      return new Dense(out);
    }

    @Override
    double[] valueRange() {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      int n = rows * cols;
      for (int i = 0; i < n; i++) {
        min = Math.min(min, m.data[i]);
        max = Math.max(max, m.data[i]);
      }
      return new double[] {min, max};
    }

    @Override
    boolean compact() {
      return false;
    }
  }

  private static final class Bytes extends FeatureStore {
    private final byte[] bytes;
    private final double divisor;

    Bytes(byte[] bytes, int rows, int cols, double divisor) {
      super(rows, cols);
      this.bytes = bytes;
      this.divisor = divisor;
    }

    /** The same bytes read with {@code divisor * by}. */
    Bytes withDivisorTimes(double by) {
      return new Bytes(bytes, rows, cols, divisor * by);
    }

    @Override
    void copyRow(int row, double[] dst, int offset) {
      int from = row * cols;
      for (int j = 0; j < cols; j++) {
        dst[offset + j] = (bytes[from + j] & 0xFF) / divisor;
      }
    }

    @Override
    DMatrixRMaj matrix() {
      DMatrixRMaj out = new DMatrixRMaj(rows, cols);
      for (int i = 0; i < rows; i++) {
        copyRow(i, out.data, i * cols);
      }
      return out;
    }

    @Override
    FeatureStore select(int[] picked) {
      byte[] out = new byte[picked.length * cols];
      for (int i = 0; i < picked.length; i++) {
        System.arraycopy(bytes, picked[i] * cols, out, i * cols, cols);
      }
      return new Bytes(out, picked.length, cols, divisor);
    }

    @Override
    double[] valueRange() {
      int min = 255;
      int max = 0;
      for (byte b : bytes) {
        min = Math.min(min, b & 0xFF);
        max = Math.max(max, b & 0xFF);
      }
      return bytes.length == 0 ? new double[] {Double.POSITIVE_INFINITY,
          Double.NEGATIVE_INFINITY} : new double[] {min / divisor, max / divisor};
    }

    @Override
    boolean compact() {
      return true;
    }
  }

  /**
   * This store with every value divided by {@code by}: the same bytes read with a larger divisor
   * (no copy; {@code (b / 1) / 255} and {@code b / 255} are the same double), or a new dense
   * matrix.
   */
  FeatureStore dividedBy(double by) {
    if (this instanceof Bytes b && b.divisor == 1.0) {
      return b.withDivisorTimes(by);
    }
    DMatrixRMaj in = matrix();
    DMatrixRMaj out = new DMatrixRMaj(rows, cols);
    int n = rows * cols;
    for (int i = 0; i < n; i++) {
      out.data[i] = in.data[i] / by;
    }
    return new Dense(out);
  }

  /** Rows {@code [from, to)} as a new store. */
  FeatureStore rows(int from, int to) {
    int[] picked = new int[to - from];
    Arrays.setAll(picked, i -> from + i);
    return select(picked);
  }
}
