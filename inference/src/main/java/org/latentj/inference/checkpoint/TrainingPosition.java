package org.latentj.inference.checkpoint;

/**
 * Where a training run stands: completed epochs, optimizer steps taken, and examples seen (the
 * number that makes runs with different minibatch sizes comparable).
 *
 * @param epoch epochs completed, at least 0
 * @param step optimizer steps taken, at least 0
 * @param examplesSeen examples the objective has been evaluated on, at least 0
 */
public record TrainingPosition(long epoch, long step, long examplesSeen) {

  /** The start of a run. */
  public static final TrainingPosition START = new TrainingPosition(0, 0, 0);

  public TrainingPosition {
    if (epoch < 0 || step < 0 || examplesSeen < 0) {
      throw new IllegalArgumentException("TrainingPosition: epoch " + epoch + ", step " + step
          + ", examplesSeen " + examplesSeen + " must all be at least 0");
    }
  }
}
