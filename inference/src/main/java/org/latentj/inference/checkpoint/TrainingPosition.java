package org.latentj.inference.checkpoint;

/**
 * Where a training run stands: completed epochs, the minibatches of the next epoch already
 * trained on (0 at an epoch's end; more when a run was stopped inside an epoch), optimizer steps
 * taken, and examples seen (the number that makes runs with different minibatch sizes
 * comparable).
 *
 * @param epoch epochs completed, at least 0
 * @param step optimizer steps taken, at least 0
 * @param examplesSeen examples the objective has been evaluated on, at least 0
 * @param batchesIntoEpoch minibatches of epoch {@code epoch + 1} done, at least 0
 */
public record TrainingPosition(long epoch, long step, long examplesSeen, long batchesIntoEpoch) {

  /** The start of a run. */
  public static final TrainingPosition START = new TrainingPosition(0, 0, 0);

  public TrainingPosition {
    if (epoch < 0 || step < 0 || examplesSeen < 0 || batchesIntoEpoch < 0) {
      throw new IllegalArgumentException("TrainingPosition: epoch " + epoch + ", step " + step
          + ", examplesSeen " + examplesSeen + ", batchesIntoEpoch " + batchesIntoEpoch
          + " must all be at least 0");
    }
  }

  /** The position at the end of epoch {@code epoch}. */
  public TrainingPosition(long epoch, long step, long examplesSeen) {
    this(epoch, step, examplesSeen, 0);
  }

  /** Whether the run stopped inside an epoch (then {@code batchesIntoEpoch > 0}). */
  public boolean insideEpoch() {
    return batchesIntoEpoch > 0;
  }
}
