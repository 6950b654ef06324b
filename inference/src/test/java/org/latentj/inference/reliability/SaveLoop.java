package org.latentj.inference.reliability;

import java.io.IOException;
import java.nio.file.Path;
import org.latentj.inference.checkpoint.Checkpoint;
import org.latentj.inference.checkpoint.CheckpointStore;

/**
 * Child JVM for the kill-during-save harness: saves {@link BigCheckpoint}s of steps
 * {@code first, first + 1, ...} to one file, forever, printing "begin N" before and "end N"
 * after each save. Arguments: target path, first step, megabytes, and optionally a number of
 * saves after which to stop (to warm up a class-data archive).
 */
public final class SaveLoop {

  private SaveLoop() {}

  public static void main(String[] args) throws IOException {
    Path target = Path.of(args[0]);
    long first = Long.parseLong(args[1]);
    int megabytes = Integer.parseInt(args[2]);
    long end = args.length > 3 ? first + Long.parseLong(args[3]) : Long.MAX_VALUE;
    for (long step = first; step < end; step++) {
      Checkpoint c = BigCheckpoint.of(step, megabytes);
      System.out.println("begin " + step);
      System.out.flush();
      CheckpointStore.save(target, c);
      System.out.println("end " + step);
      System.out.flush();
    }
  }
}
