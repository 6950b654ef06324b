package org.latentj.inference.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentj.inference.checkpoint.Checkpoint;
import org.latentj.inference.checkpoint.CheckpointFormatException;
import org.latentj.inference.checkpoint.CheckpointStore;
import org.latentj.tensor.Rngs;
import org.latentj.testing.ChildJvm;

/**
 * SIGKILL while checkpoints are being saved, {@value #TRIALS} times: a child JVM saves
 * {@value #MEGABYTES} MB checkpoints to one file in a loop and is killed at a random moment.
 * After every kill the file loads, verifies, and holds either the checkpoint that was there
 * before or one the child finished; no partial file is ever found under the target's name.
 * Temporary files of interrupted saves may remain beside it (hidden, never renamed); they are
 * counted, and the next save is not disturbed by them.
 *
 * <p>Half the kills come at a uniformly random moment of a save cycle, so every phase is hit in
 * proportion to its length; the other half come within {@value #WRITE_WINDOW_MS} ms of the
 * moment the save's temporary file appears, to aim at the dangerous stretch from writing to
 * renaming. Starting a JVM costs far more than a save, so {@value #LANES} lanes run side by
 * side, each with its own folder and target file.
 */
class KillDuringSaveTest {

  static final int TRIALS = 100;
  static final int LANES = 4;
  static final int MEGABYTES = 4;
  /**
   * Kill moments are uniform over this many save cycles (building the next checkpoint, then
   * saving it), from the end of the child's first, cold save: so they fall in every phase of
   * the next save (copying, hashing, writing, forcing, renaming) in proportion to its length.
   */
  static final double KILL_WINDOW = 1.2;
  /** Aimed kills come uniformly within this many ms after a temporary file appears. */
  static final int WRITE_WINDOW_MS = 40;
  /** C1 only: a child starts in half the time, which is most of a trial. */
  static final List<String> CHILD_OPTIONS =
      List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  @TempDir Path dir;

  /** What one lane saw. */
  record Lane(int trials, int killedMidSave, int newer, int temps, int completeTemps,
      double cycleMillis) {}

