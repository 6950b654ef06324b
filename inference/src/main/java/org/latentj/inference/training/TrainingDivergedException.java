package org.latentj.inference.training;

/**
 * A run's loss or gradients became NaN or infinite. The message names the step and the first
 * offending parameter and position; the parameters are left as they were before the failed
 * update, and nothing already written (checkpoints, metrics) is touched.
 */
public final class TrainingDivergedException extends RuntimeException {

  private final long step;

  public TrainingDivergedException(long step, String message) {
    super("training diverged at step " + step + ": " + message);
    this.step = step;
  }

  /** The same, keeping the error that revealed the divergence as the cause. */
  public TrainingDivergedException(long step, String message, Throwable cause) {
    super("training diverged at step " + step + ": " + message, cause);
    this.step = step;
  }

  /** The optimizer step at which the non-finite value appeared. */
  public long step() {
    return step;
  }
}
