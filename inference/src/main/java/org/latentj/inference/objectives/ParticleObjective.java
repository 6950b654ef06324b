package org.latentj.inference.objectives;

import org.apache.commons.rng.UniformRandomProvider;
import org.latentj.model.Batch;
import org.latentj.model.Objective;
import org.latentj.model.Program;
import org.latentj.model.Trace;
import org.latentj.model.handlers.Handler;
import org.latentj.model.handlers.Handlers;
import org.latentj.tensor.Tensor;

/**
 * The loop every bound shares: repeat each example k times (k particles, laid out
 * example-major), run the guide, replay its latent values in the model, check that both agree on
 * their sites, score each particle, and combine the k particles of each example. Subclasses
 * override only the per-particle term and the combination (as Pyro's ELBO family does).
 *
 * <p><b>Global sites.</b> A site outside every plate (e.g. Bayesian weights) is global. With k
 * particles it has k rows, one draw per particle, which the model lays out against the
 * example-major data rows with {@code Batch.particleRows}; a global site may also have a single
 * row, one draw shared by every particle. Its term {@code G_j} (scaled and masked like any
 * other) is averaged over its rows and spread over the examples the minibatch stands for, so
 * the bound per example is
 *
 * <pre>bound_i = combine_k(per-row terms of example i) / r + mean_j G_j / (n r)</pre>
 *
 * where n is the minibatch's examples and r the subsample factor ({@code size / subsampleSize})
 * of the plate the observed data sit in (1 without plates); its mean estimates the whole data
 * set's bound divided by the data set's size, and k particles give k independent global draws
 * (so k reduces the variance of global gradients too). The importance-weighted bound combines
 * particles inside a log-sum-exp per example, which a per-particle global would couple across
 * examples; it accepts only a shared global (kept outside the log-sum-exp, still a lower bound
 * by Jensen over the global variable).
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

  /** Runs guide then model on {@code batch} repeated {@code k} times. */
  public static Traces run(Program model, Program guide, Batch batch, int k,
      UniformRandomProvider rng) {
    return run(model, guide, batch, k, rng, false);
  }

  /**
   * As {@link #run(Program, Program, Batch, int, UniformRandomProvider)}; with
   * {@code pathwise}, every drawn guide site must be reparameterized (checked before the model
   * runs, so the message is about the guide).
   */
  protected static Traces run(Program model, Program guide, Batch batch, int k,
      UniformRandomProvider rng, boolean pathwise) {
    Batch repeated = batch.repeat(k);
    try (Handler p = Handlers.particles(k)) {
      Trace g = Trace.guide(guide, repeated, rng);
      if (pathwise) {
        Traces.requireReparameterized(g);
      }
      Trace m = Trace.replay(model, repeated, g);
      m.requireMatches(g);
      return new Traces(m, g, repeated.size(), k);
    }
  }

  @Override
  public final Tensor bound(Program model, Program guide, Batch batch,
      UniformRandomProvider rng) {
    Traces t = run(model, guide, batch, particles, rng, true);
    Tensor perExample = combine(particleTerm(t), particles);
    Tensor global = globalTerm(t);
    return global == null ? perExample : perExample.add(global);
  }

  /**
   * The per-particle term over the per-row sites, {@code (n*k) x 1}, each site's term weighed
   * by {@link Traces#weigh}.
   */
  protected abstract Tensor particleTerm(Traces t);

  /** Combines each example's k consecutive particle terms into one, {@code n x 1}. */
  protected abstract Tensor combine(Tensor perParticle, int k);

  /**
   * One latent site's contribution, {@code log p(z) - log q(z)} at the guide's value, each side
   * weighed by its own site's scale and mask.
   */
  protected Tensor latentTerm(Traces t, Trace.Site modelSite, Trace.Site guideSite) {
    Tensor z = guideSite.value();
    return t.weigh(modelSite, modelSite.distribution().logProb(z))
        .sub(t.weigh(guideSite, guideSite.distribution().logProb(z)));
  }

  /** The global sites' share per example, {@code 1 x 1}, or null when there are none. */
  private Tensor globalTerm(Traces t) {
    Tensor sum = null;
    for (Trace.Site s : t.model().sites()) {
      if (!t.isGlobal(s)) {
        continue;
      }
      Tensor term = s.isObserved()
          ? t.weigh(s, s.distribution().logProb(s.value()))
          : latentTerm(t, s, t.guide().site(s.name()));
      sum = LogWeights.plus(sum, term.rows() == 1 ? term : term.sum());
    }
    return sum;
  }
}
