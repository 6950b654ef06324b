package org.latentj.model;

import org.latentj.tensor.ComputeContext;
import org.latentj.tensor.NonFiniteScan;
import org.latentj.tensor.Tensor;

/**
 * The switch for argument and support checks in distributions (on by default, as Pyro's
 * {@code enable_validation}), read from the current {@link ComputeContext}, so one model can
 * run unchecked beside another that is checked. Checks cost a pass over the data; turn them off
 * for speed once a model is known to be sound.
 */
public final class Validation {

  private Validation() {}

  /** Whether checks run here: the current {@link ComputeContext}'s setting. */
  public static boolean isEnabled() {
    return ComputeContext.current().validation();
  }

  /**
   * Turns checks on or off for code that enters no {@link ComputeContext}; returns the previous
   * setting. A model that needs its own setting enters a context instead.
   */
  public static boolean setEnabled(boolean on) {
    ComputeContext previous = ComputeContext.processDefault();
    ComputeContext.setProcessDefault(previous.withValidation(on));
    return previous.validation();
  }

  /** Fails naming {@code what} and the first row and column holding NaN or an infinity. */
  public static void requireFinite(String what, Tensor t) {
    double[] d = t.value().data;
    int i = NonFiniteScan.firstIndex(d, t.size());
    if (i >= 0) {
      throw new IllegalArgumentException(what + " holds " + NonFiniteScan.at(d[i], i, t.cols())
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
