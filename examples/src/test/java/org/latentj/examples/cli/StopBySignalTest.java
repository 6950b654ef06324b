package org.latentj.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentj.inference.checkpoint.CheckpointStore;
import org.latentj.testing.ChildJvm;

/**
 * {@code latentj train} in a child JVM, stopped by SIGINT or SIGTERM: it saves a checkpoint at
 * the step it reached, says so and how to continue, exits with 130 or 143, and the resumed run
 * ends with the parameters of a run never stopped, bit for bit. Also: an OutOfMemoryError ends
 * in one line and exit code 1.
 */
class StopBySignalTest {

  /**
   * How long a child may take before the test calls it hung. Only a guard against a hang, never
   * a speed check: with two cores shared by several builds a child JVM's start, ten epochs and
   * pictures have taken more than two minutes, so the guard is far beyond any healthy run.
   */
  static final long TIMEOUT_MS = 900_000;

  @TempDir
  Path dir;

  /** {@code latentj args} in a child JVM with the exact matrix kernel and {@code options}. */
  private static ChildJvm latentj(List<String> options, String... args) throws IOException {
    List<String> jvm = new ArrayList<>(List.of("-Dlatentj.matmul=ejml"));
    jvm.addAll(options);
    return ChildJvm.start(ChildJvm.command(jvm, Latentj.class, args));
  }

  /**
   * A small run: 2,000 digits in batches of 10 for 10 epochs, so a signal sent after the first
   * epoch comes well before the end even on a fast idle machine (nine epochs of 200 steps left).
   */
  private static String[] train(String... more) {
    List<String> args = new ArrayList<>(List.of("train", "--hidden", "16", "--latent",
        "2", "--limit", "2000", "--validation", "0", "--eval-k", "0", "--epochs", "10",
        "--batch-size", "10"));
    args.addAll(List.of(more));
    return args.toArray(new String[0]);
  }

  /** Trains into {@code out}, sends {@code signal} after the first epoch, checks the end. */
  private static void stop(String signal, int code, Path out)
      throws IOException, InterruptedException {
    try (ChildJvm child = latentj(List.of(), train("--out", out.toString()))) {
      assertThat(child.awaitLineStarting("epoch 1/", TIMEOUT_MS)).as("%s", child.lines())
          .isTrue();
      child.signal(signal);
      assertThat(child.waitFor(TIMEOUT_MS)).as("%s", child.lines()).isEqualTo(code);
      assertThat(String.join("\n", child.lines())).contains("SIG" + signal + ": stopped ",
          "saved " + out.resolve(Run.CHECKPOINT),
          "continue with: ./latentj train --resume " + out).doesNotContain("Exception");
    }
  }

  /**
   * Whether this JVM was started with SIGINT ignored, as a shell does for a command it puts in
   * the background ({@code cmd &} without job control, or under nohup). A child inherits the
   * ignored signal and can never see it, so the SIGINT test cannot run there; SIGTERM is not
   * affected. Reads the Linux {@code SigIgn} mask; elsewhere assumes the signal is not ignored.
   */
  static boolean sigintIgnored() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return false;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("SigIgn:")) {
        long mask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16);
        return (mask & (1L << (2 - 1))) != 0;
      }
    }
    return false;
  }

  private static Map<String, DMatrixRMaj> parameters(Path run) throws IOException {
    return CheckpointStore.load(run.resolve(Run.CHECKPOINT)).parameters();
  }

  @Test
  void sigintSavesTheStepAndResumeEndsBitForBitAsAnUnstoppedRun() throws Exception {
    assumeFalse(sigintIgnored(), "this JVM was started with SIGINT ignored (a background job),"
        + " so its child could not receive it");
    Path interrupted = dir.resolve("interrupted");
    stop("INT", 130, interrupted);
    try (ChildJvm resumed = latentj(List.of(), "train", "--resume",
        interrupted.toString())) {
      assertThat(resumed.waitFor(TIMEOUT_MS)).as("%s", resumed.lines()).isZero();
    }
    Path straight = dir.resolve("straight");
    try (ChildJvm child = latentj(List.of(), train("--out",
        straight.toString()))) {
      assertThat(child.waitFor(TIMEOUT_MS)).as("%s", child.lines()).isZero();
    }
    Map<String, DMatrixRMaj> expected = parameters(straight);
    Map<String, DMatrixRMaj> actual = parameters(interrupted);
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    expected.forEach((name, m) -> assertThat(actual.get(name).data).as(name)
        .containsExactly(m.data));
  }

  @Test
  void sigtermSavesAndExits143() throws Exception {
    Path out = dir.resolve("terminated");
    stop("TERM", 143, out);
    assertThat(CheckpointStore.load(out.resolve(Run.CHECKPOINT)).position().epoch())
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void outOfMemoryEndsInOneLineAndExitCode1() throws Exception {
    Path out = dir.resolve("oom");
    try (ChildJvm child = latentj(List.of("-Xmx24m"), "train", "--out",
        out.toString())) {
      assertThat(child.waitFor(TIMEOUT_MS)).as("%s", child.lines()).isEqualTo(1);
      assertThat(child.lines()).hasSize(1);
      assertThat(child.lines().get(0)).startsWith("latentj: out of memory")
          .contains("JAVA_OPTS=-Xmx");
    }
    assertThat(out).doesNotExist();
  }
}
