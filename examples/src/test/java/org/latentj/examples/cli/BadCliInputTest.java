package org.latentj.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.latentj.inference.checkpoint.CheckpointStore;
import org.latentj.inference.training.CheckpointListener;

/**
 * The command line's rows of the bad-input table (issue 7, {@value #TABLE} beside this class):
 * bad options and settings of every command, each of which must end with exit code 2 (usage) or
 * 1 (failure while working) and one message on stderr naming the option or file, never a stack
 * trace.
 *
 * <p>In each row {@code RUN} stands for a folder holding a damaged checkpoint, {@code EMPTY} for
 * an existing folder with no checkpoint, {@code FILE} for a regular file (so {@code FILE/x} is a
 * folder that cannot be created) and {@code BADCSV} for a CSV file holding a NaN. Options are
 * checked before the run folder is read, so most rows need no trained run. {@code TRAINED} is a
 * tiny run trained for two epochs, {@code OPTDAMAGED} a copy of it whose checkpoint has a damaged
 * optimizer section, {@code LOCKED} a folder another run holds, and {@code NEWDIR} a folder
 * that does not exist (and must not exist after a refused start).
 */
class BadCliInputTest {

  /** The table of bad requests, beside this class on the test class path. */
  static final String TABLE = "bad-cli-input.tsv";

  @TempDir
  static Path dir;
  static Path damagedRun;
  static Path emptyFolder;
  static Path regularFile;
  static Path badCsv;
  static Path rangeCsv;
  static Path emptyCellCsv;
  static Path trained;
  static Path optimizerDamaged;
  static Path locked;
  static RunFolder lockHolder;

  /** One bad request: the arguments, the exit code, and what stderr must contain. */
  record Row(String args, int code, String... message) {
    @Override
    public String toString() {
      return args.isEmpty() ? "(no arguments)" : args;
    }
  }

