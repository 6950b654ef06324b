package org.latentj.examples.reproduction;

import org.ejml.data.DMatrixRMaj;

/**
 * Prepared training and test matrices of one {@link AevbDataset} (rows are examples), and a
 * one-line description for reports.
 */
public record AevbData(DMatrixRMaj train, DMatrixRMaj test, String description) {

  public AevbData {
    if (train.numCols != test.numCols) {
      throw new IllegalArgumentException("AevbData: train has " + train.numCols
          + " columns but test has " + test.numCols);
    }
  }

  /** The first {@code min(n, rows)} training rows, a fixed subset for evaluation. */
  public DMatrixRMaj trainSubset(int n) {
    return firstRows(train, n);
  }

  /** The first {@code min(n, rows)} test rows, a fixed subset for evaluation. */
  public DMatrixRMaj testSubset(int n) {
    return firstRows(test, n);
  }

  /** The same data cut to its first {@code trainRows} / {@code testRows} rows (for short runs). */
  public AevbData head(int trainRows, int testRows) {
    return new AevbData(firstRows(train, trainRows), firstRows(test, testRows), description
        + ", first " + Math.min(trainRows, train.numRows) + " / "
        + Math.min(testRows, test.numRows));
  }

  static DMatrixRMaj firstRows(DMatrixRMaj m, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("AevbData: need at least one row, got " + n);
    }
    int rows = Math.min(n, m.numRows);
    DMatrixRMaj out = new DMatrixRMaj(rows, m.numCols);
    System.arraycopy(m.data, 0, out.data, 0, rows * m.numCols);
    return out;
  }
}
