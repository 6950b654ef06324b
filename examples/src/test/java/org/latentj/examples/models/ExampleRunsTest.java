package org.latentj.examples.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentj.examples.data.EmbeddedDigits;
import org.latentj.inference.data.Dataset;
import org.latentj.inference.data.Transforms;
import org.latentj.nn.Activation;

/** Both runnable examples end to end on a few digits with small networks, for one epoch. */
class ExampleRunsTest {

  @TempDir
  Path folder;

  private static Dataset train() {
    return Transforms.scaleToUnit(EmbeddedDigits.train().rows(0, 300));
  }

  private static Dataset test() {
    return Transforms.scaleToUnit(EmbeddedDigits.test().rows(0, 60));
  }

  @Test
  void hierarchicalExampleReportsEveryFigureAndDrawsTenByTenSamples() throws IOException {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    Path png = folder.resolve("h.png");
    HierarchicalVaeExample.Report r = HierarchicalVaeExample.run(
        new HierarchicalVaeSettings(784, 24, 6, 12, 3, Activation.TANH, 2), train(), test(), 2,
        25, png, new PrintStream(text, true, StandardCharsets.UTF_8));

    assertThat(r.epochs()).hasSize(2);
    assertThat(r.epochs().get(1).testElbo()).isGreaterThan(r.epochs().get(0).testElbo());
    assertThat(r.testElbo()).isBetween(-600.0, 0.0);
    // L_50 >= L_1 in expectation; early in training the gap is tens of nats.
    assertThat(r.testIwae()).isGreaterThan(r.testElbo()).isLessThan(0);
    assertThat(r.activeUnits()).containsOnlyKeys("z1", "z2");
    assertThat(text.toString(StandardCharsets.UTF_8)).contains("epoch   2:", "test IWAE",
        "active units: z1", "wrote 100 samples");
    BufferedImage image = ImageIO.read(png.toFile());
    // 10 x 10 tiles of 56 pixels with 2 pixels of padding: 10 * 58 + 2.
    assertThat(image.getWidth()).isEqualTo(582);
    assertThat(image.getHeight()).isEqualTo(582);
  }

  @Test
  void conditionalExampleReportsEveryFigureAndDrawsARowPerDigit() throws IOException {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    Path png = folder.resolve("c.png");
    ConditionalVaeExample.Report r = ConditionalVaeExample.run(
        new ConditionalVaeSettings(784, 10, 32, 3, Activation.RELU, 2), train(), test(), 2, 25,
        png, new PrintStream(text, true, StandardCharsets.UTF_8));

    assertThat(r.epochs()).hasSize(2);
    assertThat(r.testElbo()).isBetween(-600.0, 0.0);
    assertThat(r.testIwae()).isGreaterThan(r.testElbo()).isLessThan(0);
    assertThat(r.generatedAgreement()).isBetween(0.0, 1.0);
    assertThat(r.realAgreement()).isGreaterThan(0.5);
    assertThat(text.toString(StandardCharsets.UTF_8)).contains("epoch   2:", "test IWAE",
        "nearest class mean", "wrote 10 rows (digits 0..9)");
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(582);
    assertThat(image.getHeight()).isEqualTo(582);
  }
}
