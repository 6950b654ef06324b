package org.latentj.inference.training;

import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.latentj.inference.checkpoint.TrainingPosition;

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
  private boolean stopNow;
  private long batchesIntoEpoch;
  private byte[] epochStartRngState;

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
  public synchronized void requestStop(String reason) {
    this.stopReason = reason;
  }

  /**
   * Asks the trainer to stop after the current step, inside the epoch if need be (e.g. on
   * SIGINT); a checkpoint captured then resumes at the next minibatch. Safe to call from
   * another thread.
   */
  public synchronized void requestStopNow(String reason) {
    this.stopReason = reason;
    this.stopNow = true;
  }

  synchronized boolean stopNow() {
    return stopNow;
  }

  /** Minibatches of the epoch under way done so far; 0 once it has ended. */
  public long batchesIntoEpoch() {
    return batchesIntoEpoch;
  }

  /**
   * Where the run stands, as a checkpoint records it: the epochs finished (not counting one under
   * way), steps, examples seen and the minibatches of the epoch under way done; with
   * {@link #epochStartRngState()} it is what {@link Trainer#resume(TrainingPosition, byte[], int,
   * RestorableUniformRandomProvider)} continues from.
   */
  public TrainingPosition position() {
    long batches = batchesIntoEpoch;
    return new TrainingPosition(batches > 0 ? epoch - 1 : epoch, steps(), examplesSeen, batches);
  }

  /** The generator's state when the epoch under way began (a copy), or null before any. */
  public byte[] epochStartRngState() {
    return epochStartRngState == null ? null : epochStartRngState.clone();
  }

  void startEpoch(int epoch, byte[] rngState, long batchesDone) {
    this.epoch = epoch;
    this.epochStartRngState = rngState;
    this.batchesIntoEpoch = batchesDone;
  }

  void addBatch() {
    batchesIntoEpoch++;
  }

  void endEpoch() {
    batchesIntoEpoch = 0;
  }

  /** Why a stop was requested, or null. */
  public synchronized String stopReason() {
    return stopReason;
  }

  void setEpoch(int epoch) {
    this.epoch = epoch;
  }

  void addExamples(long n) {
    examplesSeen += n;
  }
}
