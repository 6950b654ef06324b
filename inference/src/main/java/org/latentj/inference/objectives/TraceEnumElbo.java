package org.latentj.inference.objectives;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.rng.UniformRandomProvider;
import org.latentj.model.Batch;
import org.latentj.model.Objective;
import org.latentj.model.Program;
import org.latentj.model.Trace;
import org.latentj.model.handlers.Handler;
import org.latentj.model.handlers.Handlers;
import org.latentj.tensor.Tensor;

/**
 * The ELBO with exact sums over discrete sites of finite support (Pyro's {@code TraceEnum_ELBO}),
 * for sites marked {@link #PARALLEL} (in their options, or by {@link #mark}). For
 * guide-enumerated sites {@code c} and model-enumerated sites {@code y} (sampled by no guide),
 *
 * <pre>
 * ELBO(x) = sum_c q(c | x) E_{q(z | c, x)} [ log sum_y p(x, y, z, c) - log q(c, z | x) ]
 * </pre>
 *
 * where {@code z} are the guide's other (reparameterized) sites. Both sums are computed in
 * parallel: each enumerated site multiplies its program's rows by its support size, every row
 * holding one joint value (see {@link EnumerationPlan} for the layout), the programs run once on
 * the expanded batch, and the rows are folded back with a log-sum-exp over the model's values
 * and a {@code q}-weighted sum over the guide's. The guide-side sum is differentiable in q's
 * parameters, so no score-function term is needed; with a model-side site and an exact
 * posterior guide the bound is {@code log p(x)} itself.
 *
 * <p>Several enumerated sites are summed jointly (the Cartesian product of their supports), so
 * dependent sites are exact too, at a cost that multiplies. Refused, naming the site: a family
 * with no finite support (continuous, unbounded, or a Bernoulli over more than 12 columns), a
 * global site, a model-enumerated site with a mask or that the guide samples, and a guide site
 * that is neither reparameterized nor enumerated (use {@link TraceGraphElbo} for those).
 *
 * <p>Which sites to enumerate is found by running: a run that meets a marked site not yet in
 * its plan stops there, adds it, and runs again with the rows it needs. The objective remembers
 * the plan that fitted (per model, guide and kind of batch) and starts the next call from it, so
 * a training step runs the guide once rather than once more up to each enumerated site; a
 * remembered plan that no longer fits (a site not reached, reached with another support, or
 * reached in the other program) is dropped and found afresh. The numbers are those of a fresh
 * discovery; only the draws a discovery pass made before its first enumerated site are no
 * longer taken from {@code rng}.
 *
 * <p>Sites' scales and masks weigh their terms as in {@link Elbo}; inside the model-side
 * log-sum-exp a scale other than the plate's subsample factor has no probabilistic meaning.
 */
public final class TraceEnumElbo implements Objective {

  /** The site options that ask for parallel enumeration: {@code "enumerate" -> "parallel"}. */
  public static final Map<String, String> PARALLEL = Map.of(Enumerate.OPTION, Enumerate.PARALLEL);

  /** Plans remembered per {@link PlanKey}, at most this many. */
  private static final int MAX_PLANS = 64;

  private final int particles;
  private final Map<PlanKey, EnumerationPlan> plans = new ConcurrentHashMap<>();

  /**
   * A handler, entered, that marks the named latent sites for enumeration, or with no names
   * every latent site of an enumerable family; enter it inside the program around the sites
   * (Pyro's {@code config_enumerate}).
   */
  public static Handler mark(String... names) {
    return new EnumerateSites(Set.of(names)).enter();
  }

  /** One particle per example for the guide's non-enumerated sites. */
  public TraceEnumElbo() {
    this(1);
  }

  public TraceEnumElbo(int particles) {
    if (particles < 1) {
      throw new IllegalArgumentException("TraceEnumElbo: particles must be at least 1, got "
          + particles);
    }
    this.particles = particles;
  }

  public int particles() {
    return particles;
  }

  @Override
  public Tensor bound(Program model, Program guide, Batch batch, UniformRandomProvider rng) {
    PlanKey key = PlanKey.of(model, guide, batch);
    EnumerationPlan remembered = plans.get(key);
    if (remembered != null) {
      try {
        return bound(model, guide, batch, rng, remembered, key);
      } catch (EnumerationPlan.Stale stale) {
        plans.remove(key); // the programs took another path: find the plan afresh
      }
    }
    return bound(model, guide, batch, rng, EnumerationPlan.empty(), key);
  }