  @BeforeAll
  static void files() throws IOException {
    damagedRun = Files.createDirectories(dir.resolve("damaged"));
    Files.write(damagedRun.resolve(Run.CHECKPOINT), new byte[] {8, 0, 0, 0, 0, 0, 0, 0, '{'});
    emptyFolder = Files.createDirectories(dir.resolve("empty"));
    regularFile = Files.writeString(dir.resolve("plain.txt"), "not a folder\n");
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      csv.append(i == 5 ? "0.5,NaN,0.5,0.5" : "0.5,0.25,0.75,0.5").append('\n');
    }
    badCsv = Files.writeString(dir.resolve("bad.csv"), csv);
    rangeCsv = Files.writeString(dir.resolve("range.csv"), csv.toString()
        .replace("0.5,NaN,0.5,0.5", "0.5,0.25,0.75,0.5").replaceFirst(
            "(?s)^((?:[^\n]*\n){3})0.5,0.25,0.75", "$10.5,0.25,-0.5"));
    emptyCellCsv = Files.writeString(dir.resolve("empty-cell.csv"), csv.toString()
        .replace("0.5,NaN,0.5,0.5", "0.5,,0.5,0.5"));
    locked = dir.resolve("locked");
    lockHolder = RunFolder.claim(locked, "--out");
    trained = dir.resolve("trained");
    int code = Latentj.commandLine().execute("train", "--epochs", "2", "--hidden", "8",
        "--latent", "2", "--limit", "100", "--validation", "0", "--eval-k", "0", "--out",
        trained.toString());
    assertThat(code).isZero();
    optimizerDamaged = Files.createDirectories(dir.resolve("optimizer-damaged"));
    for (String f : List.of(Run.CHECKPOINT, CheckpointListener.PREVIOUS_FILE_NAME)) {
      Files.copy(trained.resolve(f), optimizerDamaged.resolve(f));
    }
    Path file = optimizerDamaged.resolve(Run.CHECKPOINT);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 1] ^= 0x55;
    Files.write(file, bytes);
  }

  @AfterAll
  static void release() throws IOException {
    lockHolder.close();
  }

  /** The rows of {@value #TABLE}: arguments, exit code, texts, separated by tabs. */
  static Stream<Row> rows() throws IOException {
    try (InputStream in = BadCliInputTest.class.getResourceAsStream(TABLE)) {
      assertThat(in).as(TABLE).isNotNull();
      List<Row> rows = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t", -1);
        assertThat(cells.length).as("%s: %s", TABLE, line).isGreaterThanOrEqualTo(3);
        rows.add(new Row(cells[0], Integer.parseInt(cells[1]),
            Arrays.copyOfRange(cells, 2, cells.length)));
      }
      return rows.stream();
    }
  }

  private static String[] args(String row) {
    List<String> args = new ArrayList<>();
    for (String a : row.trim().split(" +")) {
      if (a.isEmpty()) {
        continue;
      }
      args.add(a.replace("NEWDIR", dir.resolve("never-made").toString())
          .replace("OPTDAMAGED", optimizerDamaged.toString())
          .replace("TRAINED", trained.toString())
          .replace("LOCKED", locked.toString())
          .replace("RUN", damagedRun.toString())
          .replace("EMPTY", emptyFolder.toString())
          .replace("BADCSV", badCsv.toString())
          .replace("RANGECSV", rangeCsv.toString())
          .replace("NOCELLCSV", emptyCellCsv.toString())
          .replace("FILE", regularFile.toString()));
    }
    return args.toArray(new String[0]);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void exitsWithItsCodeAndOneMessageNamingTheOptionOrFile(Row row) {
    LatentjTest.Result r = LatentjTest.latentj(args(row.args()));
    String stderr = r.err();
    assertThat(r.code()).as(stderr).isEqualTo(row.code());
    assertThat(stderr).contains(row.message());
    // One message, no stack trace: no "at pkg.Class.method(" frames, no exception class names.
    assertThat(stderr).doesNotContainPattern("\\n\\s+at [\\w.$]+\\(")
        .doesNotContain("Exception").doesNotContain("allowNonFinite(");
    if (row.code() == 2) {
      assertThat(stderr).contains("--help");
    }
    assertThat(dir.resolve("never-made")).as("a refused start leaves no folder").doesNotExist();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"evaluate OPTDAMAGED -k 2 --examples 5 --json NEWJSON",
      "sample OPTDAMAGED --count 4 -o NEWPNG", "reconstruct OPTDAMAGED --count 4 -o NEWPNG",
      "manifold OPTDAMAGED --size 3 -o NEWPNG", "report OPTDAMAGED"})
  void aDamagedOptimizerSectionStillServesTheReadOnlyCommandsWithAWarning(String row) {
    LatentjTest.Result r = LatentjTest.latentj(args(row.replace("NEWJSON",
        dir.resolve("eval.json").toString()).replace("NEWPNG",
        dir.resolve("picture.png").toString())));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("warning: ", "checkpoint.safetensors",
        "damage is in the optimizer section");
  }

  @Test
  void aSkippedHeaderRowAndScaledValuesAreSaid() throws IOException {
    StringBuilder csv = new StringBuilder("a,b,c\n");
    for (int i = 0; i < 12; i++) {
      csv.append(i * 20).append(",255,0\n");
    }
    Path file = Files.writeString(dir.resolve("pixels.csv"), csv);
    LatentjTest.Result r = LatentjTest.latentj("train", "--data", file.toString(),
        "--validation", "0", "--epochs", "1", "--eval-k", "0", "--hidden", "4", "--latent", "1",
        "--out", dir.resolve("pixels").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("note: " + file + ": the first row holds a cell that "
        + "is not a number, so it was taken for a header row and skipped",
        "note: " + file + ": values lie in [0, 255] with some above 1, so all were scaled by "
        + "1/255 to [0, 1]");
  }

  @Test
  void trainKeepsThePreviousCheckpointBesideTheNewest() throws IOException {
    assertThat(CheckpointStore.load(trained.resolve(CheckpointListener.PREVIOUS_FILE_NAME))
        .position().epoch()).isEqualTo(1);
    assertThat(CheckpointStore.load(trained.resolve(Run.CHECKPOINT)).position().epoch())
        .isEqualTo(2);
  }
}