  @Test
  void sigkillDuringSaveNeverLeavesACheckpointThatCannotBeLoaded() throws Exception {
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(LANES);
    List<Future<Lane>> lanes = new ArrayList<>();
    try {
      for (int lane = 0; lane < LANES; lane++) {
        Path laneDir = Files.createDirectory(dir.resolve("lane" + lane));
        long seed = 2013 + lane;
        lanes.add(pool.submit(() -> runLane(laneDir, TRIALS / LANES, seed)));
      }
      int killedMidSave = 0;
      int newer = 0;
      int temps = 0;
      int completeTemps = 0;
      double cycleMillis = 0;
      for (Future<Lane> f : lanes) {
        Lane l = f.get();
        killedMidSave += l.killedMidSave();
        newer += l.newer();
        temps += l.temps();
        completeTemps += l.completeTemps();
        cycleMillis += l.cycleMillis() / LANES;
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("KillDuringSaveTest: %d SIGKILLs in %.1f s (%d lanes; a warm save "
          + "cycle took about %.0f ms), %d during a save, %d left a newer checkpoint, 0 corrupt "
          + "checkpoints; %d temporary files left (%d complete, %d partial), none under the "
          + "target's name%n", TRIALS, seconds, LANES, cycleMillis, killedMidSave, newer, temps,
          completeTemps, temps - completeTemps);
      // Enough kills must land inside a save, some after its temporary file was made, for the
      // test to mean anything.
      assertThat(killedMidSave).isGreaterThanOrEqualTo(TRIALS / 4);
      assertThat(temps).isPositive();
    } finally {
      pool.shutdownNow();
    }
  }

  private static Lane runLane(Path dir, int trials, long seed) throws Exception {
    Path target = dir.resolve("run.safetensors");
    CheckpointStore.save(target, BigCheckpoint.of(0, MEGABYTES));
    UniformRandomProvider rng = Rngs.create(seed);
    long previous = 0;
    int killedMidSave = 0;
    int newer = 0;
    double cycleMillis = 150;
    for (int trial = 1; trial <= trials; trial++) {
      long first = trial * 1_000_000L;
      List<String> output;
      try (ChildJvm child = ChildJvm.start(ChildJvm.command(CHILD_OPTIONS, SaveLoop.class,
          target.toString(), Long.toString(first), Integer.toString(MEGABYTES)))) {
        long warm = child.awaitLine("end " + first, 60_000);
        assertThat(warm).as("trial %d: the child's first save; output %s", trial,
            child.lines()).isPositive();
        if (trial % 2 == 0 && awaitNewTemporaryFile(target, temporaryFiles(target), 5_000)) {
          Thread.sleep(rng.nextInt(WRITE_WINDOW_MS));
        } else {
          long killAt = warm + (long) (rng.nextDouble() * KILL_WINDOW * cycleMillis * 1e6);
          Thread.sleep(Math.max(0, (killAt - System.nanoTime()) / 1_000_000));
        }
        child.kill();
        output = child.lines();
        long next = child.arrival("end " + (first + 1));
        if (next > 0) {
          // A running estimate of how long a warm cycle takes on this machine now.
          cycleMillis = 0.7 * cycleMillis + 0.3 * (next - warm) / 1e6;
        }
      }
      long ended = lastStep(output, "end ");
      if (output.get(output.size() - 1).startsWith("begin ")) {
        killedMidSave++;
      }

      assertThat(Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)).isTrue();
      Checkpoint loaded = CheckpointStore.load(target);
      BigCheckpoint.check(loaded);
      long step = loaded.position().step();
      // At least the newest save the child reported finished (its output may lose a line or
      // two at the moment of the kill, so the file may also hold a later one).
      assertThat(step).as("trial %d: step in the file; child output %s", trial, output)
          .isGreaterThanOrEqualTo(Math.max(ended, first)).isLessThan(first + 1_000_000L);
      if (step > ended) {
        newer++;
      }
      previous = step;
    }

    List<Path> temps = temporaryFiles(target);
    int completeTemps = 0;
    for (Path temp : temps) {
      assertThat(temp.getFileName().toString()).isNotEqualTo(target.getFileName().toString());
      try {
        CheckpointStore.load(temp);
        completeTemps++;
      } catch (CheckpointFormatException e) {
        // A save cut short: exactly what must never sit under the target's name.
      }
    }
    // The stray temporary files do not get in the way of the next save.
    CheckpointStore.save(target, BigCheckpoint.of(previous + 1, MEGABYTES));
    BigCheckpoint.check(CheckpointStore.load(target));
    return new Lane(trials, killedMidSave, newer, temps.size(), completeTemps, cycleMillis);
  }

  private static long lastStep(List<String> output, String prefix) {
    long step = -1;
    for (String line : output) {
      if (line.startsWith(prefix)) {
        step = Long.parseLong(line.substring(prefix.length()).trim());
      }
    }
    return step;
  }

  /** Polls until a temporary file not in {@code known} appears; false after the timeout. */
  private static boolean awaitNewTemporaryFile(Path target, List<Path> known, long timeoutMillis)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    while (System.nanoTime() < deadline) {
      for (Path p : temporaryFiles(target)) {
        if (!known.contains(p)) {
          return true;
        }
      }
      Thread.sleep(0, 200_000);
    }
    return false;
  }

  private static List<Path> temporaryFiles(Path target) throws IOException {
    String prefix = "." + target.getFileName() + ".";
    try (Stream<Path> files = Files.list(target.getParent())) {
      return files.filter(p -> p.getFileName().toString().startsWith(prefix)
          && p.getFileName().toString().endsWith(".tmp")).toList();
    }
  }
}
