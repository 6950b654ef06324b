package org.latentj.distributions;

import org.latentj.model.Validation;
import org.latentj.tensor.Tensor;

/**
 * Argument and support checks shared by the families. Shape checks always run (a wrong shape
 * would otherwise broadcast silently); value checks (NaN, sign, support) run only while
 * {@link Validation#isEnabled()}, since each costs a pass over the data.
 */
final class Checks {

  private Checks() {}

  /** Fails unless every element of {@code t} is finite; {@code where} names family and argument. */
  static void finite(String where, Tensor t) {
    if (Validation.isEnabled()) {
      Validation.requireFinite(where, t);
    }
  }

  /** Fails unless every element of {@code t} is finite and strictly positive. */
  static void positive(String where, Tensor t) {
    if (!Validation.isEnabled()) {
      return;
    }
    double[] d = t.value().data;
    int n = t.size();
    for (int i = 0; i < n; i++) {
      if (!(d[i] > 0) || d[i] == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException(where + " holds " + d[i] + " at row " + (i / t.cols())
            + ", column " + (i % t.cols()) + "; expected a finite positive number (shape "
            + t.shape() + ")");
      }
    }
  }

  /** Fails unless every element of {@code t} lies in {@code [0, 1]}. */
  static void unitInterval(String where, Tensor t) {
    if (!Validation.isEnabled()) {
      return;
    }
    double[] d = t.value().data;
    int n = t.size();
    for (int i = 0; i < n; i++) {
      if (!(d[i] >= 0 && d[i] <= 1)) {
        throw new IllegalArgumentException(where + " holds " + d[i] + " at row " + (i / t.cols())
            + ", column " + (i % t.cols()) + "; expected a number in [0, 1] (shape "
            + t.shape() + ")");
      }
    }
  }

  /** Fails unless {@code value} is {@code rows x cols}; always runs. */
  static void valueShape(String where, Tensor value, int rows, int cols) {
    if (value.rows() != rows || value.cols() != cols) {
      throw new IllegalArgumentException(where + " is " + value.shape() + ", expected " + rows
          + "x" + cols + " (batch x event)");
    }
  }

  /** Fails unless a size is at least 1. */
  static void atLeastOne(String where, int size) {
    if (size < 1) {
      throw new IllegalArgumentException(where + " is " + size + "; expected at least 1");
    }
  }
}
