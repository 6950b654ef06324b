package org.latentj.inference.training;

import org.latentj.inference.objectives.Elbo;

/**
 * Raises the weight of the latent sites' terms linearly from 0 to 1 over the first
 * {@code warmupSteps} optimizer steps (Sønderby et al. 2016; Bowman et al. 2016), which keeps
 * the posterior from collapsing onto the prior early in training. After warm-up the objective
 * is the true bound again.
 */
public final class KlWarmup implements TrainingListener {

  private final Elbo objective;
  private final long warmupSteps;

  public KlWarmup(Elbo objective, long warmupSteps) {
    if (warmupSteps < 1) {
      throw new IllegalArgumentException("KlWarmup: warmupSteps must be positive, got "
          + warmupSteps);
    }
    this.objective = objective;
    this.warmupSteps = warmupSteps;
  }

  /** The weight at optimizer step {@code step} (counting from 0). */
  public double weightAt(long step) {
    return Math.min(1.0, (double) step / warmupSteps);
  }

  @Override
  public void onTrainingStart(TrainingState state) {
    objective.setLatentWeight(weightAt(state.steps()));
  }

  @Override
  public void onStep(TrainingState state, double bound) {
    objective.setLatentWeight(weightAt(state.steps()));
  }

  @Override
  public void onTrainingEnd(TrainingState state) {
    objective.setLatentWeight(1.0);
  }

  @Override
  public String toString() {
    return "KlWarmup(steps=" + warmupSteps + ")";
  }
}
