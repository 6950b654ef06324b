package org.latentj.examples.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentj.nn.ImageShape;
import org.latentj.nn.Initializer;
import org.latentj.nn.Sequential;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/** The conv-vs-MLP comparison end to end on a few digits, and the conv networks' shapes. */
class ConvVaeExampleTest {

  @Test
  void trainsBothNetworksAndReportsPairedFigures(@TempDir Path output) {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    List<ConvVaeExample.Result> results = ConvVaeExample.run(SmallDigits.train(200),
        SmallDigits.train(30), 1, 20, 8, 1, output,
        new PrintStream(text, true, StandardCharsets.UTF_8));
    assertThat(results).hasSize(2);
    ConvVaeExample.Result mlp = results.get(0);
    ConvVaeExample.Result conv = results.get(1);
    // "a similar parameter count": within 2% of each other
    assertThat((double) conv.parameters()).isCloseTo(mlp.parameters(),
        org.assertj.core.data.Percentage.withPercentage(2));
    for (ConvVaeExample.Result r : results) {
      assertThat(r.logLikelihoods()).hasSize(20);
      assertThat(r.meanLogLikelihood()).isLessThan(0).isGreaterThan(r.testElbo() - 1);
      assertThat(r.standardError()).isPositive();
    }
    assertThat(text.toString(StandardCharsets.UTF_8)).contains("conv - MLP, paired");
    assertThat(Files.exists(output.resolve("samples-mlp.png"))).isTrue();
    assertThat(Files.exists(output.resolve("samples-conv.png"))).isTrue();
  }

  @Test
  void networksHalveAndDoubleTheSide() {
    ImageShape digits = ImageShape.of(1, 28, 28);
    Sequential encoder = ConvNetworks.encoder(digits, new int[] {4, 8}, 6,
        Initializer.glorotNormal(), Rngs.create(1));
    Sequential decoder = ConvNetworks.decoder(3, new int[] {8, 4}, digits,
        Initializer.glorotNormal(), Rngs.create(2));
    assertThat(encoder.forward(Tensor.zeros(2, 784)).shape()).isEqualTo("2x6");
    assertThat(decoder.forward(Tensor.zeros(2, 3)).shape()).isEqualTo("2x784");
    assertThat(encoder.rowWise()).isTrue();
    assertThatThrownBy(() -> ConvNetworks.encoder(ImageShape.of(1, 30, 30), new int[] {4, 8}, 6,
        Initializer.glorotNormal(), Rngs.create(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must have a height and width divisible by 4");
  }

  @Test
  void standardErrorIsTheSampleSdOverRootN() {
    double[] v = {1, 2, 3, 4};
    assertThat(ConvVaeExample.mean(v)).isEqualTo(2.5);
    assertThat(ConvVaeExample.standardError(v)).isEqualTo(Math.sqrt(5.0 / 3 / 4));
  }
}
