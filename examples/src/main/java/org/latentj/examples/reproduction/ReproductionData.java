package org.latentj.examples.reproduction;

import java.io.IOException;
import java.nio.file.Path;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.latentj.examples.data.EmbeddedDigits;
import org.latentj.examples.data.FashionMnist;
import org.latentj.inference.data.Dataset;

/**
 * The training and test matrices a reproduction driver works on (rows are examples, prepared as
 * its paper prescribes: binarized, dequantized, ...), a one-line description for its report, and
 * the cuts every driver makes: the first rows for evaluation subsets and short runs, the pixel
 * means an output bias starts from. {@link #images} loads the raw image sets by name.
 */
public record ReproductionData(DMatrixRMaj train, DMatrixRMaj test, String description) {

  /** Raw 8-bit image sets with their labels: training, and test. */
  public record Images(Dataset train, Dataset test) {

    /**
     * The same images with only the first {@code n} training images ({@code n <= 0}: all of
     * them).
     */
    public Images firstTraining(int n) {
      return n <= 0 || n >= train.size() ? this : new Images(train.rows(0, n), test);
    }
  }

  public ReproductionData {
    if (train.numCols != test.numCols) {
      throw new IllegalArgumentException("ReproductionData: train has " + train.numCols
          + " columns but test has " + test.numCols);
    }
  }

  /**
   * {@code digits} (the embedded 8,000/2,000 MNIST digits) or {@code fashion} (Fashion-MNIST's
   * 60,000/10,000, found by {@link FashionMnist#locate(Path)} with {@code fashionFolder}; null:
   * the usual search).
   */
  public static Images images(String name, Path fashionFolder) throws IOException {
    switch (name) {
      case "digits":
        return new Images(EmbeddedDigits.train(), EmbeddedDigits.test());
      case "fashion": {
        Path folder = FashionMnist.locate(fashionFolder);
        return new Images(FashionMnist.train(folder), FashionMnist.test(folder));
      }
      default:
        throw new IllegalArgumentException("ReproductionData: data set must be digits or"
            + " fashion, got '" + name + "'");
    }
  }

  /** The first {@code min(n, rows)} training rows, a fixed subset for evaluation. */
  public DMatrixRMaj trainSubset(int n) {
    return firstRows(train, n);
  }

  /** The first {@code min(n, rows)} test rows ({@code n <= 0}: all of them). */
  public DMatrixRMaj testSubset(int n) {
    return n <= 0 ? test : firstRows(test, n);
  }

  /** The same data cut to its first {@code trainRows} / {@code testRows} rows (for short runs). */
  public ReproductionData head(int trainRows, int testRows) {
    return new ReproductionData(firstRows(train, trainRows), firstRows(test, testRows),
        description + ", first " + Math.min(trainRows, train.numRows) + " / "
        + Math.min(testRows, test.numRows));
  }

  /** The mean of each pixel over the training images, {@code 1 x d}. */
  public DMatrixRMaj pixelMeans() {
    int d = train.numCols;
    DMatrixRMaj mean = new DMatrixRMaj(1, d);
    for (int r = 0; r < train.numRows; r++) {
      for (int j = 0; j < d; j++) {
        mean.data[j] += train.data[r * d + j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean.data[j] /= train.numRows;
    }
    return mean;
  }

  /** The first {@code min(n, rows)} rows of {@code m} (Not modified), as a copy. */
  static DMatrixRMaj firstRows(DMatrixRMaj m, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("ReproductionData: need at least one row, got " + n);
    }
    return CommonOps_DDRM.extract(m, 0, Math.min(n, m.numRows), 0, m.numCols);
  }
}
