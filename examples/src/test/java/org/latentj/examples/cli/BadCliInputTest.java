package org.latentj.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * The command line's rows of the bad-input table (issue 7): bad options and settings of every
 * command, each of which must end with exit code 2 (usage) or 1 (failure while working) and one
 * message on stderr naming the option or file, never a stack trace.
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

  static Stream<Row> rows() {
    return Stream.of(
        // train: sizes, counts and names
        new Row("train --latent 0", 2, "--latent must be at least 1, got 0"),
        new Row("train --latent -3", 2, "--latent must be at least 1, got -3"),
        new Row("train --hidden 0", 2, "--hidden must be at least 1, got 0"),
        new Row("train --hidden 32,-1", 2, "--hidden must be at least 1, got -1"),
        new Row("train --hidden 32,,8", 2, "--hidden"),
        new Row("train --batch-size 0", 2, "--batch-size must be at least 1, got 0"),
        new Row("train --batch-size -100", 2, "--batch-size must be at least 1"),
        new Row("train --batch-size 1e9", 2, "--batch-size", "1e9"),
        new Row("train --epochs 0", 2, "--epochs must be at least 1, got 0"),
        new Row("train --particles 0", 2, "--particles must be at least 1, got 0"),
        new Row("train --objective iwae -k -2", 2, "--particles must be at least 1, got -2"),
        new Row("train --lr -0.1", 2, "--lr must be a positive number, got -0.1"),
        new Row("train --lr 0", 2, "--lr must be a positive number, got 0.0"),
        new Row("train --lr NaN", 2, "--lr must be a positive number, got NaN"),
        new Row("train --lr Infinity", 2, "--lr must be a positive number, got Infinity"),
        new Row("train --lr fast", 2, "'--lr'", "fast"),
        new Row("train --likelihood beta", 2, "'--likelihood': 'beta' is not one of"),
        new Row("train --likelihood", 2, "--likelihood"),
        new Row("train --objective elbow", 2, "'--objective': 'elbow' is not one of", "elbo"),
        new Row("train --optimizer lbfgs", 2, "'--optimizer': 'lbfgs' is not one of", "adam"),
        new Row("train --prior hyperbolic:10", 2,
            "'--prior': 'hyperbolic:10' is not one of standard-normal"),
        new Row("train --prior mog:0", 2,
            "--prior mog:0: 'mog:0': the argument of mog must be a positive integer, got '0'"),
        new Row("train --prior standard-normal:3", 2,
            "--prior standard-normal:3: 'standard-normal:3': standard-normal takes no argument"),
        new Row("train --activation swish", 2, "'--activation': 'swish' is not one of", "relu"),
        new Row("train --prior laplace", 2, "'--prior': 'laplace' is not one of"),
        new Row("train --binarize sometimes", 2, "'--binarize'", "none, fixed, dynamic"),
        new Row("train --validation -1", 2, "--validation must be at least 0, got -1"),
        new Row("train --limit -1", 2, "--limit must be at least 0, got -1"),
        new Row("train --eval-k -5", 2, "--eval-k must be at least 0, got -5"),
        new Row("train --checkpoint-every 0", 2, "--checkpoint-every must be at least 1"),
        new Row("train --seed 1.5", 2, "'--seed'", "1.5"),
        new Row("train --data /no/such/place", 2, "--data /no/such/place: no such file"),
        new Row("train --data EMPTY", 2, "--data", "train-images-idx3-ubyte"),
        new Row("train --data FILE", 2, "--data", "plain.txt", ".csv"),
        new Row("train --data BADCSV --validation 0 --epochs 1", 1, "bad.csv", "line 6",
            "column 2", "NaN", "latentj cannot train on NaN"),
        new Row("train --data RANGECSV --validation 0 --epochs 1", 1, "range.csv",
            "line 4, column 3: -0.5 is outside [0.0, 255.0]", "--likelihood gaussian"),
        new Row("train --data NOCELLCSV --validation 0 --epochs 1", 1, "empty-cell.csv",
            "line 6, column 2: empty cell"),
        new Row("train --resume /no/such/run", 2, "RUN_DIR /no/such/run: no such folder"),
        new Row("train --resume RUN", 1, "checkpoint.safetensors"),
        new Row("train --resume EMPTY --out FILE", 2, "--out cannot be combined with --resume"),
        new Row("train --limit 100 --validation 0 --eval-k 0 --out FILE/run", 1, "plain.txt"),
        new Row("train --bogus", 2, "Unknown option: '--bogus'"),
        new Row("train --epoch 3", 2, "Unknown options: '--epoch'", "Did you mean --epochs?"),
        new Row("train --latnet=3", 2, "Unknown option: '--latnet=3'", "--latent"),
        // the heap, the run folder and its checkpoint
        new Row("train --hidden 1000000 --limit 100 --validation 0 --out NEWDIR", 1,
            "needs about", "GB of heap, more than the", "JAVA_OPTS=-Xmx", "--hidden"),
        new Row("train --hidden 2000,2000,2000 --particles 5000 --limit 100 --out NEWDIR", 1,
            "needs about", "activations of one batch", "--particles"),
        new Row("train --network conv --channels 4096,4096 --limit 100 --out NEWDIR", 1,
            "needs about", "GB of heap, more than the", "JAVA_OPTS=-Xmx"),
        new Row("train --latent 20000 --flow iaf:4 --limit 100 --out NEWDIR", 1,
            "needs about", "GB of heap, more than the", "JAVA_OPTS=-Xmx"),
        // fails inside the first epoch, before any checkpoint: the new folder is removed
        new Row("train --limit 100 --validation 0 --hidden 8 --lr 1e300 --optimizer sgd "
            + "--batch-size 10 --out NEWDIR", 1, "must be finite"),
        new Row("train --limit 100 --validation 0 --epochs 1 --out LOCKED", 1,
            "--out", "locked is in use by another 'latentj train'", ".lock"),
        new Row("train --resume LOCKED", 2, "holds no checkpoint.safetensors"),
        new Row("train --resume OPTDAMAGED --epochs 4", 1, "cannot resume",
            "damage is in the optimizer section", "checkpoint.prev.safetensors",
            "copy it over"),
        new Row("train --resume TRAINED --epochs 2", 2, "has already finished 2 epochs"),
        // --spark-master: checked before connecting; without the spark module, one line.
        new Row("train --spark-master local[2] --binarize dynamic --limit 100 --validation 0"
            + " --out NEWDIR", 2, "--binarize dynamic cannot be combined with --spark-master"),
        new Row("train --spark-master local[2] --spark-partitions -1 --limit 100 --validation 0"
            + " --out NEWDIR", 2, "--spark-partitions must be at least 0, got -1"),
        new Row("train --spark-master local[2] --limit 100 --validation 0 --out NEWDIR", 2,
            "--spark-master local[2]: no scale-out provider on the class path"),
        new Row("evaluate TRAINED --spark-master local[2]", 2,
            "--spark-master local[2]: no scale-out provider on the class path"),
        new Row("train --out TRAINED --limit 100", 2, "already holds a run",
            "--resume"),
        new Row("train extra", 2, "Unmatched argument", "'extra'"),
        // evaluate
        new Row("evaluate", 2, "Missing required parameter: 'RUN_DIR'"),
        new Row("evaluate /no/such/run", 2, "RUN_DIR /no/such/run: no such folder"),
        new Row("evaluate EMPTY", 2, "holds no checkpoint.safetensors"),
        new Row("evaluate FILE", 2, "RUN_DIR", "plain.txt"),
        new Row("evaluate RUN", 1, "checkpoint.safetensors"),
        new Row("evaluate RUN -k -1", 2, "--samples must be at least 0, got -1"),
        new Row("evaluate RUN --elbo-samples 0", 2, "--elbo-samples must be at least 1"),
        new Row("evaluate RUN --examples -4", 2, "--examples must be at least 0, got -4"),
        new Row("evaluate RUN -k many", 2, "'--samples'", "many"),
        // sample
        new Row("sample RUN --count 0", 2, "--count must be at least 1, got 0"),
        new Row("sample RUN --columns 0", 2, "--columns must be at least 1, got 0"),
        new Row("sample RUN --scale 0", 2, "--scale must be at least 1, got 0"),
        new Row("sample RUN", 1, "checkpoint.safetensors"),
        new Row("sample EMPTY", 2, "holds no checkpoint.safetensors"),
        // reconstruct
        new Row("reconstruct RUN --count -1", 2, "--count must be at least 1, got -1"),
        new Row("reconstruct RUN --columns -2", 2, "--columns must be at least 1"),
        new Row("reconstruct /no/such/run", 2, "RUN_DIR /no/such/run: no such folder"),
        // manifold
        new Row("manifold RUN --size 0", 2, "--size must be at least 1, got 0"),
        new Row("manifold RUN --scale -1", 2, "--scale must be at least 1, got -1"),
        new Row("manifold RUN", 1, "checkpoint.safetensors"),
        // interpolate
        new Row("interpolate RUN --steps 1", 2, "--steps must be at least 2, got 1"),
        new Row("interpolate RUN --from -1", 2, "--from must be at least 0, got -1"),
        new Row("interpolate RUN --to -7", 2, "--to must be at least 0, got -7"),
        new Row("interpolate RUN --method cubic", 2, "'--method': 'cubic' is not one of",
            "linear"),
        new Row("interpolate EMPTY", 2, "holds no checkpoint.safetensors"),
        // numbers out
        new Row("train --log-every-steps -1", 2, "--log-every-steps must be at least 0"),
        new Row("encode", 2, "Missing required parameter: 'RUN_DIR'"),
        new Row("encode EMPTY", 2, "holds no checkpoint.safetensors"),
        new Row("encode RUN", 1, "checkpoint.safetensors"),
        new Row("encode TRAINED --examples -1", 2, "--examples must be at least 0, got -1"),
        new Row("encode TRAINED --split dev", 2, "'--split': 'dev' is not one of"),
        new Row("encode TRAINED --split validation", 2, "has no validation set",
            "--validation 0"),
        new Row("sample TRAINED --format gif", 2, "'--format': 'gif' is not one of"),
        // the run page
        new Row("report", 2, "Missing required parameter: 'RUN_DIR'"),
        new Row("report EMPTY", 2, "holds no checkpoint.safetensors"),
        new Row("report NEWDIR", 2, "no such folder"),
        new Row("report RUN", 1, "checkpoint.safetensors"),
        new Row("reprot TRAINED", 2, "Did you mean report"),
        // no command at all, or an unknown one
        new Row("", 2, "a command is needed"),
        new Row("fit", 2, "Unmatched argument", "'fit'"),
        new Row("trian", 2, "Unmatched argument", "Did you mean train"),
        new Row("evalute RUN", 2, "Did you mean evaluate"));
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
