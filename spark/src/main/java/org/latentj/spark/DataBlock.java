package org.latentj.spark;

import java.io.Serializable;
import org.ejml.data.DMatrixRMaj;

/**
 * One partition's share of the data: rows {@code [firstIndex, firstIndex + rows)} of the whole
 * data set, as one flat row-major {@code double[]} (a primitive array crosses the wire and sits
 * in the block manager with no per-row objects).
 */
public final class DataBlock implements Serializable {

  private static final long serialVersionUID = 1L;

  private final int firstIndex;
  private final int rows;
  private final int cols;
  private final double[] values;

  DataBlock(int firstIndex, int rows, int cols, double[] values) {
    if (values.length != (long) rows * cols) {
      throw new IllegalArgumentException("DataBlock: " + values.length + " values for " + rows
          + " x " + cols);
    }
    this.firstIndex = firstIndex;
    this.rows = rows;
    this.cols = cols;
    this.values = values;
  }

  /** Rows {@code [from, to)} of {@code data} (Not modified), copied. */
  static DataBlock of(DMatrixRMaj data, int from, int to) {
    double[] v = new double[(to - from) * data.numCols];
    System.arraycopy(data.data, from * data.numCols, v, 0, v.length);
    return new DataBlock(from, to - from, data.numCols, v);
  }

  /** The data set's index of this block's first row. */
  int firstIndex() {
    return firstIndex;
  }

  int rows() {
    return rows;
  }

  int cols() {
    return cols;
  }

  /** Whether data-set row {@code index} is in this block. */
  boolean holds(int index) {
    return index >= firstIndex && index < firstIndex + rows;
  }

  /** The whole block as a matrix (a view on the same values). */
  DMatrixRMaj matrix() {
    return DMatrixRMaj.wrap(rows, cols, values);
  }

  /** The rows with data-set indices {@code indices} (all held here), in that order. */
  DMatrixRMaj rowsAt(int[] indices) {
    DMatrixRMaj m = new DMatrixRMaj(indices.length, cols);
    for (int i = 0; i < indices.length; i++) {
      System.arraycopy(values, (indices[i] - firstIndex) * cols, m.data, i * cols, cols);
    }
    return m;
  }
}
