package org.latentj.inference.training;

import org.latentj.inference.optim.LearningRateSchedule;

/** Sets the optimizer's learning rate from a per-epoch schedule at the start of every epoch. */
public final class LearningRateListener implements TrainingListener {

  private final LearningRateSchedule schedule;

  public LearningRateListener(LearningRateSchedule schedule) {
    this.schedule = schedule;
  }

  @Override
  public void onEpochStart(TrainingState state) {
    // Schedules count epochs from 0; the trainer from 1.
    schedule.applyTo(state.svi().optimizer(), state.epoch() - 1);
  }

  @Override
  public String toString() {
    return "LearningRateListener(" + schedule + ")";
  }
}
