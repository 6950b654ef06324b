package org.latentj.inference.training;

import org.latentj.model.handlers.Handler;
import org.latentj.model.handlers.Handlers;

/**
 * Raises the weight of the latent sites' terms linearly from 0 to 1 over the first
 * {@code warmupSteps} optimizer steps (Sønderby et al. 2016; Bowman et al. 2016), which keeps
 * the posterior from collapsing onto the prior early in training. At step s the latent sites of
 * model and guide run under {@code scale(min(1, s / warmupSteps))}, so an objective's latent
 * terms become {@code beta (log p(z) - log q(z))} (or {@code -beta KL}); observed sites are not
 * scaled. Outside {@code Svi.step} (evaluation, after training) nothing is scaled: the
 * objective is the true bound.
 *
 * <pre>{@code
 * svi.addStepHandler(new KlWarmup(10_000));
 * }</pre>
 */
public final class KlWarmup implements Svi.StepHandler {

  private final long warmupSteps;

  public KlWarmup(long warmupSteps) {
    if (warmupSteps < 1) {
      throw new IllegalArgumentException("KlWarmup: warmupSteps must be positive, got "
          + warmupSteps);
    }
    this.warmupSteps = warmupSteps;
  }

  /** The weight at optimizer step {@code step} (counting from 0). */
  public double weightAt(long step) {
    return Math.min(1.0, (double) step / warmupSteps);
  }

  @Override
  public Handler enter(long step) {
    return Handlers.scale(weightAt(step), m -> !m.isObserved());
  }

  @Override
  public String toString() {
    return "KlWarmup(steps=" + warmupSteps + ")";
  }
}
