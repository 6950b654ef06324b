package org.latentj.inference.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import org.latentj.inference.checkpoint.Checkpoint;
import org.latentj.inference.checkpoint.CheckpointStore;
import org.latentj.inference.checkpoint.Provenance;

/**
 * Saves the run to {@code <run>/checkpoint.safetensors} at the end of every N-th epoch, and at
 * the end of training if the last finished epoch was not saved, so the file always holds the
 * newest finished epoch at most N - 1 epochs back. Each save replaces the file atomically
 * ({@link CheckpointStore}, exact float64): a crash or a failed write leaves the previous
 * checkpoint whole.
 *
 * <p>A failed write throws {@link CheckpointWriteException}, which stops training: carrying on
 * would only pile up work that cannot be saved either. The exception names the file and epoch
 * and holds the unsaved snapshot.
 */
public final class CheckpointListener implements TrainingListener {

  /** The checkpoint's file name inside a run folder. */
  public static final String FILE_NAME = "checkpoint.safetensors";
  /** The checkpoint before the newest, kept by {@link #keepingPrevious()}. */
  public static final String PREVIOUS_FILE_NAME = "checkpoint.prev.safetensors";

  private final Path file;
  private final Provenance provenance;
  private final int every;
  private boolean keepPrevious;
  private long savedEpoch = -1;
  private long startEpoch;
  private boolean savedInsideEpoch;

  private CheckpointListener(Path file, Provenance provenance, int every) {
    this.file = Objects.requireNonNull(file, "file");
    this.provenance = Objects.requireNonNull(provenance, "provenance");
    if (every < 1) {
      throw new IllegalArgumentException("CheckpointListener: every must be at least 1 epoch,"
          + " got " + every);
    }
    this.every = every;
  }

  /** Saves into {@code runDirectory}/{@value #FILE_NAME} after every epoch. */
  public static CheckpointListener everyEpoch(Path runDirectory, Provenance provenance) {
    return every(1, runDirectory, provenance);
  }

  /** Saves into {@code runDirectory}/{@value #FILE_NAME} after every {@code epochs}-th epoch. */
  public static CheckpointListener every(int epochs, Path runDirectory, Provenance provenance) {
    return new CheckpointListener(runDirectory.resolve(FILE_NAME), provenance, epochs);
  }

  /**
   * Before each save, keeps the checkpoint it replaces as {@value #PREVIOUS_FILE_NAME} beside
   * it (a hard link where the file system allows, else a copy, renamed into place atomically),
   * so a newest file damaged later still leaves one to go back to.
   */
  public CheckpointListener keepingPrevious() {
    keepPrevious = true;
    return this;
  }

  /** Whether the last save was inside an epoch (a run stopped with requestStopNow). */
  public boolean savedInsideEpoch() {
    return savedInsideEpoch;
  }

  /** The file written. */
  public Path file() {
    return file;
  }

  /** The epoch of the checkpoint saved last by this listener, or -1 before the first save. */
  public long savedEpoch() {
    return savedEpoch;
  }

  @Override
  public void onTrainingStart(TrainingState state) {
    startEpoch = state.epoch();
    // A resumed run's file holds the epoch it resumed from.
    savedEpoch = startEpoch > 0 && Files.isRegularFile(file) ? startEpoch : -1;
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the run folder for " + file + ": " + e, e);
    }
  }

  @Override
  public void onEpochEnd(TrainingState state, EpochSummary summary) {
    if (summary.epoch() % every == 0) {
      save(state);
    }
  }

  @Override
  public void onTrainingEnd(TrainingState state) {
    if (state.batchesIntoEpoch() > 0
        || (state.epoch() != savedEpoch && state.epoch() != startEpoch)) {
      save(state);
    }
  }

  private void save(TrainingState state) {
    Checkpoint checkpoint = Checkpoints.capture(state.svi(), state, provenance);
    try {
      if (keepPrevious && Files.isRegularFile(file)) {
        keepPrevious();
      }
      CheckpointStore.save(file, checkpoint); // each tensor in its own dtype
    } catch (IOException e) {
      throw new CheckpointWriteException(file, checkpoint, savedEpoch, e);
    }
    savedEpoch = state.epoch();
    savedInsideEpoch = state.batchesIntoEpoch() > 0;
  }

  private void keepPrevious() throws IOException {
    Path previous = file.resolveSibling(PREVIOUS_FILE_NAME);
    Path temp = file.resolveSibling("." + PREVIOUS_FILE_NAME + ".tmp");
    Files.deleteIfExists(temp);
    try {
      Files.createLink(temp, file);
    } catch (IOException | UnsupportedOperationException e) {
      Files.copy(file, temp);
    }
    Files.move(temp, previous, StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public String toString() {
    return "CheckpointListener(" + file + ", every " + every + " epoch" + (every == 1 ? "" : "s")
        + ")";
  }
}