  /**
   * Runs the guide, then the model, on the rows {@code plan} asks for, adding each enumerated
   * site a run meets that the plan lacks and running again (discovery), and folds the rows.
   */
  private Tensor bound(Program model, Program guide, Batch batch, UniformRandomProvider rng,
      EnumerationPlan start, PlanKey key) {
    int k = particles;
    EnumerationPlan plan = start;
    Trace g;
    while (true) {
      int copies = k * plan.expansion(EnumerationPlan.Side.GUIDE);
      Enumerate enumerate = new Enumerate(plan, EnumerationPlan.Side.GUIDE,
          batch.size() * copies, null);
      try (Handler p = Handlers.particles(copies); Handler e = enumerate.enter()) {
        g = Trace.guide(guide, batch.repeat(copies), rng);
      } catch (EnumerationPlan.Undiscovered u) {
        plan = plan.with(u.entry());
        continue;
      }
      enumerate.requireEveryPlannedSiteReached();
      break;
    }
    requireSummableGuide(g, plan);
    int kg = plan.expansion(EnumerationPlan.Side.GUIDE);
    Trace m;
    while (true) {
      int copies = k * kg * plan.expansion(EnumerationPlan.Side.MODEL);
      Enumerate enumerate = new Enumerate(plan, EnumerationPlan.Side.MODEL,
          batch.size() * copies, g);
      try (Handler p = Handlers.particles(copies);
          Handler r = new RepeatedReplay(g).enter();
          Handler e = enumerate.enter()) {
        m = Trace.record(model, batch.repeat(copies));
      } catch (EnumerationPlan.Undiscovered u) {
        plan = plan.with(u.entry());
        continue;
      }
      enumerate.requireEveryPlannedSiteReached();
      break;
    }
    m.requireMatches(g);
    requireUnmaskedModelSites(m, plan);
    Tensor bound = fold(m, g, plan, batch.size());
    remember(key, plan);
    return bound;
  }

  private void remember(PlanKey key, EnumerationPlan plan) {
    if (plans.size() >= MAX_PLANS) {
      plans.clear(); // many programs through one objective: keep only the newest plans
    }
    plans.put(key, plan);
  }

  /**
   * Which remembered plan to try for a run: the programs (by identity) and the kind of batch,
   * since a program's path may depend on whether the batch carries data or a condition (M2's
   * guide enumerates the label only on unlabelled batches). The key only picks a plan to try;
   * what makes a plan fit is checked as the programs run, so a wrong pick costs a run, never a
   * wrong bound.
   */
  private record PlanKey(int model, int guide, boolean data, boolean condition) {
    static PlanKey of(Program model, Program guide, Batch batch) {
      return new PlanKey(System.identityHashCode(model), System.identityHashCode(guide),
          batch.hasData(), batch.hasCondition());
    }
  }

  /** Folds the expanded rows back to one bound per example (class comment). */
  private Tensor fold(Trace m, Trace g, EnumerationPlan plan, int n) {
    int k = particles;
    int kg = plan.expansion(EnumerationPlan.Side.GUIDE);
    int km = plan.expansion(EnumerationPlan.Side.MODEL);
    Traces modelRows = new Traces(m, m, n * k * kg * km, k * kg * km);
    Traces guideRows = new Traces(g, g, n * k * kg, k * kg);
    Tensor joint = null;
    Tensor global = null;
    for (Trace.Site s : m.sites()) {
      Tensor term = modelRows.weigh(s, s.distribution().logProb(s.value()));
      if (modelRows.isGlobal(s)) {
        global = LogWeights.plus(global, SiteCosts.globalShare(term));
      } else {
        joint = LogWeights.plus(joint, term);
      }
    }
    modelRows.rowObserved(); // a bound needs data: fails clearly when the model observes none
    Tensor perGuideRow = joint == null ? Tensor.zeros(n * k * kg, 1, m.sites().iterator().next()
        .value().dtype())
        : km == 1 ? joint : joint.groupLogSumExp(km);
    Tensor logQ = null;
    // The guide's view takes r, the data plate's subsample factor, from a trace that observes
    // nothing, so it weighs by 1/1: divide by the model's r here.
    double r = modelRows.subsampleScale();
    for (Trace.Site s : g.sites()) {
      Tensor weighed = guideRows.weigh(s, s.distribution().logProb(s.value()));
      Tensor term = r == 1 ? weighed : weighed.mul(1.0 / r);
      if (guideRows.isGlobal(s)) {
        Tensor share = SiteCosts.globalShare(term);
        global = global == null ? share.neg() : global.sub(share);
      } else {
        perGuideRow = perGuideRow.sub(term);
        if (plan.get(s.name()) != null) {
          logQ = LogWeights.plus(logQ, s.distribution().logProb(s.value()));
        }
      }
    }
    Tensor perParticle = logQ == null ? perGuideRow : logQ.exp().mul(perGuideRow).groupSum(kg);
    Tensor perExample = k == 1 ? perParticle : perParticle.groupSum(k).mul(1.0 / k);
    return global == null ? perExample : perExample.add(global);
  }

  /** Every drawn guide site must be reparameterized: the rest are summed here, not sampled. */
  private static void requireSummableGuide(Trace g, EnumerationPlan plan) {
    for (Trace.Site s : g.sites()) {
      if (s.isDrawn() && !s.isReparameterized()) {
        throw new IllegalArgumentException("TraceEnumElbo: guide site '" + s.name() + "' ("
            + s.distribution().getClass().getSimpleName() + ") is neither reparameterized nor"
            + " enumerated: mark it {\"enumerate\": \"parallel\"} or use TraceGraphElbo");
      }
    }
  }

  /** A masked row of a summed-out site would make its values' masses no longer sum to one. */
  private static void requireUnmaskedModelSites(Trace m, EnumerationPlan plan) {
    for (EnumerationPlan.Entry e : plan.entries()) {
      if (e.side() == EnumerationPlan.Side.MODEL && m.site(e.name()).mask() != null) {
        throw new IllegalArgumentException("TraceEnumElbo: model site '" + e.name() + "' is"
            + " enumerated and masked; a masked site cannot be summed out (mask the observed"
            + " sites instead)");
      }
    }
  }

  @Override
  public String toString() {
    return "TraceEnumElbo(particles=" + particles + ")";
  }
}
