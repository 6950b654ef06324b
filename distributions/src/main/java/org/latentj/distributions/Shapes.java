package org.latentj.distributions;

import org.latentj.tensor.Tensor;

/**
 * The one broadcasting rule of two-parameter families: both parameters have the event's columns,
 * and each has either the batch's rows or a single row shared by every example (a learned or fixed
 * per-feature parameter).
 */
final class Shapes {

  private Shapes() {}

  /**
   * The batch size of parameters {@code a} and {@code b}; fails naming {@code where} and both
   * shapes unless their columns agree and their rows agree or one of them is 1.
   */
  static int batchSize(String where, String nameA, Tensor a, String nameB, Tensor b) {
    boolean rowsFit = a.rows() == b.rows() || a.rows() == 1 || b.rows() == 1;
    if (a.cols() != b.cols() || !rowsFit) {
      throw new IllegalArgumentException(where + ": " + nameA + " is " + a.shape() + " but "
          + nameB + " is " + b.shape() + "; expected equal shapes, or a 1x" + a.cols()
          + " row that is shared by every row");
    }
    return Math.max(a.rows(), b.rows());
  }

  /** {@code t} with its single row repeated to {@code rows} rows, or {@code t} if it has them. */
  static Tensor expandRows(Tensor t, int rows) {
    return t.rows() == rows ? t : t.repeatRows(rows);
  }
}
