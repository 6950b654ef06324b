package org.latentj.tensor;

/**
 * The one scan for NaN and infinities in a row-major block, and the one way to say where the
 * first is ("NaN at row 3, column 7"), for every check that reports a bad value.
 */
public final class NonFiniteScan {

  private NonFiniteScan() {}

  /** The index of the first of the leading {@code n} values of {@code d} not finite, or -1. */
  public static int firstIndex(double[] d, int n) {
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(d[i])) {
        return i;
      }
    }
    return -1;
  }

  /** The index of the first of the leading {@code n} values of {@code f} not finite, or -1. */
  public static int firstIndex(float[] f, int n) {
    for (int i = 0; i < n; i++) {
      if (!Float.isFinite(f[i])) {
        return i;
      }
    }
    return -1;
  }

  /** {@code "<value> at row r, column c"} for element {@code index} of a matrix of {@code cols}. */
  public static String at(double value, int index, int cols) {
    return value + " at row " + (index / cols) + ", column " + (index % cols);
  }
}
