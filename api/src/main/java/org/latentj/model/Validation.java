package org.latentj.model;

import org.latentj.tensor.NonFinite;
import org.latentj.tensor.Tensor;

/**
 * The switch for argument and support checks in distributions (on by default, as Pyro's
 * {@code enable_validation}). Checks cost a pass over the data; turn them off for speed once a
 * model is known to be sound.
 */
public final class Validation {

  private static volatile boolean enabled = true;

  private Validation() {}

  public static boolean isEnabled() {
    return enabled;
  }

  /** Turns checks on or off for every thread; returns the previous setting. */
  public static boolean setEnabled(boolean on) {
    boolean previous = enabled;
    enabled = on;
    return previous;
  }

  /** Fails naming {@code what} and the first row and column holding NaN or an infinity. */
  public static void requireFinite(String what, Tensor t) {
    double[] d = t.value().data;
    int i = NonFinite.firstIndex(d, t.size());
    if (i >= 0) {
      throw new IllegalArgumentException(what + " holds " + NonFinite.at(d[i], i, t.cols())
          + " (shape " + t.shape() + ")");
    }
  }

  /** Fails unless {@code t} is {@code rows x cols}. */
  public static void requireShape(String what, Tensor t, int rows, int cols) {
    if (t.rows() != rows || t.cols() != cols) {
      throw new IllegalArgumentException(what + " is " + t.shape() + ", expected " + rows + "x"
          + cols);
    }
  }
}
