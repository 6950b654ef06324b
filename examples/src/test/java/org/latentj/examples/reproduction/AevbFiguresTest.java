package org.latentj.examples.reproduction;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Figure 2 and Figure 4 drivers end to end with budgets of seconds. */
class AevbFiguresTest {

  @TempDir
  Path folder;

  @Test
  void figure2WritesCurveChartSamplesAndTable() throws Exception {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    int code = AevbFigure2.execute(new PrintStream(text, true, StandardCharsets.UTF_8),
        "--dataset", "digits", "--latent", "2,4", "--train-rows", "500", "--examples", "1000",
        "--first-eval", "200", "--points", "3", "--eval-examples", "100", "--output",
        folder.toString());
    String printed = text.toString(StandardCharsets.UTF_8);
    assertThat(code).as(printed).isZero();

    List<String> csv = Files.readAllLines(folder.resolve("figure2-digits.csv"));
    assertThat(csv.get(0)).isEqualTo("nz,examples,train_bound,test_bound,seconds");
    assertThat(csv).hasSize(1 + 2 * 3);
    for (int nz : new int[] {2, 4}) {
      List<double[]> rows = csv.subList(1, csv.size()).stream()
          .map(l -> java.util.Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble)
              .toArray())
          .filter(r -> r[0] == nz).toList();
      assertThat(rows.stream().mapToDouble(r -> r[1]).toArray())
          .containsExactly(200, 500, 1000);
      for (double[] r : rows) {
        assertThat(r[2]).isFinite().isNegative();
        assertThat(r[3]).isFinite().isNegative();
      }
      // Training improves both bounds between the first and the last evaluation.
      assertThat(rows.get(2)[2]).isGreaterThan(rows.get(0)[2]);
      assertThat(rows.get(2)[3]).isGreaterThan(rows.get(0)[3]);
      assertThat(rows.get(2)[4]).isGreaterThan(rows.get(0)[4]);
      BufferedImage samples = ImageIO.read(folder.resolve("samples-nz" + nz + ".png").toFile());
      // 10 x 10 tiles of 56 px (scale 2) with 2 px padding.
      assertThat(samples.getWidth()).isEqualTo(10 * 58 + 2);
    }
    BufferedImage chart = ImageIO.read(folder.resolve("figure2-digits.png").toFile());
    assertThat(chart.getWidth()).isEqualTo(800);
    List<String> md = Files.readAllLines(folder.resolve("figure2-digits.md"));
    assertThat(md.get(0)).startsWith("| Nz | examples seen | train bound | test bound |");
    assertThat(md).hasSize(2 + 2);
    assertThat(md.get(2)).startsWith("| 2 | 1000 |");
    assertThat(printed).contains(md.get(3)).contains("Nz=4: 500 examples");
  }

  @Test
  void figure4DrawsTheManifoldGrid() throws Exception {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    int code = AevbFigure4.execute(new PrintStream(text, true, StandardCharsets.UTF_8),
        "--dataset", "digits", "--train-rows", "500", "--examples", "500", "--eval-examples",
        "100", "--grid", "5", "--output", folder.toString());
    String printed = text.toString(StandardCharsets.UTF_8);
    assertThat(code).as(printed).isZero();
    BufferedImage png = ImageIO.read(folder.resolve("figure4-digits.png").toFile());
    assertThat(png.getWidth()).isEqualTo(5 * 28);
    assertThat(png.getHeight()).isEqualTo(5 * 28);
    assertThat(printed).contains("| 2 | 500 |");
  }

  @Test
  void badDataSetsAreUsageErrors() {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8);
    assertThat(AevbFigure4.execute(quiet, "--dataset", "fashion-gaussian", "--output",
        folder.toString())).isEqualTo(2);
    assertThat(AevbFigure2.execute(quiet, "--dataset", "frey", "--output", folder.toString()))
        .isEqualTo(2);
  }
}
