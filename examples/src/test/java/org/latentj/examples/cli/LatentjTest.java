package org.latentj.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.latentj.inference.checkpoint.Checkpoint;
import org.latentj.inference.checkpoint.CheckpointStore;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every command run in-process on tiny runs (a 784-32-2-32-784 VAE on the first 200 embedded
 * digits, one epoch): the files each writes, their sizes, and the exit codes and messages of
 * bad requests.
 */
class LatentjTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path shared;
  static Path run;

  record Result(int code, String out, String err) {}

  static Result latentj(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Latentj.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  /** {@code train} of the tiny VAE for {@code epochs} epochs into {@code out}. */
  static Result trainTiny(int epochs, Path out) {
    return latentj("train", "--epochs", Integer.toString(epochs), "--hidden", "32", "--latent",
        "2", "--limit", "200", "--eval-k", "5", "--out", out.toString());
  }

  static BufferedImage png(Path file) throws IOException {
    assertThat(file).isRegularFile();
    BufferedImage image = ImageIO.read(file.toFile());
    assertThat(image).as(file.toString()).isNotNull();
    return image;
  }

  static void assertSize(Path file, int width, int height) throws IOException {
    BufferedImage image = png(file);
    assertThat(image.getWidth()).as(file + " width").isEqualTo(width);
    assertThat(image.getHeight()).as(file + " height").isEqualTo(height);
  }

  @BeforeAll
  static void trainOnce() {
    run = shared.resolve("tiny");
    Result r = trainTiny(1, run);
    assertThat(r.code()).as(r.err()).isZero();
  }

  @Test
  void trainWritesEveryFileOfTheRunFolder() throws IOException {
    for (String f : List.of("checkpoint.safetensors", "metrics.jsonl", "summary.json")) {
      assertThat(run.resolve(f)).isRegularFile();
    }
    // 64 samples of 28x28 at scale 2 in 8 columns with 2 px padding: 8 * 58 + 2 = 466.
    assertSize(run.resolve("samples.png"), 466, 466);
    // 24 test digits over their reconstructions: 3 blocks of 2 grid rows.
    assertSize(run.resolve("reconstructions.png"), 466, 6 * 58 + 2);
    // Figure 4: 20 x 20 tiles at scale 1.
    assertSize(run.resolve("manifold.png"), 20 * 30 + 2, 20 * 30 + 2);
    assertSize(run.resolve("training-curve.png"), 800, 500);

    List<String> metrics = Files.readAllLines(run.resolve("metrics.jsonl"));
    assertThat(metrics).hasSize(1);
    JsonNode epoch = JSON.readTree(metrics.get(0));
    assertThat(epoch.get("examples_seen").asLong()).isEqualTo(160);
    assertThat(epoch.get("validation_bound").asDouble()).isNegative();

    JsonNode summary = JSON.readTree(run.resolve("summary.json").toFile());
    assertThat(summary.get("epochs").asInt()).isEqualTo(1);
    assertThat(summary.get("matmul_kernel").asText()).isNotBlank();
    assertThat(summary.get("dtype").asText()).isEqualTo("float32");
    assertThat(summary.at("/test/examples").asInt()).isEqualTo(200);
    assertThat(summary.at("/test/elbo").asDouble()).isNegative();
    assertThat(summary.at("/test/log_px_k").asInt()).isEqualTo(5);
    // Importance sampling tightens the bound.
    assertThat(summary.at("/test/log_px").asDouble())
        .isGreaterThan(summary.at("/test/elbo").asDouble() - 5);
    assertThat(summary.at("/settings/network/hiddenSizes/0").asInt()).isEqualTo(32);
  }

  @Test
  void aFloat32RunTrainsStoresF32ResumesInFloat32AndEvaluates() throws IOException {
    Path dir = shared.resolve("float32");
    Result r = latentj("train", "--epochs", "1", "--hidden", "32", "--latent", "2", "--limit",
        "200", "--eval-k", "5", "--dtype", "float32", "--out", dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("parameters, float32)");
    JsonNode summary = JSON.readTree(dir.resolve("summary.json").toFile());
    assertThat(summary.get("dtype").asText()).isEqualTo("float32");
    assertThat(summary.at("/test/elbo").asDouble()).isNegative();
    Checkpoint saved = CheckpointStore.load(dir.resolve("checkpoint.safetensors"));
    assertThat(saved.dtypes()).hasSize(saved.parameters().size()
        + saved.optimizerTensors().size());

    // Resumed on two workers: it trains, and says that the run was trained with one.
    Result resumed;
    System.setProperty("latentj.training.workers", "2");
    try {
      resumed = latentj("train", "--resume", dir.toString(), "--epochs", "2", "--eval-k", "5");
    } finally {
      System.clearProperty("latentj.training.workers");
    }
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(resumed.err()).contains("warning: " + dir + " was trained with 1 workers, this run"
        + " uses 2 (-Dlatentj.training.workers)");
    assertThat(JSON.readTree(dir.resolve("summary.json").toFile()).get("dtype").asText())
        .isEqualTo("float32");
    Result eval = latentj("evaluate", dir.toString(), "-k", "5", "--examples", "20");
    assertThat(eval.code()).as(eval.err()).isZero();
    assertThat(eval.out()).contains("test ELBO");
  }

  @Test
  void evaluatePrintsAndWritesTheFigures() throws IOException {
    Path json = shared.resolve("eval.json");
    Result r = latentj("evaluate", run.toString(), "-k", "20", "--examples", "20", "--json",
        json.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("test ELBO", "test log p(x)", "k = 20", "active units");
    JsonNode n = JSON.readTree(json.toFile());
    assertThat(n.at("/test/examples").asInt()).isEqualTo(20);
    assertThat(n.at("/test/log_px").asDouble()).isNegative();
    assertThat(n.at("/test/active_units").asInt()).isBetween(0, 2);
    assertThat(n.get("epoch").asInt()).isEqualTo(1);
  }

  @Test
  void pictureCommandsWriteTheirPngs() throws IOException {
    Path samples = shared.resolve("s.png");
    assertThat(latentj("sample", run.toString(), "-n", "10", "--columns", "5", "--scale", "1",
        "-o", samples.toString()).code()).isZero();
    assertSize(samples, 5 * 30 + 2, 2 * 30 + 2);

    Path recon = shared.resolve("r.png");
    assertThat(latentj("reconstruct", run.toString(), "-n", "4", "--columns", "4", "-o",
        recon.toString()).code()).isZero();
    assertSize(recon, 4 * 58 + 2, 2 * 58 + 2);

    Path manifold = shared.resolve("m.png");
    assertThat(latentj("manifold", run.toString(), "-n", "5", "--scale", "1", "-o",
        manifold.toString()).code()).isZero();
    assertSize(manifold, 5 * 30 + 2, 5 * 30 + 2);

    Path path = shared.resolve("i.png");
    Result r = latentj("interpolate", run.toString(), "--from", "3", "--to", "7", "--steps",
        "4", "--method", "spherical", "-o", path.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains(path.toString());
    assertSize(path, 6 * 58 + 2, 58 + 2);
  }

  @Test
  void aResumedRunContinuesBitForBit() throws IOException {
    Path resumed = shared.resolve("resumed");
    Files.createDirectories(resumed);
    for (String f : List.of("checkpoint.safetensors", "metrics.jsonl")) {
      Files.copy(run.resolve(f), resumed.resolve(f));
    }
    Result r = latentj("train", "--resume", resumed.toString(), "--epochs", "2", "--eval-k",
        "0");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("epochs 2..2");
    Path straight = shared.resolve("straight");
    assertThat(trainTiny(2, straight).code()).isZero();
    Checkpoint a = CheckpointStore.load(resumed.resolve("checkpoint.safetensors"));
    Checkpoint b = CheckpointStore.load(straight.resolve("checkpoint.safetensors"));
    assertThat(a.position()).isEqualTo(b.position());
    for (Map.Entry<String, DMatrixRMaj> e : b.parameters().entrySet()) {
      assertThat(a.parameters().get(e.getKey()).data).as(e.getKey())
          .containsExactly(e.getValue().data);
    }
    assertThat(Files.readAllLines(resumed.resolve("metrics.jsonl"))).hasSize(2);
  }

  @Test
  void resumingWithAnotherShapeFailsWithTheCompatibilityMessage() throws IOException {
    Path copy = shared.resolve("reshaped");
    Files.createDirectories(copy);
    Files.copy(run.resolve("checkpoint.safetensors"), copy.resolve("checkpoint.safetensors"));
    Result r = latentj("train", "--resume", copy.toString(), "--epochs", "2", "--hidden", "16");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("checkpoint belongs to another model",
        "guide.encoder.network.layer0.weight is 784x16 here but 784x32 in the file", "--hidden");
  }

  @Test
  void manifoldOfAModelWithMoreThanTwoLatentDimensionsIsAUsageError() {
    Path wide = shared.resolve("latent3");
    assertThat(latentj("train", "--epochs", "1", "--hidden", "8", "--latent", "3", "--limit",
        "100", "--validation", "0", "--eval-k", "0", "--out", wide.toString()).code()).isZero();
    assertThat(wide.resolve("manifold.png")).doesNotExist();
    Result r = latentj("manifold", wide.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("2-D latent space", "3 latent dimensions", "--latent 2");
  }

  @Test
  void dataOfAnotherWidthIsRefusedNamingBothSizes() throws IOException {
    Path csv = shared.resolve("tiny.csv");
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 24; i++) {
      List<String> row = new ArrayList<>();
      for (int j = 0; j < 100; j++) {
        row.add(String.format(Locale.ROOT, "%.2f", ((i * 7 + j) % 10) / 10.0));
      }
      s.append(String.join(",", row)).append('\n');
    }
    Files.writeString(csv, s);
    Result r = latentj("evaluate", run.toString(), "--data", csv.toString(), "-k", "1");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("100 values per example", "10x10 images", "takes 784");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "train --latent -3 | --latent must be at least 1, got -3",
      "train --batch-size 0 | --batch-size must be at least 1, got 0",
      "train --hidden 32,-1 | --hidden must be at least 1, got -1",
      "train --epochs 0 | --epochs must be at least 1",
      "train --lr -0.1 | --lr must be a positive number",
      "train --likelihood beta | '--likelihood': 'beta' is not one of bernoulli,",
      "train --objective iwae-dreg --particles x | '--particles'",
      "train --binarize sometimes | none, fixed, dynamic",
      "train --data /no/such/place | --data /no/such/place: no such file or folder",
      "train --bogus | Unknown option: '--bogus'",
      "train --dtype float16 | --dtype float16: expected float64 or float32",
      "evaluate /no/such/run | RUN_DIR /no/such/run: no such folder",
      "evaluate | Missing required parameter: 'RUN_DIR'",
      "sample /no/such/run --count 0 | --count must be at least 1",
      "interpolate /no/such/run --steps 1 | --steps must be at least 2",
  })
  void badRequestsExitWithTwoNamingTheOption(String args, String message) {
    Result r = latentj(args.trim().split(" +"));
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains(message.trim()).contains("--help");
    assertThat(r.err()).doesNotContain("Exception");
  }

  @Test
  void trainingIntoAnExistingRunIsRefused() {
    Result r = trainTiny(1, run);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("already holds a run", "--resume " + run);
  }

  @Test
  void aFolderWithoutACheckpointIsAUsageError() {
    Result r = latentj("sample", shared.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("holds no checkpoint.safetensors");
  }

  @Test
  void anIdxFolderWithoutItsFilesIsNamed() throws IOException {
    Path empty = Files.createDirectories(shared.resolve("empty-idx"));
    Result r = latentj("train", "--data", empty.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("train-images-idx3-ubyte");
  }

  @Test
  void noCommandIsAUsageError() {
    Result r = latentj();
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("a command is needed");
  }

  @ParameterizedTest
  @ValueSource(strings = {"train", "evaluate", "sample", "reconstruct", "manifold",
      "interpolate", "encode", "report"})
  void helpExplainsEveryOption(String command) {
    Result r = latentj(command, "--help");
    assertThat(r.code()).isZero();
    CommandLine sub = Latentj.commandLine().getSubcommands().get(command);
    for (OptionSpec o : sub.getCommandSpec().options()) {
      if (o.hidden()) {
        assertThat(r.out()).doesNotContain(o.longestName());
        continue;
      }
      assertThat(r.out()).contains(o.longestName());
      assertThat(String.join(" ", o.description())).as(o.longestName()).isNotBlank();
    }
    assertThat(r.out()).doesNotContain("${");
  }

  @Test
  void enumValuesTakeEitherSpelling() {
    Path dir = shared.resolve("spellings");
    Result r = latentj("train", "--epochs", "1", "--hidden", "8", "--latent", "2", "--limit",
        "60", "--validation", "0", "--eval-k", "0", "--objective", "IWAE_DREG", "-k", "2",
        "--likelihood", "continuous-bernoulli", "--activation", "TANH", "--binarize",
        "dynamic", "--optimizer", "adamw", "--out", dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("continuous-bernoulli likelihood", "iwae-dreg k=2", "tanh",
        "adamw");
  }
}
