package org.latentj.examples.reproduction;

import java.io.IOException;
import java.nio.file.Path;
import org.latentj.inference.data.Dataset;
import org.latentj.inference.data.Transforms;

/**
 * The data of the IWAE table: training grey levels in [0, 1] (binarized afresh each time they
 * are seen, by {@link org.latentj.inference.training.MinibatchData#dynamicallyBinarized()}) and a
 * test set binarized once by Bernoulli draws with a fixed seed, so every configuration and seed
 * is scored on the same binary images (Burda et al. 2015, section 5).
 */
final class IwaeData {

  /** The seed of the test set's one binarization. */
  static final long TEST_BINARIZATION_SEED = 20151101;

  private IwaeData() {}

  /**
   * {@code digits} or {@code fashion} ({@link ReproductionData#images}) prepared as above; the
   * description is the name.
   *
   * @param fashionFolder the Fashion-MNIST folder, or null to search for it
   * @param trainImages the first that many training images, 0 for all (for quick checks)
   */
  static ReproductionData load(String name, Path fashionFolder, int trainImages)
      throws IOException {
    ReproductionData.Images images = ReproductionData.images(name, fashionFolder);
    if (trainImages < 0) {
      throw new IllegalArgumentException("IwaeData: trainImages must be >= 0, got "
          + trainImages);
    }
    images = images.firstTraining(trainImages);
    Dataset binaryTest = Transforms.binarizeOnce(Transforms.scaleToUnit(images.test()),
        TEST_BINARIZATION_SEED);
    return new ReproductionData(Transforms.scaleToUnit(images.train()).features(),
        binaryTest.features(), name);
  }
}
