package org.latentj.inference.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.latentj.inference.checkpoint.Checkpoint;

/**
 * A checkpoint could not be written. Thrown by {@link CheckpointListener}, it stops training:
 * the message names the file and the epoch, the file on disk still holds the previous checkpoint
 * (saves are atomic), and the snapshot that failed to save is kept in {@link #checkpoint()} so a
 * caller can save it elsewhere. Nothing of the run is lost beyond what it cannot write.
 */
public final class CheckpointWriteException extends UncheckedIOException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final transient Checkpoint checkpoint;

  /**
   * @param previousEpoch the epoch of the checkpoint the file still holds, or -1 if none was
   *     saved there by this run
   */
  public CheckpointWriteException(Path file, Checkpoint checkpoint, long previousEpoch,
      IOException cause) {
    super("cannot save the checkpoint of epoch " + checkpoint.position().epoch() + " to " + file
        + " (" + cause.getMessage() + "); training stopped. "
        + (previousEpoch >= 0 ? "The file still holds the checkpoint of epoch " + previousEpoch
            : "No earlier checkpoint of this run was saved there") + ".", cause);
    this.file = file;
    this.checkpoint = checkpoint;
  }

  /** The file that could not be written. */
  public Path file() {
    return file;
  }

  /** The snapshot that could not be saved (complete; save it elsewhere to keep the run). */
  public Checkpoint checkpoint() {
    return checkpoint;
  }
}
