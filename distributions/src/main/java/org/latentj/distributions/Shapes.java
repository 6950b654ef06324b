package org.latentj.distributions;

import org.latentj.tensor.Tensor;

/**
 * The broadcasting rule of the families' parameters: each has the event's columns, and either
 * the batch's rows or a single row shared by every example (a learned or fixed per-feature
 * parameter). Shape checks always run, since a wrong shape would otherwise broadcast silently.
 */
final class Shapes {

  private Shapes() {}

  /**
   * The batch size of two parameters {@code a} and {@code b} of factory {@code where}; fails
   * naming both shapes unless neither is null, their columns agree and their rows agree or one of
   * them is 1.
   */
  static int batchSize(String where, String nameA, Tensor a, String nameB, Tensor b) {
    Checks.nonNull(where + ": " + nameA, a);
    Checks.nonNull(where + ": " + nameB, b);
    boolean rowsFit = a.rows() == b.rows() || a.rows() == 1 || b.rows() == 1;
    if (a.cols() != b.cols() || !rowsFit) {
      throw new IllegalArgumentException(where + ": " + nameA + " is " + a.shape() + " but "
          + nameB + " is " + b.shape() + "; expected equal shapes, or a 1x" + a.cols()
          + " row that is shared by every row");
    }
    return Math.max(a.rows(), b.rows());
  }

  /**
   * Fails unless {@code t} is non-null and {@code rows x cols}, or {@code 1 x cols} where
   * {@code sharedRow} allows one row for all.
   */
  static void require(String where, Tensor t, int rows, int cols, boolean sharedRow) {
    Checks.nonNull(where, t);
    boolean rowsFit = t.rows() == rows || (sharedRow && t.rows() == 1);
    if (!rowsFit || t.cols() != cols) {
      throw new IllegalArgumentException(where + " is " + t.shape() + ", expected " + rows + "x"
          + cols + (sharedRow && rows != 1 ? " or 1x" + cols : ""));
    }
  }

  /** {@code t} with its single row repeated to {@code rows} rows, or {@code t} if it has them. */
  static Tensor expandRows(Tensor t, int rows) {
    return t.rows() == rows ? t : t.repeatRows(rows);
  }
}
