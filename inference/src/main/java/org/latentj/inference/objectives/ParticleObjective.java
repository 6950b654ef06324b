package org.latentj.inference.objectives;

import org.apache.commons.rng.UniformRandomProvider;
import org.latentj.model.Batch;
import org.latentj.model.Objective;
import org.latentj.model.Program;
import org.latentj.model.Trace;
import org.latentj.tensor.Tensor;

/**
 * The loop every bound shares: repeat each example k times (k particles, laid out
 * example-major), run the guide, replay its latent values in the model, check that both agree on
 * their sites, score each particle, and combine the k particles of each example. Subclasses
 * override only the per-particle term and the combination (as Pyro's ELBO family does).
 */
public abstract class ParticleObjective implements Objective {

  private final int particles;

  protected ParticleObjective(int particles) {
    if (particles < 1) {
      throw new IllegalArgumentException(getClass().getSimpleName()
          + ": particles must be at least 1, got " + particles);
    }
    this.particles = particles;
  }

  /** The number of samples per example (L in the AEVB paper, k in the IWAE paper). */
  public final int particles() {
    return particles;
  }

  /** A guide trace and the model trace replayed on it, for {@code k} particles per example. */
  public record Traces(Trace guide, Trace model) {}

  /** Runs guide then model on {@code batch} repeated {@code k} times. */
  public static Traces run(Program model, Program guide, Batch batch, int k,
      UniformRandomProvider rng) {
    Batch repeated = batch.repeat(k);
    Trace g = Trace.guide(rng);
    guide.run(g, repeated);
    Trace m = Trace.replay(g);
    model.run(m, repeated);
    m.requireMatches(g);
    return new Traces(g, m);
  }

  @Override
  public final Tensor bound(Program model, Program guide, Batch batch,
      UniformRandomProvider rng) {
    Traces t = run(model, guide, batch, particles, rng);
    return combine(particleTerm(t.model(), t.guide()), particles);
  }

  /** The per-particle term, {@code (n*k) x 1}. */
  protected abstract Tensor particleTerm(Trace model, Trace guide);

  /** Combines each example's k consecutive particle terms into one, {@code n x 1}. */
  protected abstract Tensor combine(Tensor perParticle, int k);
}
