package org.latentj.examples.reproduction;

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
import picocli.CommandLine;

/** The flows-and-priors driver end to end on a budget of seconds, and its configuration names. */
class FlowsAndPriorsTableTest {

  @Test
  void tinyRunScoresEveryConfigurationOnTheSameImages(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    int code = new CommandLine(new FlowsAndPriorsTable(
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(log, true, StandardCharsets.UTF_8))).execute("--train-images", "40",
        "--stages", "1", "--hidden", "8", "--latent", "3", "--eval-k", "6", "--eval-images", "5",
        "--configs", "normal,planar:2,iaf:1,mog:2,vamp:2", "--out", dir.toString());
    assertThat(code).as(log.toString(StandardCharsets.UTF_8)).isZero();
    List<String> csv = Files.readAllLines(dir.resolve("flows-priors.csv"));
    assertThat(csv).hasSize(6);
    assertThat(csv.get(0)).isEqualTo("image,normal,planar:2,iaf:1,mog:2,vamp:2");
    for (String row : csv.subList(1, 6)) {
      for (String v : row.substring(row.indexOf(',') + 1).split(",")) {
        assertThat(Double.parseDouble(v)).isNegative().isGreaterThan(-784 * Math.log(2) * 2);
      }
    }
    String md = Files.readString(dir.resolve("flows-priors.md"));
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(md);
    assertThat(md).contains("| normal | ").contains("| +0.00 | 0.00 |").contains("| vamp:2 | ")
        .contains("784-8-8-3 tanh");
  }

  @Test
  void configurationNamesParseOrSayWhatIsExpected() {
    assertThat(PosteriorPriorConfig.parse("iaf:4").flow()).hasToString("iaf:4");
    assertThat(PosteriorPriorConfig.parse("vamp:10").prior()).hasToString("vamp:10");
    assertThatThrownBy(() -> PosteriorPriorConfig.parse("mog:0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PosteriorPriorConfig: 'mog:0' is not normal, a flow posterior (planar:K,"
            + " radial:K, iaf:K, realnvp:K) or a prior (mog:K, vamp:K)");
  }
}
