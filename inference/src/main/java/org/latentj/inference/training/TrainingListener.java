package org.latentj.inference.training;

/**
 * Everything around the training loop that is not the loop: progress, metrics, validation,
 * early stopping, checkpoints, schedules. Each callback has a do-nothing default.
 */
public interface TrainingListener {

  default void onTrainingStart(TrainingState state) {}

  default void onEpochStart(TrainingState state) {}

  /** After each optimizer step; {@code bound} is that minibatch's mean bound (nats). */
  default void onStep(TrainingState state, double bound) {}

  default void onEpochEnd(TrainingState state, EpochSummary summary) {}

  default void onTrainingEnd(TrainingState state) {}
}
