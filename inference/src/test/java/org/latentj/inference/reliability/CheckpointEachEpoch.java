package org.latentj.inference.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.latentj.inference.checkpoint.CheckpointStore;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.inference.training.EpochSummary;
import org.latentj.inference.training.TrainingListener;
import org.latentj.inference.training.TrainingState;

/**
 * Saves the run's state to one file at the end of every epoch, as a checkpoint listener does,
 * and remembers the bytes it last wrote and at which step, so a test can tell whether the file
 * was touched afterwards.
 */
final class CheckpointEachEpoch implements TrainingListener {

  private final Path file;
  private final VaeSettings settings;
  private byte[] lastBytes;
  private long lastStep = -1;
  private int saves;

  CheckpointEachEpoch(Path file, VaeSettings settings) {
    this.file = file;
    this.settings = settings;
  }

  @Override
  public void onEpochEnd(TrainingState state, EpochSummary summary) {
    try {
      CheckpointStore.save(file, TinyVae.snapshot(state, settings));
      lastBytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    lastStep = state.steps();
    saves++;
  }

  /** What the last save wrote, or null before the first. */
  byte[] lastBytes() {
    return lastBytes == null ? null : lastBytes.clone();
  }

  /** The optimizer step of the last save, or -1. */
  long lastStep() {
    return lastStep;
  }

  int saves() {
    return saves;
  }
}
