package org.latentj.inference.evaluation;

import org.apache.commons.rng.UniformRandomProvider;
import org.latentj.model.KeyedNoise;

/**
 * Where an evaluation's draws come from: one generator read in order (the draws of an example
 * then depend on every example before it), or {@link KeyedNoise} keyed by the example's index in
 * the whole data set and the sample's number, so any split of the data over machines gives every
 * example the numbers one machine gives it.
 */
public abstract class EvaluationNoise {

  private EvaluationNoise() {}

  /** Every draw from {@code rng}, in order. */
  public static EvaluationNoise ordered(UniformRandomProvider rng) {
    if (rng == null) {
      throw new IllegalArgumentException("EvaluationNoise.ordered: the generator is null");
    }
    return new EvaluationNoise() {
      @Override
      UniformRandomProvider forRows(int from, int to, int firstParticle) {
        return rng;
      }
    };
  }

  /**
   * Draws keyed by {@code (seed, example, site, sample)}, where the data's row r is example
   * {@code firstExample + r} of the whole data set.
   */
  public static EvaluationNoise keyed(long seed, int firstExample) {
    if (firstExample < 0) {
      throw new IllegalArgumentException("EvaluationNoise.keyed: firstExample is "
          + firstExample);
    }
    return new EvaluationNoise() {
      @Override
      UniformRandomProvider forRows(int from, int to, int firstParticle) {
        int[] examples = new int[to - from];
        for (int i = 0; i < examples.length; i++) {
          examples[i] = firstExample + from + i;
        }
        return KeyedNoise.of(seed, KeyedNoise.EVALUATION, examples).particlesFrom(firstParticle);
      }
    };
  }

  /**
   * The generator for data rows {@code [from, to)}, drawing their samples numbered from
   * {@code firstParticle}.
   */
  abstract UniformRandomProvider forRows(int from, int to, int firstParticle);
}
