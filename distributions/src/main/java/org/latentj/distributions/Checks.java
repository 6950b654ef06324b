package org.latentj.distributions;

import java.util.function.DoublePredicate;
import org.latentj.model.Validation;
import org.latentj.tensor.DType;
import org.latentj.tensor.NonFiniteScan;
import org.latentj.tensor.Tensor;

/**
 * The argument and support checks of every family and head. {@code where} names the family (and
 * the factory or method) and the argument, e.g. {@code "StudentT: scale"} or
 * {@code "Normal.logProb: value"}; an element error adds what was found, its row and column and
 * the shape, so a failure deep inside a training run points at its cause.
 *
 * <p>Null, shape and scalar checks always run: they cost nothing, and a wrong shape would
 * otherwise broadcast silently. The passes over tensor elements (finite, positive, in range, in
 * the support) run only while {@link Validation#isEnabled()}, as Pyro's {@code validate_args}.
 *
 * <p>Element errors read {@code "<where> must be ..., got x at row r, column c (shape)"}; the
 * scale and unit-interval checks keep the older {@code "<where> holds x at row r, column c;
 * expected ..."}, which the tests of Normal and Bernoulli spell out.
 */
final class Checks {

  /** Finite and strictly positive. */
  static final DoublePredicate POSITIVE = x -> x > 0 && x != Double.POSITIVE_INFINITY;

  private Checks() {}

  /** {@code t}, unless it is null: {@code "<where> is null"}. */
  static Tensor nonNull(String where, Tensor t) {
    if (t == null) {
      throw new IllegalArgumentException(where + " is null");
    }
    return t;
  }

  /** {@code x}, unless it is NaN, infinite or not positive (a fixed df, a temperature). */
  static double positive(String where, double x) {
    if (!POSITIVE.test(x)) {
      throw new IllegalArgumentException(where + " must be finite and positive, got " + x);
    }
    return x;
  }

  /** {@code size}, unless it is below 1. */
  static int atLeastOne(String where, int size) {
    if (size < 1) {
      throw new IllegalArgumentException(where + " must be positive, got " + size);
    }
    return size;
  }

  /** Fails unless {@code value} is non-null and exactly {@code rows x cols} (batch x event). */
  static void valueShape(String where, Tensor value, int rows, int cols) {
    nonNull(where, value);
    if (value.rows() != rows || value.cols() != cols) {
      throw new IllegalArgumentException(where + " is " + value.shape() + ", expected " + rows
          + "x" + cols + " (batch x event)");
    }
  }

  /** While validation is on, fails at the first element of {@code t} that is NaN or infinite. */
  static void finite(String where, Tensor t) {
    if (!Validation.isEnabled()) {
      return;
    }
    // The shared scan (vectorised where the JVM has the Vector API) instead of a predicate call
    // per element: logits are checked on every training step.
    int i = t.dtype() == DType.FLOAT32 ? NonFiniteScan.firstIndex(t.valueF().data, t.size())
        : NonFiniteScan.firstIndex(t.value().data, t.size());
    if (i >= 0) {
      throw elementError(where, t, i, "must be finite");
    }
  }

  /** While validation is on, fails at the first element of {@code t} that is not finite and > 0. */
  static void positive(String where, Tensor t) {
    elements(where, t, POSITIVE, "must be finite and positive");
  }

  /**
   * While validation is on, fails at the first element of {@code t} that breaks {@code ok}:
   * {@code "<where> <rule>, got x at row r, column c (shape)"}.
   */
  static void elements(String where, Tensor t, DoublePredicate ok, String rule) {
    int i = firstBreach(t, ok);
    if (i >= 0) {
      throw elementError(where, t, i, rule);
    }
  }

  /**
   * As {@link #elements}, worded {@code "<where> holds x at row r, column c; expected <what>
   * (shape)"}.
   */
  static void elementsHold(String where, Tensor t, DoublePredicate ok, String what) {
    int i = firstBreach(t, ok);
    if (i >= 0) {
      throw new IllegalArgumentException(where + " holds " + t.get(i) + at(t, i)
          + "; expected " + what + " (shape " + t.shape() + ")");
    }
  }

  /**
   * {@link #elementsHold} for the rule {@code 0 <= x <= 1} (NaN breaks it), in a loop of its own:
   * observed pixels are checked on every training step, and a predicate called through
   * {@link DoublePredicate} at a site shared by every rule costs a call per element.
   */
  static void unitInterval(String where, Tensor t) {
    if (!Validation.isEnabled()) {
      return;
    }
    int i = t.dtype() == DType.FLOAT32 ? firstOutsideUnit(t.valueF().data, t.size())
        : firstOutsideUnit(t.value().data, t.size());
    if (i >= 0) {
      throw new IllegalArgumentException(where + " holds " + t.get(i) + at(t, i)
          + "; expected a number in [0, 1] (shape " + t.shape() + ")");
    }
  }

  private static int firstOutsideUnit(float[] f, int n) {
    for (int i = 0; i < n; i++) {
      if (!(f[i] >= 0 && f[i] <= 1)) {
        return i;
      }
    }
    return -1;
  }

  private static int firstOutsideUnit(double[] d, int n) {
    for (int i = 0; i < n; i++) {
      if (!(d[i] >= 0 && d[i] <= 1)) {
        return i;
      }
    }
    return -1;
  }

  /** The error for element {@code i} (row-major) of {@code t}, which breaks {@code rule}. */
  static IllegalArgumentException elementError(String where, Tensor t, int i, String rule) {
    return new IllegalArgumentException(where + " " + rule + ", got " + t.get(i)
        + at(t, i) + " (shape " + t.shape() + ")");
  }

  /**
   * The last line of defence against a silent NaN: while validation is on, fails naming the first
   * row of a result ({@code where} is e.g. {@code "StudentT.logProb"}) that is NaN. Parameters
   * the factories accept never produce one; this catches values of the right support whose
   * arithmetic leaves the range of doubles.
   */
  static Tensor noNaN(String where, Tensor out) {
    int i = firstBreach(out, x -> !Double.isNaN(x));
    if (i >= 0) {
      throw new IllegalStateException(where + " is NaN at row " + (i / out.cols())
          + ": the value or parameters are outside the range this family can evaluate in double"
          + " precision");
    }
    return out;
  }

  /**
   * The row-major index of the first element of {@code t} that breaks {@code ok}, or -1; always
   * -1 while validation is off.
   */
  private static int firstBreach(Tensor t, DoublePredicate ok) {
    if (!Validation.isEnabled()) {
      return -1;
    }
    int n = t.size();
    if (t.dtype() == DType.FLOAT32) {
      float[] f = t.valueF().data;
      for (int i = 0; i < n; i++) {
        if (!ok.test(f[i])) {
          return i;
        }
      }
      return -1;
    }
    double[] d = t.value().data;
    for (int i = 0; i < n; i++) {
      if (!ok.test(d[i])) {
        return i;
      }
    }
    return -1;
  }

  private static String at(Tensor t, int i) {
    return " at row " + (i / t.cols()) + ", column " + (i % t.cols());
  }
}
