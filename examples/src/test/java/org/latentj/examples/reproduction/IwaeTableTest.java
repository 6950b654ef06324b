package org.latentj.examples.reproduction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The IWAE driver end to end on a budget of seconds. */
class IwaeTableTest {

  @Test
  void tinyRunWritesOneCsvRowPerConfigAndSeedAndATable(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    int code = new CommandLine(new IwaeTable(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(log, true, StandardCharsets.UTF_8))).execute("--train-images", "60",
        "--stages", "2", "--epochs-scale", "0.3", "--eval-k", "8", "--eval-images", "6",
        "--configs", "vae-k1,iwae-k5", "--seeds", "1,2", "--out", dir.toString());
    assertThat(code).isZero();

    List<String> csv = Files.readAllLines(dir.resolve("iwae-digits.csv"));
    assertThat(csv).hasSize(5);
    for (String row : csv.subList(1, 5)) {
      String[] f = row.split(",");
      assertThat(f[2]).as("epochs: stages of max(1, round(0.3 * 3^i)) = 1 + 1").isEqualTo("2");
      double elbo = Double.parseDouble(f[5]);
      double logPx = Double.parseDouble(f[6]);
      assertThat(logPx).isNegative().isGreaterThan(-784 * Math.log(2) * 2);
      assertThat(elbo).isNegative();
      assertThat(f[7]).isEqualTo("8");
      assertThat(f[8]).isEqualTo("6");
      assertThat(Integer.parseInt(f[9])).isBetween(0, 50);
    }
    String md = Files.readString(dir.resolve("iwae-digits.md"));
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(md);
    assertThat(md).contains("| vae-k1 | ELBO | 1 | 2 | 2 |").contains("| iwae-k5 | IWAE | 5 | 2 |")
        .contains("the first 6 test images scored");
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("[iwae-k5 seed 2] epoch 2/2 (stage 1").contains("elapsed");
  }
}
