package org.latentj.inference.training;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import org.apache.commons.rng.RandomProviderState;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;
import org.latentj.inference.checkpoint.TrainingPosition;
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
  private final List<StopCondition> stopConditions = new ArrayList<>();

  /** A reason to stop and the test that says when; see {@link #stopWhen}. */
  private record StopCondition(String reason, Predicate<TrainingState> holds) {}

  public Trainer(Svi svi, EpochData data) {
    this.svi = svi;
    this.data = data;
  }

  public Trainer addListener(TrainingListener listener) {
    listeners.add(listener);
    return this;
  }

  /**
   * Stops the run after the first step at which {@code condition} holds, inside an epoch if need
   * be, as {@link TrainingState#requestStopNow} does: the step's listeners have run, the
   * listeners' {@code onTrainingEnd} (e.g. a {@link CheckpointListener}) see where the run
   * stopped, and {@link #resume(TrainingPosition, byte[], int, RestorableUniformRandomProvider)}
   * from there continues with the next minibatch as if the run had not stopped. A condition
   * that holds when training starts stops it before any step. A step budget is
   * {@code stopWhen("budget", s -> s.examplesSeen() >= n)}.
   *
   * @param reason the {@link TrainingState#stopReason()} when it stops the run
   */
  public Trainer stopWhen(String reason, Predicate<TrainingState> condition) {
    if (reason == null || condition == null) {
      throw new IllegalArgumentException("Trainer.stopWhen: reason and condition must be given");
    }
    stopConditions.add(new StopCondition(reason, condition));
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
    return resume(new TrainingPosition(epochsDone, 0, examplesSeen), null, epochs, rng);
  }

  /**
   * Continues a run from {@code at}, with {@code rng} restored to the state it had then; when
   * {@code at} is inside an epoch, {@code epochStartRng} (the generator state at that epoch's
   * start, {@link TrainingState#epochStartRngState()}) replays the epoch's shuffle and training
   * goes on with minibatch {@code at.batchesIntoEpoch() + 1}. The resumed epoch's summary
   * averages the bound over the minibatches trained after the resume.
   */
  public TrainingState resume(TrainingPosition at, byte[] epochStartRng, int epochs,
      RestorableUniformRandomProvider rng) {
    if (at.epoch() > Integer.MAX_VALUE || epochs < at.epoch()) {
      throw new IllegalArgumentException("Trainer: asked for " + epochs
          + " epochs but the run has already finished " + at.epoch());
    }
    if (at.insideEpoch() && epochStartRng == null) {
      throw new IllegalArgumentException("Trainer: " + at + " is inside an epoch; its start's "
          + "generator state is needed to replay its shuffle");
    }
    int epochsDone = (int) at.epoch();
    TrainingState state = new TrainingState(svi, rng, epochsDone, at.examplesSeen());
    long skip = at.batchesIntoEpoch();
    listeners.forEach(l -> l.onTrainingStart(state));
    if (checkStopConditions(state) && at.insideEpoch()) {
      // Nothing is trained, so the run still stands inside its epoch, where it was.
      state.startEpoch(epochsDone + 1, epochStartRng.clone(), skip);
    }
    for (int epoch = epochsDone + 1; epoch <= epochs && state.stopReason() == null; epoch++) {
      state.startEpoch(epoch, skip > 0 ? epochStartRng.clone() : stateOf(rng), skip);
      listeners.forEach(l -> l.onEpochStart(state));
      long start = System.nanoTime();
      double boundSum = 0;
      long examples = 0;
      Iterator<Batch> batches = skip > 0 ? replay(epochStartRng, skip, rng) : data.epoch(rng);
      skip = 0;
      boolean cut = false;
      while (batches.hasNext()) {
        if (state.stopNow()) {
          cut = true;
          break;
        }
        Batch batch = batches.next();
        double bound = svi.step(batch, rng);
        boundSum += bound * batch.size();
        examples += batch.size();
        state.addExamples(batch.size());
        state.addBatch();
        for (TrainingListener l : listeners) {
          l.onStep(state, bound);
        }
        checkStopConditions(state);
      }
      if (cut) {
        if (state.batchesIntoEpoch() == 0) {
          state.startEpoch(epoch - 1, null, 0);
        }
        break;
      }
      state.endEpoch();
      double seconds = (System.nanoTime() - start) / 1e9;
      EpochSummary summary = new EpochSummary(epoch, state.steps(), state.examplesSeen(),
          boundSum / Math.max(1, examples), seconds, examples / seconds);
      listeners.forEach(l -> l.onEpochEnd(state, summary));
    }
    listeners.forEach(l -> l.onTrainingEnd(state));
    return state;
  }

  /** Requests a stop for the first condition that holds; returns whether one did. */
  private boolean checkStopConditions(TrainingState state) {
    for (StopCondition c : stopConditions) {
      if (c.holds().test(state)) {
        state.requestStopNow(c.reason());
        return true;
      }
    }
    return false;
  }

  /**
   * The rest of an epoch begun with the generator in {@code epochStartRng}, after {@code done}
   * minibatches; {@code rng} (Modified) is left in the state it holds now, as when the run
   * stopped.
   */
  private Iterator<Batch> replay(byte[] epochStartRng, long done,
      RestorableUniformRandomProvider rng) {
    RandomProviderState now = rng.saveState();
    rng.restoreState(new RandomProviderDefaultState(epochStartRng.clone()));
    Iterator<Batch> batches = data.epoch(rng);
    for (long i = 0; i < done; i++) {
      if (!batches.hasNext()) {
        throw new IllegalArgumentException("Trainer: the checkpoint is " + done + " minibatches"
            + " into its epoch, but an epoch of these data has only " + i);
      }
      batches.next();
    }
    rng.restoreState(now);
    return batches;
  }

  private static byte[] stateOf(RestorableUniformRandomProvider rng) {
    RandomProviderState s = rng.saveState();
    return s instanceof RandomProviderDefaultState d ? d.getState() : null;
  }
}
