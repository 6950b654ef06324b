package org.latentj.distributions;

import org.latentj.model.Head;
import org.latentj.model.Validation;
import org.latentj.tensor.Tensor;

/**
 * Argument and support checks shared by the Student-t, Poisson, categorical and mixture families
 * and their heads. Every message starts with the family's name, then says which argument, where (row, column) and
 * what was found, so a failure deep inside a training run points at its cause.
 *
 * <p>Which checks always run: null and shape checks, and checks of scalar arguments (a fixed
 * {@code df}, a temperature), which cost nothing. Which run only while {@link Validation} is on:
 * the passes over tensor elements (finite, positive, in range) and the support checks of values
 * in {@code logProb}, as Pyro's {@code validate_args}.
 */
final class FamilyChecks {

  private FamilyChecks() {}

  /** Fails unless {@code t} is non-null. */
  static Tensor requireNonNull(String family, String arg, Tensor t) {
    if (t == null) {
      throw new IllegalArgumentException(family + ": " + arg + " is null");
    }
    return t;
  }

  /** Fails unless {@code x} is finite and positive. */
  static double requirePositive(String family, String arg, double x) {
    if (!(x > 0) || !Double.isFinite(x)) {
      throw new IllegalArgumentException(family + ": " + arg + " must be finite and positive, got "
          + x);
    }
    return x;
  }

  /** Fails unless {@code t} is {@code rows x cols}, or {@code 1 x cols} if one row is allowed. */
  static void requireRowsCols(String family, String arg, Tensor t, int rows, int cols,
      boolean oneRowAllowed) {
    boolean rowsOk = t.rows() == rows || (oneRowAllowed && t.rows() == 1);
    if (!rowsOk || t.cols() != cols) {
      throw new IllegalArgumentException(family + ": " + arg + " is " + t.shape() + ", expected "
          + rows + "x" + cols + (oneRowAllowed && rows != 1 ? " or 1x" + cols : ""));
    }
  }

  /** Fails naming the first element of {@code t} that is NaN or infinite. */
  static void requireFiniteElements(String family, String arg, Tensor t) {
    double[] d = t.value().data;
    int n = t.size();
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(d[i])) {
        throw elementError(family, arg, t, i, "must be finite");
      }
    }
  }

  /** Fails naming the first element of {@code t} that is not finite and positive. */
  static void requirePositiveElements(String family, String arg, Tensor t) {
    double[] d = t.value().data;
    int n = t.size();
    for (int i = 0; i < n; i++) {
      if (!(d[i] > 0) || !Double.isFinite(d[i])) {
        throw elementError(family, arg, t, i, "must be finite and positive");
      }
    }
  }

  /** Fails naming the first element of {@code t} that is not finite or exceeds {@code max}. */
  static void requireFiniteAtMost(String family, String arg, Tensor t, double max, String why) {
    double[] d = t.value().data;
    int n = t.size();
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(d[i])) {
        throw elementError(family, arg, t, i, "must be finite");
      }
      if (d[i] > max) {
        throw elementError(family, arg, t, i, "must be at most " + max + " (" + why + ")");
      }
    }
  }

  /** Fails unless {@code value} is exactly {@code rows x cols} (shape checks are always on). */
  static void requireValueShape(String family, Tensor value, int rows, int cols) {
    requireNonNull(family, "value", value);
    if (value.rows() != rows || value.cols() != cols) {
      throw new IllegalArgumentException(family + ".logProb: value is " + value.shape()
          + ", expected " + rows + "x" + cols);
    }
  }

  /**
   * The last line of defence against a silent NaN: when {@link Validation} is on, fails naming
   * the first row of a {@code logProb}/{@code entropy} result that is NaN. Parameters the
   * factories accept never produce one; this catches values of the right support whose
   * arithmetic leaves the range of doubles.
   */
  static Tensor requireNoNaN(String family, String what, Tensor out) {
    if (!Validation.isEnabled()) {
      return out;
    }
    double[] d = out.value().data;
    for (int i = 0; i < d.length && i < out.size(); i++) {
      if (Double.isNaN(d[i])) {
        throw new IllegalStateException(family + "." + what + " is NaN at row "
            + (i / out.cols()) + ": the value or parameters are outside the range this family"
            + " can evaluate in double precision");
      }
    }
    return out;
  }

  static IllegalArgumentException elementError(String family, String arg, Tensor t, int i,
      String rule) {
    double v = t.value().data[i];
    return new IllegalArgumentException(family + ": " + arg + " " + rule + ", got " + v
        + " at row " + (i / t.cols()) + ", column " + (i % t.cols()) + " (shape " + t.shape()
        + ")");
  }

  /**
   * The event size {@code raw.cols() / head.rawColumnsPerEventColumn()}; fails, naming the head
   * and the expected {@code layout}, unless {@code raw} has a positive multiple of that many
   * columns.
   */
  static int rawEventSize(Head head, Tensor raw, String layout) {
    String name = head.getClass().getSimpleName();
    if (raw == null) {
      throw new IllegalArgumentException(name + ": raw is null");
    }
    int per = head.rawColumnsPerEventColumn();
    if (raw.cols() == 0 || raw.cols() % per != 0) {
      throw new IllegalArgumentException(name + ": raw is " + raw.shape() + ", expected a"
          + " positive multiple of " + per + " columns laid out as " + layout);
    }
    return raw.cols() / per;
  }

  /** {@code t} with {@code rows} rows: itself, or a {@code 1 x m} row broadcast down. */
  static Tensor expandRows(Tensor t, int rows) {
    return t.rows() == rows ? t : t.add(Tensor.zeros(rows, t.cols()));
  }
}
