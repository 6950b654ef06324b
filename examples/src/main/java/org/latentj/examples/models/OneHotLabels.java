package org.latentj.examples.models;

import java.util.Arrays;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.latentj.inference.data.Dataset;

/**
 * One-hot label matrices, the condition of a {@link ConditionalVae}: row i has a 1 in column
 * {@code labels[i]} and 0 elsewhere.
 */
public final class OneHotLabels {

  private OneHotLabels() {}

  /** The {@code labels.length x classCount} one-hot matrix; every label in [0, classCount). */
  public static DMatrixRMaj of(int[] labels, int classCount) {
    Objects.requireNonNull(labels, "labels");
    Sizes.positive("OneHotLabels", "classCount", classCount);
    DMatrixRMaj out = new DMatrixRMaj(labels.length, classCount);
    for (int i = 0; i < labels.length; i++) {
      int label = labels[i];
      if (label < 0 || label >= classCount) {
        throw new IllegalArgumentException("OneHotLabels: label " + label + " at row " + i
            + " is outside [0, " + classCount + ")");
      }
      out.data[i * classCount + label] = 1;
    }
    return out;
  }

  /**
   * The one-hot matrix of a labelled data set's {@link Dataset#labels()}, with one column per
   * named class.
   */
  public static DMatrixRMaj of(Dataset data) {
    int[] labels = data.labels().orElseThrow(() -> new IllegalArgumentException(
        "OneHotLabels: the data set has no labels (" + data + ")"));
    if (data.classNames().isEmpty()) {
      throw new IllegalArgumentException("OneHotLabels: the data set does not name its classes,"
          + " so the class count is unknown; use of(labels, classCount) (" + data + ")");
    }
    return of(labels, data.classNames().size());
  }

  /** {@code rows} copies of the one-hot row of {@code label}. */
  public static DMatrixRMaj repeated(int label, int rows, int classCount) {
    if (rows < 0) {
      throw new IllegalArgumentException("OneHotLabels: rows must be >= 0, got " + rows);
    }
    int[] labels = new int[rows];
    Arrays.fill(labels, label);
    return of(labels, classCount);
  }
}
