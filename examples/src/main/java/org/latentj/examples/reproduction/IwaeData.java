package org.latentj.examples.reproduction;

import java.io.IOException;
import java.nio.file.Path;
import org.ejml.data.DMatrixRMaj;
import org.latentj.examples.data.EmbeddedDigits;
import org.latentj.examples.data.FashionMnist;
import org.latentj.inference.data.Dataset;
import org.latentj.inference.data.Transforms;

/**
 * The data of the IWAE table: training grey levels in [0, 1] (binarized afresh each time they
 * are seen, by {@link org.latentj.inference.training.MinibatchData#dynamicallyBinarized()}) and a
 * test set binarized once by Bernoulli draws with a fixed seed, so every configuration and seed
 * is scored on the same binary images (Burda et al. 2015, section 5).
 *
 * @param name {@code digits} or {@code fashion}
 * @param train grey levels, one image per row
 * @param test binary, one image per row
 */
record IwaeData(String name, DMatrixRMaj train, DMatrixRMaj test) {

  /** The seed of the test set's one binarization. */
  static final long TEST_BINARIZATION_SEED = 20151101;

  /**
   * {@code digits} (the 8,000/2,000 embedded MNIST digits) or {@code fashion} (Fashion-MNIST's
   * 60,000/10,000, found by {@link FashionMnist#locate(Path)}).
   *
   * @param fashionFolder the Fashion-MNIST folder, or null to search for it
   * @param trainImages the first that many training images, 0 for all (for quick checks)
   */
  static IwaeData load(String name, Path fashionFolder, int trainImages) throws IOException {
    Dataset train;
    Dataset test;
    switch (name) {
      case "digits":
        train = EmbeddedDigits.train();
        test = EmbeddedDigits.test();
        break;
      case "fashion": {
        Path folder = FashionMnist.locate(fashionFolder);
        train = FashionMnist.train(folder);
        test = FashionMnist.test(folder);
        break;
      }
      default:
        throw new IllegalArgumentException("IwaeData: data set must be digits or fashion, got '"
            + name + "'");
    }
    if (trainImages < 0) {
      throw new IllegalArgumentException("IwaeData: trainImages must be >= 0, got "
          + trainImages);
    }
    if (trainImages > 0) {
      train = train.rows(0, Math.min(trainImages, train.size()));
    }
    Dataset binaryTest = Transforms.binarizeOnce(Transforms.scaleToUnit(test),
        TEST_BINARIZATION_SEED);
    return new IwaeData(name, Transforms.scaleToUnit(train).features(), binaryTest.features());
  }

  /** The first {@code n} test images ({@code n <= 0} or beyond the end: all of them). */
  DMatrixRMaj testImages(int n) {
    if (n <= 0 || n >= test.numRows) {
      return test;
    }
    int d = test.numCols;
    DMatrixRMaj out = new DMatrixRMaj(n, d);
    System.arraycopy(test.data, 0, out.data, 0, n * d);
    return out;
  }

  /** The mean of each pixel over the training images, {@code 1 x d}. */
  DMatrixRMaj pixelMeans() {
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
}
