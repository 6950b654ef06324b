package org.latentj.inference.reliability;

import java.io.IOException;
import java.nio.file.Path;
import org.latentj.inference.checkpoint.Checkpoint;
import org.latentj.inference.checkpoint.CheckpointStore;

/**
 * Child JVM for the write-failure test: saves one {@link BigCheckpoint} and reports how it went,
 * "saved", or "failed: " and the exception's message (exit code 3), staying alive either way.
 * Arguments: target path, step, megabytes.
 */
public final class SaveOnce {

  static final int FAILED = 3;

  private SaveOnce() {}

  public static void main(String[] args) {
    Path target = Path.of(args[0]);
    Checkpoint c = BigCheckpoint.of(Long.parseLong(args[1]), Integer.parseInt(args[2]));
    try {
      CheckpointStore.save(target, c);
      System.out.println("saved");
    } catch (IOException e) {
      System.out.println("failed: " + e.getMessage());
      System.exit(FAILED);
    }
  }
}
