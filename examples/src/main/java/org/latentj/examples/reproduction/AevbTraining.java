package org.latentj.examples.reproduction;

import java.util.Arrays;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.inference.checkpoint.TrainingPosition;
import org.latentj.inference.training.MinibatchData;
import org.latentj.inference.training.Trainer;
import org.latentj.inference.training.TrainingState;

/**
 * Trains an {@link AevbVae} by minibatches of {@link AevbVae#MINIBATCH} shuffled training
 * examples, epoch after epoch, and stops at given counts of training examples seen to let a
 * {@link Stop} look at the model (evaluate it, measure its gradients). The paper's x axis is
 * examples seen, not epochs, so the stops fall inside epochs; a stop takes effect after the first
 * minibatch that reaches or passes its count. Each stretch of training is a {@link Trainer} run
 * with a budget of examples ({@link Trainer#stopWhen}), resumed where the last one stopped, so
 * the minibatches are those of one uninterrupted run.
 */
public final class AevbTraining {

  /** What happens at each stop; {@code examplesSeen} is the exact count reached. */
  @FunctionalInterface
  public interface Stop {
    void reached(long examplesSeen, double seconds) throws Exception;
  }

  private final AevbVae vae;
  private final MinibatchData data;
  private final RestorableUniformRandomProvider rng;
  private TrainingPosition position = TrainingPosition.START;
  private byte[] epochStartRng;
  private double trainingSeconds;

  /** Training of {@code vae} on the rows of {@code train}, shuffled and sampled with {@code rng}. */
  public AevbTraining(AevbVae vae, DMatrixRMaj train, RestorableUniformRandomProvider rng) {
    this.vae = vae;
    this.data = MinibatchData.of(train, AevbVae.MINIBATCH);
    this.rng = rng;
  }

  /**
   * Trains up to each count of {@code stops} (increasing, non-negative) in turn and calls
   * {@code stop} there with the examples seen and the training seconds so far (time spent
   * inside {@code stop} is not counted). A stop at or below the count already reached is
   * called at once.
   */
  public void run(long[] stops, Stop stop) throws Exception {
    for (int i = 1; i < stops.length; i++) {
      if (stops[i] < stops[i - 1]) {
        throw new IllegalArgumentException("AevbTraining: stops must be non-decreasing, got "
            + Arrays.toString(stops));
      }
    }
    for (long count : stops) {
      trainUntil(count);
      stop.reached(examplesSeen(), trainingSeconds);
    }
  }

  /** Takes minibatch steps until at least {@code examples} examples have been seen. */
  public void trainUntil(long examples) {
    if (examplesSeen() >= examples) {
      return;
    }
    long start = System.nanoTime();
    TrainingState state = new Trainer(vae.svi(), data)
        .stopWhen("reached " + examples + " examples", s -> s.examplesSeen() >= examples)
        .resume(position, epochStartRng, Integer.MAX_VALUE, rng);
    position = state.position();
    epochStartRng = state.epochStartRngState();
    trainingSeconds += (System.nanoTime() - start) / 1e9;
  }

  public long examplesSeen() {
    return position.examplesSeen();
  }

  /** Seconds spent in training steps so far. */
  public double trainingSeconds() {
    return trainingSeconds;
  }

  /**
   * {@code points} counts spaced evenly in log between {@code first} and {@code last}
   * (both included), each rounded up to a whole number of minibatches, duplicates dropped:
   * {@code first * (last / first)^(i / (points - 1))}.
   */
  public static long[] logSpaced(long first, long last, int points) {
    if (first < 1 || last < first || points < 1) {
      throw new IllegalArgumentException("AevbTraining.logSpaced: need 1 <= first <= last and"
          + " points >= 1, got first " + first + ", last " + last + ", points " + points);
    }
    long[] out = new long[points];
    int kept = 0;
    for (int i = 0; i < points; i++) {
      double t = points == 1 ? 1 : (double) i / (points - 1);
      double x = i == points - 1 ? last : first * Math.pow((double) last / first, t);
      long rounded = (long) Math.ceil(x / AevbVae.MINIBATCH - 1e-9) * AevbVae.MINIBATCH;
      if (kept == 0 || rounded > out[kept - 1]) {
        out[kept++] = rounded;
      }
    }
    return Arrays.copyOf(out, kept);
  }
}
