package org.latentj.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentj.examples.cli.Latentj;
import org.latentj.inference.checkpoint.CheckpointStore;
import org.latentj.inference.training.CheckpointListener;
import picocli.CommandLine;

/**
 * {@code latentj train --spark-master} and {@code latentj evaluate --spark-master} end to end:
 * the tool finds this module at run time and runs both on local Spark.
 */
class CommandLineOnSparkTest {

  @Test
  void trainAndEvaluateRunOnLocalSpark(@TempDir Path dir) throws IOException {
    Path run = dir.resolve("run");
    assertThat(execute("train", "--spark-master", "local[2]", "--limit", "60", "--hidden", "8",
        "--latent", "2", "--epochs", "1", "--batch-size", "20", "--validation", "0",
        "--eval-k", "0", "--out", run.toString())).isZero();
    assertThat(CheckpointStore.load(run.resolve(CheckpointListener.FILE_NAME)).provenance()
        .asMap().get("noise")).isEqualTo("keyed (--spark-master local[2])");
    Path figures = dir.resolve("evaluation.json");
    assertThat(execute("evaluate", run.toString(), "--spark-master", "local[2]",
        "--spark-partitions", "3", "-k", "10", "--examples", "30", "--json",
        figures.toString())).isZero();
    assertThat(Files.readString(figures)).contains("\"log_px\"");
  }

  /**
   * A flow posterior end to end on Spark: trained data-parallel, then evaluated there (its active
   * units from estimated posterior means on the driver, as on one machine: a flow's mean has no
   * closed form).
   */
  @Test
  void aFlowPosteriorTrainsAndIsEvaluatedOnLocalSpark(@TempDir Path dir) throws IOException {
    Path run = dir.resolve("run");
    assertThat(execute("train", "--spark-master", "local[2]", "--limit", "40", "--hidden", "8",
        "--latent", "2", "--flow", "planar:2", "--epochs", "1", "--batch-size", "20",
        "--validation", "0", "--eval-k", "0", "--out", run.toString())).isZero();
    Path figures = dir.resolve("evaluation.json");
    assertThat(execute("evaluate", run.toString(), "--spark-master", "local[2]", "-k", "5",
        "--examples", "20", "--json", figures.toString())).isZero();
    assertThat(Files.readString(figures)).contains("\"log_px\"", "\"active_units\"");
  }

  private static int execute(String... args) {
    CommandLine cl = Latentj.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    cl.setOut(new PrintWriter(new StringWriter()));
    int code = cl.execute(args);
    assertThat(code).as(err.toString()).isBetween(0, 0);
    return code;
  }
}
