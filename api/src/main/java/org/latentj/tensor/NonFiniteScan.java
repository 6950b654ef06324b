package org.latentj.tensor;

/**
 * The one scan for NaN and infinities in a row-major block, and the one way to say where the
 * first is ("NaN at row 3, column 7"), for every check that reports a bad value.
 */
public final class NonFiniteScan {

  /**
   * A quick whole-block test that the scan runs first, so the element-by-element search runs
   * only when something is not finite: {@link VectorFiniteTest} with the Vector API, else none.
   */
  interface FiniteTest {
    /** True when the leading {@code n} values of {@code d} are all finite. */
    boolean allFinite(double[] d, int n);

    /** True when the leading {@code n} values of {@code f} are all finite. */
    boolean allFinite(float[] f, int n);
  }

  private static final FiniteTest FAST =
      VectorApi.loadOrNull("org.latentj.tensor.VectorFiniteTest", FiniteTest.class);

  private NonFiniteScan() {}

  /** The index of the first of the leading {@code n} values of {@code d} not finite, or -1. */
  public static int firstIndex(double[] d, int n) {
    if (FAST != null && FAST.allFinite(d, n)) {
      return -1;
    }
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(d[i])) {
        return i;
      }
    }
    return -1;
  }

  /** The index of the first of the leading {@code n} values of {@code f} not finite, or -1. */
  public static int firstIndex(float[] f, int n) {
    if (FAST != null && FAST.allFinite(f, n)) {
      return -1;
    }
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
