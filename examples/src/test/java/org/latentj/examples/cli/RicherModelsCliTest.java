package org.latentj.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 14's command line: a flow posterior, a convolutional network, a VampPrior and the
 * Poisson and Student-t likelihoods train end to end, are recorded in provenance and
 * summary.json, and are rebuilt from the run folder by resume and by the commands that read a
 * run; their bad inputs end in one line. Two tiny runs (100 digits, one epoch) serve it all.
 */
class RicherModelsCliTest {

  @TempDir
  static Path dir;
  /** A 2-stage conv network, an IAF posterior and a Student-t likelihood. */
  static Path convFlow;
  /** A VampPrior and a Poisson likelihood on fixed-binarized digits. */
  static Path vampPoisson;

  private static final String[] SMALL = {"--epochs", "1", "--hidden", "8", "--latent", "2",
      "--limit", "100", "--validation", "0", "--eval-k", "2"};

  private static LatentjTest.Result train(Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("train"));
    args.addAll(List.of(SMALL));
    args.addAll(List.of(more));
    args.addAll(List.of("--out", out.toString()));
    return LatentjTest.latentj(args.toArray(String[]::new));
  }

  @BeforeAll
  static void runs() {
    convFlow = dir.resolve("conv-flow");
    LatentjTest.Result a = train(convFlow, "--network", "conv", "--channels", "2,4", "--flow",
        "iaf:1", "--likelihood", "student-t");
    assertThat(a.code()).as(a.err()).isZero();
    vampPoisson = dir.resolve("vamp-poisson");
    LatentjTest.Result b = train(vampPoisson, "--prior", "vamp:3", "--likelihood", "poisson",
        "--binarize", "fixed");
    assertThat(b.code()).as(b.err()).isZero();
  }

  private static JsonNode summary(Path run) throws IOException {
    return new ObjectMapper().readTree(Files.readString(run.resolve(Run.SUMMARY)));
  }

  @Test
  void theRunsRecordFlowNetworkPriorAndLikelihood() throws IOException {
    JsonNode a = summary(convFlow).at("/settings");
    assertThat(a.at("/flow").asText()).isEqualTo("iaf:1");
    assertThat(a.at("/network/type").asText()).isEqualTo("conv");
    assertThat(a.at("/network/image").toString()).isEqualTo("[1,28,28]");
    assertThat(a.at("/network/channels").toString()).isEqualTo("[2,4]");
    assertThat(a.at("/likelihood").asText()).isEqualTo("student-t");
    JsonNode b = summary(vampPoisson).at("/settings");
    assertThat(b.at("/prior").asText()).isEqualTo("vamp:3");
    assertThat(b.at("/likelihood").asText()).isEqualTo("poisson");
    assertThat(summary(convFlow).at("/model").asText())
        .contains("1x28x28-c2-c4-8-2-8-c4-c2-1x28x28", "iaf:1 flow posterior");
    for (Path run : List.of(convFlow, vampPoisson)) {
      for (String png : List.of(Run.SAMPLES, Run.RECONSTRUCTIONS, Run.MANIFOLD)) {
        assertThat(run.resolve(png)).isRegularFile();
      }
    }
  }

  @Test
  void theCommandsThatReadARunRebuildItsModelFromTheFolder() throws IOException {
    for (Path run : List.of(convFlow, vampPoisson)) {
      for (String[] command : List.of(
          new String[] {"sample", run.toString(), "--count", "4", "-o",
              dir.resolve("s.png").toString()},
          new String[] {"reconstruct", run.toString(), "--count", "2", "-o",
              dir.resolve("r.png").toString()},
          new String[] {"interpolate", run.toString(), "--steps", "3", "-o",
              dir.resolve("i.png").toString()},
          new String[] {"evaluate", run.toString(), "-k", "2", "--examples", "5", "--json",
              dir.resolve("e.json").toString()})) {
        LatentjTest.Result r = LatentjTest.latentj(command);
        assertThat(r.code()).as(command[0] + " " + run + ": " + r.err()).isZero();
      }
    }
    // A flow posterior's moments are estimated from seeded draws: the same file each time.
    Path first = dir.resolve("latents-1.csv");
    Path second = dir.resolve("latents-2.csv");
    for (Path out : List.of(first, second)) {
      LatentjTest.Result r = LatentjTest.latentj("encode", convFlow.toString(), "--examples",
          "3", "-o", out.toString());
      assertThat(r.code()).as(r.err()).isZero();
    }
    List<String> lines = Files.readAllLines(first);
    assertThat(lines).hasSize(4).isEqualTo(Files.readAllLines(second));
    for (String value : lines.get(1).split(",")) {
      assertThat(Double.parseDouble(value)).isFinite();
    }
  }

  @Test
  void aResumedRunRebuildsFlowAndConvNetworkFromItsProvenance() throws IOException {
    Path copy = Files.createDirectories(dir.resolve("resumed"));
    for (String f : List.of(Run.CHECKPOINT)) {
      Files.copy(convFlow.resolve(f), copy.resolve(f));
    }
    LatentjTest.Result r = LatentjTest.latentj("train", "--resume", copy.toString(),
        "--epochs", "2", "--eval-k", "0");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(summary(copy).at("/epochs").asInt()).isEqualTo(2);
    assertThat(summary(copy).at("/settings/flow").asText()).isEqualTo("iaf:1");
    LatentjTest.Result changed = LatentjTest.latentj("train", "--resume", copy.toString(),
        "--epochs", "3", "--flow", "planar:1");
    assertThat(changed.code()).isEqualTo(1);
    assertThat(changed.err()).contains("checkpoint belongs to another model",
        "(--flow changed the model; leave out options that change its shape)");
  }

  /** One bad request: the arguments, the exit code and what stderr must contain. */
  record Row(String args, int code, String... message) {
    @Override
    public String toString() {
      return args;
    }
  }

  static Stream<Row> rows() {
    return Stream.of(
        new Row("train --flow maf:2", 2, "'--flow': 'maf:2' is not one of none, planar, radial,"
            + " iaf, realnvp"),
        new Row("train --flow iaf:0", 2, "--flow iaf:0: 'iaf:0': the argument of iaf must be a"
            + " positive integer, got '0'"),
        new Row("train --flow none:2", 2, "--flow none:2: none takes no layer count"),
        new Row("train --prior mog:0", 2, "--prior mog:0: 'mog:0': the argument of mog must be"
            + " a positive integer, got '0'"),
        new Row("train --prior vamp:0", 2, "--prior vamp:0: 'vamp:0': the argument of vamp must"
            + " be a positive integer, got '0'"),
        new Row("train --prior vamp:3 --flow iaf:2", 2, "--prior vamp:3 cannot be combined with"
            + " --flow iaf:2: a VampPrior mixes the encoder's diagonal Normal posteriors"),
        new Row("train --network resnet", 2, "'--network': 'resnet' is not one of mlp, conv"),
        new Row("train --channels 0", 2, "--channels must be at least 1, got 0"),
        new Row("train --likelihood student-t:-1", 2, "--likelihood student-t:-1: 'student-t:-1':"
            + " the degrees of freedom must be a positive number, got '-1'"),
        new Row("train --likelihood poisson:3", 2, "poisson takes no argument"),
        new Row("train --network conv --image 5x5 --limit 100 --out NEWDIR", 2,
            "--image 5x5: 5 x 5 images do not divide the row width 784 (25 pixels per channel)"),
        new Row("train --network conv --image 2x28x28 --limit 100 --out NEWDIR", 2,
            "--image 2x28x28: 2 x 28 x 28 images do not divide the row width 784"),
        new Row("train --network conv --image 28by28 --limit 100 --out NEWDIR", 2,
            "--image 28by28: expected HxW or CxHxW with positive whole numbers"),
        new Row("train --network conv --channels 2,2,2,2 --limit 100 --out NEWDIR", 2,
            "conv network: 4 stride-2 stages need a height and width divisible by 16, but the"
                + " image is 28 x 28"),
        new Row("train --likelihood poisson --limit 100 --validation 0 --out NEWDIR", 1,
            "--likelihood poisson needs counts (0, 1, 2, ...), but", "at row 0, column",
            "add --binarize fixed or dynamic"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void exitsWithItsCodeAndOneLineNamingTheOption(Row row) {
    String[] args = row.args().replace("NEWDIR", dir.resolve("never-made").toString())
        .split(" ");
    LatentjTest.Result r = LatentjTest.latentj(args);
    assertThat(r.code()).as(r.err()).isEqualTo(row.code());
    assertThat(r.err()).contains(row.message())
        .doesNotContainPattern("\\n\\s+at [\\w.$]+\\(").doesNotContain("Exception");
    assertThat(dir.resolve("never-made")).as("a refused start leaves no folder").doesNotExist();
  }

  @Test
  void trainHelpSaysWhatEachLikelihoodPriorAndFlowLearns() {
    LatentjTest.Result r = LatentjTest.latentj("train", "--help");
    assertThat(r.code()).isZero();
    String help = r.out().replaceAll("\\s+", " ");
    assertThat(help).contains("--likelihood: ", "poisson: Poisson: learns a rate per feature",
        "student-t: Student-t: learns a location, a scale and the degrees of freedom",
        "--prior: ", "vamp: vamp:K, the VampPrior", "--flow: ", "iaf: K inverse autoregressive",
        "none: no flow", "--network=NAME", "--channels=N[,N...]", "--image=[Cx]HxW");
  }
}
