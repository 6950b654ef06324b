package org.latentj.inference.objectives;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.latentj.inference.objectives.baselines.Baseline;
import org.latentj.model.Batch;
import org.latentj.model.Loss;
import org.latentj.model.Objective;
import org.latentj.model.Program;
import org.latentj.model.Trace;
import org.latentj.nn.Module;
import org.latentj.nn.Parameter;
import org.latentj.tensor.Tensor;

/**
 * The ELBO for guides with non-reparameterized sites (Bernoulli, OneHotCategorical latents),
 * with score-function gradients (Williams 1992; Pyro's {@code TraceGraph_ELBO}). Its surrogate,
 * per row (one example and particle),
 *
 * <pre>
 * surrogate = f + sum_{s score sites} log q(z_s) * stopgrad(C_s - b_s),   f = log p(x, z) - log q(z)
 * </pre>
 *
 * has the ELBO's gradient in expectation: the pathwise part through {@code f} (reparameterized
 * sites and the model's parameters) and, for each site drawn without {@code rsample}, the
 * REINFORCE term. {@code C_s} is Rao-Blackwellized: only the terms downstream of {@code s}, in
 * the same row (see {@link SiteCosts#downstream} and docs/math.md), since the others have a
 * score-weighted expectation of zero and only add variance. {@code b_s} is a {@link Baseline}.
 *
 * <p>The bound it reports is the plain Monte Carlo ELBO, as {@link Elbo} computes it. A learned
 * baseline's loss is added to the surrogate; its gradient reaches only the baseline's parameters
 * (the signal is a constant to the rest), which must belong to the guide. Global
 * (one-row) score-function sites are refused: their cost would be the whole minibatch's.
 */
public final class TraceGraphElbo implements Objective {

  private final int particles;
  private final Baseline baseline;

  /** One particle, no baseline. */
  public TraceGraphElbo() {
    this(1, Baseline.NONE);
  }

  public TraceGraphElbo(int particles, Baseline baseline) {
    if (particles < 1) {
      throw new IllegalArgumentException("TraceGraphElbo: particles must be at least 1, got "
          + particles);
    }
    this.particles = particles;
    this.baseline = baseline;
  }

  public int particles() {
    return particles;
  }

  public Baseline baseline() {
    return baseline;
  }

  /** As stateful as its baseline (a running average is). */
  @Override
  public boolean stateful() {
    return baseline.stateful();
  }

  @Override
  public Tensor bound(Program model, Program guide, Batch batch, UniformRandomProvider rng) {
    SiteCosts costs = new SiteCosts(ParticleObjective.run(model, guide, batch, particles, rng));
    return costs.perExample(costs.rowTotal());
  }

  @Override
  public Loss loss(Program model, Program guide, Batch batch, UniformRandomProvider rng) {
    requireTrainedWithGuide(guide);
    Traces t = ParticleObjective.run(model, guide, batch, particles, rng);
    SiteCosts costs = new SiteCosts(t);
    for (Trace.Site s : t.guide().sites()) {
      if (t.isGlobal(s) && s.isDrawn() && !s.isReparameterized()) {
        throw new IllegalArgumentException("TraceGraphElbo: guide site '" + s.name() + "' is"
            + " global (one row) and not reparameterized; score-function terms are supported for"
            + " per-example sites only");
      }
    }
    Tensor rows = costs.rowTotal();
    Tensor surrogate = rows;
    Tensor baselineLoss = null;
    Batch repeated = batch.repeat(particles);
    for (Trace.Site s : costs.guideRowSites()) {
      if (!s.isDrawn() || s.isReparameterized()) {
        continue;
      }
      Baseline.Signal signal = baseline.signal(s.name(), repeated, costs.downstream(s));
      Tensor score = costs.logQ(s).mul(Tensor.constant(signal.centred()));
      surrogate = surrogate.add(s.mask() == null ? score : score.mul(s.mask()));
      baselineLoss = signal.loss() == null ? baselineLoss
          : LogWeights.plus(baselineLoss, signal.loss());
    }
    Tensor bound = costs.perExample(rows).detach();
    Tensor objective = costs.perExample(surrogate).mean().neg();
    return Loss.of(bound, bound.mean().item(), List.of(new Loss.Surrogate(
        baselineLoss == null ? objective : objective.add(baselineLoss),
        Loss.Part.MODEL_AND_GUIDE)));
  }

  /** A learned baseline is trained only if its parameters are the guide's (so Svi has them). */
  private void requireTrainedWithGuide(Program guide) {
    if (!(baseline instanceof Module m) || m.parameters().isEmpty()) {
      return;
    }
    Set<Parameter> owned = Collections.newSetFromMap(new IdentityHashMap<>());
    owned.addAll(guide.parameters().values());
    for (var p : m.parameters().entrySet()) {
      if (!owned.contains(p.getValue())) {
        throw new IllegalArgumentException("TraceGraphElbo: the baseline's parameter '"
            + p.getKey() + "' is not the guide's; register the baseline in the guide"
            + " (register(\"baseline\", baseline)) so Svi's optimizer trains it and checkpoints"
            + " keep it");
      }
    }
  }

  @Override
  public String toString() {
    return "TraceGraphElbo(particles=" + particles + ", baseline=" + baseline + ")";
  }
}
