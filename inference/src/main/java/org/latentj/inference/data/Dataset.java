package org.latentj.inference.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;

/**
 * A data set held in memory: features as an {@code n x d} matrix (row {@code i} is example
 * {@code i}), optional integer labels in {@code [0, classCount)}, optional class names and image
 * shape, and its {@link DataProvenance}.
 *
 * <p>The features are held either as a dense float64 matrix or, for 8-bit pixels read by
 * {@link IdxReader}, compactly as the bytes themselves ({@link #isCompact()}): Fashion-MNIST's
 * 60,000 x 784 pixels are 47 MB as bytes, 376 MB as doubles. {@link Transforms#scaleToUnit}
 * keeps them bytes (read as {@code b / 255}), {@link Minibatches} converts only the rows of each
 * batch, and {@link #features()} builds the matrix on demand; the doubles are the same either way.
 *
 * <p>Immutable by convention: a dense feature matrix is shared, not copied, so
 * {@link #features()} returns the live matrix, which callers must not modify, and the factories
 * take ownership of the matrix they are given. Labels are copied in and out. {@link #subset} and
 * {@link #rows} copy the selected rows into a new store of the same kind.
 */
public final class Dataset {

  private final FeatureStore store;
  private final int[] labels;
  private final List<String> classNames;
  private final ImageShape imageShape;
  private final DataProvenance provenance;

  private Dataset(FeatureStore store, int[] labels, List<String> classNames,
      ImageShape imageShape, DataProvenance provenance) {
    this.store = store;
    this.labels = labels;
    this.classNames = classNames;
    this.imageShape = imageShape;
    this.provenance = provenance;
  }

  /**
   * An unlabelled data set over {@code features} (Not copied: the data set owns it from now on).
   */
  public static Dataset of(DMatrixRMaj features, DataProvenance provenance) {
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(provenance, "provenance");
    if (features.numCols < 1) {
      throw new IllegalArgumentException("Dataset: features need at least one column, got "
          + features.numRows + "x" + features.numCols);
    }
    return new Dataset(FeatureStore.dense(features), null, List.of(), null, provenance);
  }

  /**
   * An unlabelled data set over 8-bit values (Not copied), {@code rows x cols} row-major, read as
   * {@code b & 0xFF}.
   */
  static Dataset ofBytes(byte[] values, int rows, int cols, DataProvenance provenance) {
    Objects.requireNonNull(provenance, "provenance");
    if (cols < 1) {
      throw new IllegalArgumentException("Dataset: features need at least one column, got "
          + rows + "x" + cols);
    }
    return new Dataset(FeatureStore.bytes(values, rows, cols, 1.0), null, List.of(), null,
        provenance);
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
    return new Dataset(store, labels.clone(), names, imageShape, provenance);
  }

  /** This data set, its columns being the pixels of {@code shape}-sized images, row by row. */
  public Dataset withImageShape(ImageShape shape) {
    Objects.requireNonNull(shape, "shape");
    if (shape.pixels() != featureCount()) {
      throw new IllegalArgumentException("Dataset: image shape " + shape + " has "
          + shape.pixels() + " pixels but the data has " + featureCount() + " columns");
    }
    return new Dataset(store, labels, classNames, shape, provenance);
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
    return withStore(FeatureStore.dense(newFeatures), step);
  }

  /** The same examples over {@code newStore}, a transform named {@code step} of this store. */
  Dataset withStore(FeatureStore newStore, String step) {
    ImageShape shape = newStore.cols == featureCount() ? imageShape : null;
    return new Dataset(newStore, labels, classNames, shape, provenance.derive(step));
  }

  /**
   * This data set with its features held as a dense float64 matrix: itself when they already
   * are, else a copy (for a held-out set whose {@link #features()} is read more than once).
   */
  public Dataset toDense() {
    return store.compact() ? new Dataset(FeatureStore.dense(store.matrix()), labels, classNames,
        imageShape, provenance) : this;
  }

  /** The same data with another provenance, e.g. a friendlier description of the same files. */
  public Dataset withProvenance(DataProvenance newProvenance) {
    Objects.requireNonNull(newProvenance, "newProvenance");
    return new Dataset(store, labels, classNames, imageShape, newProvenance);
  }

  /** The number of examples (rows). */
  public int size() {
    return store.rows;
  }

  /** The number of features (columns). */
  public int featureCount() {
    return store.cols;
  }

  /**
   * The {@code size() x featureCount()} feature matrix: the live one of a dense data set (Not to
   * be modified); for a compact one a new matrix each call, so read it once, or use
   * {@link Minibatches} or {@link #toDense()}.
   */
  public DMatrixRMaj features() {
    return store.matrix();
  }

  /** Whether the features are held as bytes rather than a float64 matrix (see above). */
  public boolean isCompact() {
    return store.compact();
  }

  /** The smallest and largest feature value, {@code {min, max}}, read without a matrix. */
  public double[] valueRange() {
    return store.valueRange();
  }

  /** How the features are held, for {@link Minibatches} and {@link Transforms}. */
  FeatureStore store() {
    return store;
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

  public DataProvenance provenance() {
    return provenance;
  }

  /**
   * A new data set holding copies of the given rows, in the given order (repeats allowed, as for
   * a bootstrap sample).
   */
  public Dataset subset(int[] rows) {
    Objects.requireNonNull(rows, "rows");
    int[] outLabels = labels == null ? null : new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      int r = rows[i];
      if (r < 0 || r >= size()) {
        throw new IndexOutOfBoundsException("Dataset.subset: rows[" + i + "] = " + r
            + " is outside [0, " + size() + ")");
      }
      if (outLabels != null) {
        outLabels[i] = labels[r];
      }
    }
    return new Dataset(store.select(rows), outLabels, classNames, imageShape,
        provenance.derive("subset of " + rows.length + " rows"));
  }

  /** A new data set holding copies of rows {@code from} (inclusive) to {@code to} (exclusive). */
  public Dataset rows(int from, int to) {
    if (from < 0 || to > size() || from > to) {
      throw new IndexOutOfBoundsException("Dataset.rows(" + from + ", " + to
          + "): need 0 <= from <= to <= " + size());
    }
    int[] outLabels = labels == null ? null : Arrays.copyOfRange(labels, from, to);
    return new Dataset(store.rows(from, to), outLabels, classNames, imageShape,
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
    return "Dataset(" + size() + " x " + featureCount() + (isCompact() ? " bytes" : "")
        + (imageShape == null ? "" : ", images " + imageShape)
        + (labels == null ? ", unlabelled" : ", labelled"
            + (classNames.isEmpty() ? "" : " (" + classNames.size() + " classes)"))
        + ", " + provenance.description() + ")";
  }
}
