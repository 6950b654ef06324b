package org.latentj.inference.training;

import org.apache.commons.rng.RestorableUniformRandomProvider;

/**
 * Where a run is: the epoch under way (counting from 1), optimizer steps and examples seen, the
 * generator that drives shuffling and sampling, and a stop request any listener may make.
 */
public final class TrainingState {

  private final Svi svi;
  private final RestorableUniformRandomProvider rng;
  private int epoch;
  private long examplesSeen;
  private String stopReason;

  TrainingState(Svi svi, RestorableUniformRandomProvider rng, int epoch, long examplesSeen) {
    this.svi = svi;
    this.rng = rng;
    this.epoch = epoch;
    this.examplesSeen = examplesSeen;
  }

  public Svi svi() {
    return svi;
  }

  /** The run's generator; its state belongs in a checkpoint. */
  public RestorableUniformRandomProvider rng() {
    return rng;
  }

  /** The epoch under way, or the last one finished (from 1). */
  public int epoch() {
    return epoch;
  }

  /** Optimizer steps taken so far. */
  public long steps() {
    return svi.optimizer().steps();
  }

  public long examplesSeen() {
    return examplesSeen;
  }

  /** Asks the trainer to stop after the current epoch. */
  public void requestStop(String reason) {
    this.stopReason = reason;
  }

  /** Why a stop was requested, or null. */
  public String stopReason() {
    return stopReason;
  }

  void setEpoch(int epoch) {
    this.epoch = epoch;
  }

  void addExamples(long n) {
    examplesSeen += n;
  }
}
