package org.latentj.examples.models;

import org.ejml.data.DMatrixRMaj;

/**
 * The nearest-class-mean classifier: each class is the mean of its training rows, and a row gets
 * the class whose mean is nearest in squared Euclidean distance. Crude (about 80% on MNIST
 * digits) but independent of any model, it tells whether generated images look like the class
 * they were generated for.
 */
final class NearestClassMean {

  private final DMatrixRMaj means;

  private NearestClassMean(DMatrixRMaj means) {
    this.means = means;
  }

  /**
   * The class means of {@code data} (Not modified) with {@code labels} in [0, classCount); every
   * class needs at least one row.
   */
  static NearestClassMean fit(DMatrixRMaj data, int[] labels, int classCount) {
    if (labels.length != data.numRows) {
      throw new IllegalArgumentException("NearestClassMean: " + labels.length + " labels for "
          + data.numRows + " rows");
    }
    int d = data.numCols;
    DMatrixRMaj means = new DMatrixRMaj(classCount, d);
    int[] counts = new int[classCount];
    for (int i = 0; i < labels.length; i++) {
      int c = labels[i];
      if (c < 0 || c >= classCount) {
        throw new IllegalArgumentException("NearestClassMean: label " + c + " at row " + i
            + " is outside [0, " + classCount + ")");
      }
      counts[c]++;
      for (int j = 0; j < d; j++) {
        means.data[c * d + j] += data.data[i * d + j];
      }
    }
    for (int c = 0; c < classCount; c++) {
      if (counts[c] == 0) {
        throw new IllegalArgumentException("NearestClassMean: class " + c + " has no rows");
      }
      for (int j = 0; j < d; j++) {
        means.data[c * d + j] /= counts[c];
      }
    }
    return new NearestClassMean(means);
  }

  /** The class of row {@code row} of {@code data}. */
  int classify(DMatrixRMaj data, int row) {
    if (data.numCols != means.numCols) {
      throw new IllegalArgumentException("NearestClassMean: rows have " + data.numCols
          + " columns, the class means " + means.numCols);
    }
    int d = means.numCols;
    int best = -1;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int c = 0; c < means.numRows; c++) {
      double distance = 0;
      for (int j = 0; j < d; j++) {
        double diff = data.data[row * d + j] - means.data[c * d + j];
        distance += diff * diff;
      }
      if (distance < bestDistance) {
        bestDistance = distance;
        best = c;
      }
    }
    return best;
  }

  /** The fraction of rows of {@code data} classified as their {@code labels}. */
  double accuracy(DMatrixRMaj data, int[] labels) {
    if (labels.length != data.numRows) {
      throw new IllegalArgumentException("NearestClassMean: " + labels.length + " labels for "
          + data.numRows + " rows");
    }
    int right = 0;
    for (int i = 0; i < labels.length; i++) {
      if (classify(data, i) == labels[i]) {
        right++;
      }
    }
    return (double) right / labels.length;
  }
}
