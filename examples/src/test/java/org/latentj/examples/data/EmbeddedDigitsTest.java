package org.latentj.examples.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentj.inference.data.Dataset;
import org.latentj.inference.data.ImageShape;
import org.latentj.inference.data.SourceFile;

/** The digits shipped in the jar, read through IdxReader's stream entry point. */
class EmbeddedDigitsTest {

  private static Dataset train;
  private static Dataset test;

  @BeforeAll
  static void read() {
    train = EmbeddedDigits.train();
    test = EmbeddedDigits.test();
  }

  @Test
  void sizesShapesAndClassNames() {
    assertThat(train.size()).isEqualTo(8000);
    assertThat(test.size()).isEqualTo(2000);
    for (Dataset ds : new Dataset[] {train, test}) {
      assertThat(ds.featureCount()).isEqualTo(784);
      assertThat(ds.imageShape()).contains(new ImageShape(28, 28));
      assertThat(ds.classNames()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8",
          "9");
    }
  }

  @Test
  void everyDigitAppearsInRoughlyItsUsualShare() {
    for (Dataset ds : new Dataset[] {train, test}) {
      int[] counts = new int[10];
      for (int label : ds.labels().orElseThrow()) {
        assertThat(label).isBetween(0, 9);
        counts[label]++;
      }
      for (int d = 0; d < 10; d++) {
        // MNIST classes hold 9% to 11.3% of the examples.
        assertThat(counts[d]).as("digit %d of %d", d, ds.size())
            .isBetween(ds.size() * 7 / 100, ds.size() * 13 / 100);
      }
    }
  }

  @Test
  void pixelsAreWholeNumbersFrom0To255WithMnistsMean() {
    for (Dataset ds : new Dataset[] {train, test}) {
      double[] d = ds.features().data;
      double min = Double.MAX_VALUE;
      double max = -Double.MAX_VALUE;
      double sum = 0;
      int fractional = 0;
      for (int i = 0; i < ds.size() * 784; i++) {
        fractional += d[i] == Math.rint(d[i]) ? 0 : 1;
        min = Math.min(min, d[i]);
        max = Math.max(max, d[i]);
        sum += d[i];
      }
      assertThat(fractional).isZero();
      assertThat(min).isZero();
      assertThat(max).isEqualTo(255);
      // MNIST's mean pixel is 33.3 (0.1307 x 255).
      assertThat(sum / (ds.size() * 784.0)).isBetween(30.0, 37.0);
    }
  }

  @Test
  void provenanceNamesTheResourcesAndTheirHashes() {
    assertThat(train.provenance().description()).startsWith("mnist-10k train");
    SourceFile images = train.provenance().files().get(0);
    assertThat(images.name())
        .isEqualTo("classpath:/org/latentj/examples/data/mnist-10k/train-images-idx3-ubyte.gz");
    assertThat(images.bytes()).isEqualTo(1_290_711);
    assertThat(images.sha256())
        .isEqualTo("2b46ae04ff6cfcfe303f8d4cf66841508262fe8bdf995a7b88a86e4453d61d70");
  }

  @Test
  void eachCallReturnsItsOwnData() {
    Dataset again = EmbeddedDigits.test();
    assertThat(again.features()).isNotSameAs(test.features());
    assertThat(again.features().data).isEqualTo(test.features().data);
  }
}
