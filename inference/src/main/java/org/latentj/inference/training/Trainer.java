package org.latentj.inference.training;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.latentj.model.Batch;

/**
 * Epochs of minibatches: for each epoch, draw the epoch's batches, take one {@link Svi} step per
 * batch, and tell the listeners. Everything else (validation, metrics, checkpoints, early
 * stopping, learning-rate schedules) is a {@link TrainingListener}.
 *
 * <p>One generator drives the whole run (shuffling and every sample), so a seed fixes the run,
 * and a resumed run given the saved generator state, position and optimizer state continues
 * bit-for-bit.
 */
public final class Trainer {

  private final Svi svi;
  private final EpochData data;
  private final List<TrainingListener> listeners = new ArrayList<>();

  public Trainer(Svi svi, EpochData data) {
    this.svi = svi;
    this.data = data;
  }

  public Trainer addListener(TrainingListener listener) {
    listeners.add(listener);
    return this;
  }

  /**
   * Trains epochs {@code 1..epochs}.
   *
   * @return the state at the end (epoch = the last one finished)
   */
  public TrainingState fit(int epochs, RestorableUniformRandomProvider rng) {
    return resume(0, 0, epochs, rng);
  }

  /**
   * Continues a run whose epochs {@code 1..epochsDone} are finished, with {@code rng} restored to
   * the state it had then, up to epoch {@code epochs}.
   */
  public TrainingState resume(int epochsDone, long examplesSeen, int epochs,
      RestorableUniformRandomProvider rng) {
    if (epochs < epochsDone) {
      throw new IllegalArgumentException("Trainer: asked for " + epochs
          + " epochs but the run has already finished " + epochsDone);
    }
    TrainingState state = new TrainingState(svi, rng, epochsDone, examplesSeen);
    listeners.forEach(l -> l.onTrainingStart(state));
    for (int epoch = epochsDone + 1; epoch <= epochs && state.stopReason() == null; epoch++) {
      state.setEpoch(epoch);
      listeners.forEach(l -> l.onEpochStart(state));
      long start = System.nanoTime();
      double boundSum = 0;
      long examples = 0;
      Iterator<Batch> batches = data.epoch(rng);
      while (batches.hasNext()) {
        Batch batch = batches.next();
        double bound = svi.step(batch, rng);
        boundSum += bound * batch.size();
        examples += batch.size();
        state.addExamples(batch.size());
        for (TrainingListener l : listeners) {
          l.onStep(state, bound);
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      EpochSummary summary = new EpochSummary(epoch, state.steps(), state.examplesSeen(),
          boundSum / Math.max(1, examples), seconds, examples / seconds);
      listeners.forEach(l -> l.onEpochEnd(state, summary));
    }
    listeners.forEach(l -> l.onTrainingEnd(state));
    return state;
  }
}
