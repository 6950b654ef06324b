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
 * <p><b>Global sites.</b> A site with one row while the batch has more (e.g. Bayesian weights,
 * outside every plate) is global: it is drawn once per evaluation and shared by all k particles
 * and all examples. Its term {@code G} (scaled and masked like any other) is spread over the
 * examples the minibatch stands for, so the bound per example is
 *
 * <pre>bound_i = combine_k(per-row terms of example i) / r + G / (n r)</pre>
 *
 * where n is the minibatch's examples and r the subsample factor ({@code size / subsampleSize})
 * of the plate the observed data sit in (1 without plates); its mean is the whole data set's
 * bound divided by the data set's size. Sharing one global draw among the particles keeps the
 * ELBO unbiased and, for the importance-weighted bound, keeps {@code G} outside the log-sum-exp,
 * which is still a lower bound on log p(x) (Jensen over the global variable).
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

  /** The per-particle term over the per-row sites, {@code (n*k) x 1}, weighed by {@link Traces#weigh}. */
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
      sum = LogWeights.plus(sum, term);
    }
    return sum;
  }
}
