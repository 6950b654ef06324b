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

/**
 * SIGKILL while checkpoints are being saved, {@value #TRIALS} times: a child JVM saves
 * {@value #MEGABYTES} MB checkpoints to one file in a loop and is killed at a random moment.
 * After every kill the file loads, verifies, and holds either the checkpoint that was there
 * before or one the child finished; no partial file is ever found under the target's name.
 * Temporary files of interrupted saves may remain beside it (hidden, never renamed); they are
 * counted, and the next save is not disturbed by them.
 *
 * <p>Starting a JVM costs far more than a save, so {@value #LANES} lanes run side by side, each
 * with its own folder and target file.
 */
class KillDuringSaveTest {

  static final int TRIALS = 100;
  static final int LANES = 2;
  static final int MEGABYTES = 4;
  /**
   * Kill moments are uniform over this many times the duration of a warm save, from the end of
   * the child's first (cold) save: so they fall in every phase of the next save (copying,
   * hashing, writing, forcing, renaming) and in the one after.
   */
  static final double KILL_WINDOW = 1.6;
  static final List<String> CHILD_OPTIONS =
      List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  @TempDir Path dir;

  /** What one lane saw. */
  record Lane(int trials, int killedMidSave, int newer, int temps, int completeTemps,
      double saveMillis) {}

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
      double saveMillis = 0;
      for (Future<Lane> f : lanes) {
        Lane l = f.get();
        killedMidSave += l.killedMidSave();
        newer += l.newer();
        temps += l.temps();
        completeTemps += l.completeTemps();
        saveMillis += l.saveMillis() / LANES;
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("KillDuringSaveTest: %d SIGKILLs in %.1f s (%d lanes; a warm save took "
          + "about %.0f ms), %d during a save, %d left a newer checkpoint, 0 corrupt "
          + "checkpoints; %d temporary files left (%d complete, %d partial), none under the "
          + "target's name%n", TRIALS, seconds, LANES, saveMillis, killedMidSave, newer, temps,
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
    double saveMillis = 100;
    for (int trial = 1; trial <= trials; trial++) {
      long first = trial * 1_000_000L;
      List<String> output;
      try (ChildJvm child = ChildJvm.start(ChildJvm.command(CHILD_OPTIONS, SaveLoop.class,
          target.toString(), Long.toString(first), Integer.toString(MEGABYTES)))) {
        long warm = child.awaitLine("end " + first, 60_000);
        assertThat(warm).as("trial %d: the child's first save; output %s", trial,
            child.lines()).isPositive();
        long killAt = warm + (long) (rng.nextDouble() * KILL_WINDOW * saveMillis * 1e6);
        Thread.sleep(Math.max(0, (killAt - System.nanoTime()) / 1_000_000));
        child.kill();
        output = child.lines();
        long began = child.arrival("begin " + (first + 1));
        long ended = child.arrival("end " + (first + 1));
        if (began > 0 && ended > 0) {
          // A running estimate of how long a warm save takes on this machine now.
          saveMillis = 0.7 * saveMillis + 0.3 * (ended - began) / 1e6;
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
    return new Lane(trials, killedMidSave, newer, temps.size(), completeTemps, saveMillis);
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

  private static List<Path> temporaryFiles(Path target) throws IOException {
    String prefix = "." + target.getFileName() + ".";
    try (Stream<Path> files = Files.list(target.getParent())) {
      return files.filter(p -> p.getFileName().toString().startsWith(prefix)
          && p.getFileName().toString().endsWith(".tmp")).toList();
    }
  }
}
