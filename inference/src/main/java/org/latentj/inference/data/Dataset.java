package org.latentj.inference.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;

/**
 * A data set held in memory: features as an {@code n x d} matrix (row {@code i} is example
 * {@code i}), optional integer labels in {@code [0, classCount)}, optional class names and image
 * shape, and its {@link Provenance}.
 *
 * <p>Immutable by convention: the feature matrix is shared, not copied (a 60,000 x 784 matrix is
 * 376 MB), so {@link #features()} returns the live matrix, which callers must not modify, and the
 * factories take ownership of the matrix they are given. Labels are copied in and out.
 * {@link #subset} and {@link #rows} copy the selected rows into a new matrix.
 */
public final class Dataset {

  private final DMatrixRMaj features;
  private final int[] labels;
  private final List<String> classNames;
  private final ImageShape imageShape;
  private final Provenance provenance;

  private Dataset(DMatrixRMaj features, int[] labels, List<String> classNames,
      ImageShape imageShape, Provenance provenance) {
    this.features = features;
    this.labels = labels;
    this.classNames = classNames;
    this.imageShape = imageShape;
    this.provenance = provenance;
  }

  /**
   * An unlabelled data set over {@code features} (Not copied: the data set owns it from now on).
   */
  public static Dataset of(DMatrixRMaj features, Provenance provenance) {
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(provenance, "provenance");
    if (features.numCols < 1) {
      throw new IllegalArgumentException("Dataset: features need at least one column, got "
          + features.numRows + "x" + features.numCols);
    }
    return new Dataset(features, null, List.of(), null, provenance);
  }

  /** This data set with {@code labels} (copied), one per row, each {@code >= 0}. */
  public Dataset withLabels(int[] labels) {
    return withLabels(labels, List.of());
  }

  /**
   * This data set with {@code labels} (copied), one per row, and the names of the classes they
   * index; every label must lie in {@code [0, classNames.size())} unless {@code classNames} is
   * empty (names unknown).
   */
  public Dataset withLabels(int[] labels, List<String> classNames) {
    Objects.requireNonNull(labels, "labels");
    List<String> names = List.copyOf(classNames);
    if (labels.length != size()) {
      throw new IllegalArgumentException("Dataset: " + labels.length + " labels for " + size()
          + " rows (" + provenance.description() + ")");
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || (!names.isEmpty() && labels[i] >= names.size())) {
        throw new IllegalArgumentException("Dataset: label " + labels[i] + " at row " + i
            + " is outside [0, " + (names.isEmpty() ? "inf" : names.size()) + ")");
      }
    }
    return new Dataset(features, labels.clone(), names, imageShape, provenance);
  }

  /** This data set, its columns being the pixels of {@code shape}-sized images, row by row. */
  public Dataset withImageShape(ImageShape shape) {
    Objects.requireNonNull(shape, "shape");
    if (shape.pixels() != featureCount()) {
      throw new IllegalArgumentException("Dataset: image shape " + shape + " has "
          + shape.pixels() + " pixels but the data has " + featureCount() + " columns");
    }
    return new Dataset(features, labels, classNames, shape, provenance);
  }

  /**
   * The same examples with new features (Not copied; owned from now on), e.g. after a transform
   * named {@code step}. Labels stay; the image shape stays if the column count does.
   */
  public Dataset withFeatures(DMatrixRMaj newFeatures, String step) {
    Objects.requireNonNull(newFeatures, "newFeatures");
    if (newFeatures.numRows != size() || newFeatures.numCols < 1) {
      throw new IllegalArgumentException("Dataset: new features are " + newFeatures.numRows
          + "x" + newFeatures.numCols + ", expected " + size() + " rows");
    }
    ImageShape shape = newFeatures.numCols == featureCount() ? imageShape : null;
    return new Dataset(newFeatures, labels, classNames, shape, provenance.derive(step));
  }

  /** The same data with another provenance, e.g. a friendlier description of the same files. */
  public Dataset withProvenance(Provenance newProvenance) {
    Objects.requireNonNull(newProvenance, "newProvenance");
    return new Dataset(features, labels, classNames, imageShape, newProvenance);
  }

  /** The number of examples (rows). */
  public int size() {
    return features.numRows;
  }

  /** The number of features (columns). */
  public int featureCount() {
    return features.numCols;
  }

  /** The live {@code size() x featureCount()} feature matrix. Not to be modified. */
  public DMatrixRMaj features() {
    return features;
  }

  /** Whether the examples carry labels. */
  public boolean hasLabels() {
    return labels != null;
  }

  /** A copy of the labels, one per row, if there are any. */
  public Optional<int[]> labels() {
    return labels == null ? Optional.empty() : Optional.of(labels.clone());
  }

  /** The label of example {@code row}. */
  public int label(int row) {
    if (labels == null) {
      throw new IllegalStateException("Dataset has no labels (" + provenance.description() + ")");
    }
    checkRow(row);
    return labels[row];
  }

  /** The names of the classes labels index; empty when unknown. */
  public List<String> classNames() {
    return classNames;
  }

  /** The image shape when the columns are the pixels of an image. */
  public Optional<ImageShape> imageShape() {
    return Optional.ofNullable(imageShape);
  }

  public Provenance provenance() {
    return provenance;
  }

  /**
   * A new data set holding copies of the given rows, in the given order (repeats allowed, as for
   * a bootstrap sample).
   */
  public Dataset subset(int[] rows) {
    Objects.requireNonNull(rows, "rows");
    int d = featureCount();
    DMatrixRMaj out = new DMatrixRMaj(rows.length, d);
    int[] outLabels = labels == null ? null : new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      int r = rows[i];
      if (r < 0 || r >= size()) {
        throw new IndexOutOfBoundsException("Dataset.subset: rows[" + i + "] = " + r
            + " is outside [0, " + size() + ")");
      }
      System.arraycopy(features.data, r * d, out.data, i * d, d);
      if (outLabels != null) {
        outLabels[i] = labels[r];
      }
    }
    return new Dataset(out, outLabels, classNames, imageShape,
        provenance.derive("subset of " + rows.length + " rows"));
  }

  /** A new data set holding copies of rows {@code from} (inclusive) to {@code to} (exclusive). */
  public Dataset rows(int from, int to) {
    if (from < 0 || to > size() || from > to) {
      throw new IndexOutOfBoundsException("Dataset.rows(" + from + ", " + to
          + "): need 0 <= from <= to <= " + size());
    }
    int d = featureCount();
    DMatrixRMaj out = new DMatrixRMaj(to - from, d);
    System.arraycopy(features.data, from * d, out.data, 0, (to - from) * d);
    int[] outLabels = labels == null ? null : Arrays.copyOfRange(labels, from, to);
    return new Dataset(out, outLabels, classNames, imageShape,
        provenance.derive("rows " + from + ".." + to));
  }

  private void checkRow(int row) {
    if (row < 0 || row >= size()) {
      throw new IndexOutOfBoundsException("Dataset: row " + row + " is outside [0, " + size()
          + ")");
    }
  }

  @Override
  public String toString() {
    return "Dataset(" + size() + " x " + featureCount()
        + (imageShape == null ? "" : ", images " + imageShape)
        + (labels == null ? ", unlabelled" : ", labelled"
            + (classNames.isEmpty() ? "" : " (" + classNames.size() + " classes)"))
        + ", " + provenance.description() + ")";
  }
}
