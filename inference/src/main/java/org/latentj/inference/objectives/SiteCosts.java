package org.latentj.inference.objectives;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.latentj.model.Trace;
import org.latentj.tensor.Tensor;

/**
 * Each site's term of the ELBO, per row, as {@link TraceGraphElbo} needs them: the model's
 * {@code log p} and the guide's {@code -log q}, weighed like {@link Elbo}'s, kept apart so that
 * a score-function site can sum only the terms downstream of it ({@link #downstream}), plus the
 * global sites' share.
 */
final class SiteCosts {

  private final Traces traces;
  private final List<Trace.Site> modelSites = new ArrayList<>();
  private final List<Tensor> modelTerms = new ArrayList<>();
  private final List<Trace.Site> guideSites = new ArrayList<>();
  private final List<Tensor> guideTerms = new ArrayList<>();
  private final List<Tensor> guideLogDensities = new ArrayList<>();
  private Tensor global;

  SiteCosts(Traces t) {
    this.traces = t;
    boolean observes = false;
    for (Trace.Site s : t.model().sites()) {
      observes |= s.isObserved();
      Tensor term = t.weigh(s, s.distribution().logProb(s.value()));
      if (t.isGlobal(s)) {
        global = LogWeights.plus(global, globalShare(term));
      } else {
        modelSites.add(s);
        modelTerms.add(term);
      }
    }
    if (!observes) {
      throw new IllegalStateException("the model observes no data: a bound needs at least one"
          + " sites.observe(...) site");
    }
    for (Trace.Site s : t.guide().sites()) {
      Tensor logQ = logDensity(s);
      Tensor term = t.weigh(s, logQ).neg();
      if (t.isGlobal(s)) {
        global = LogWeights.plus(global, globalShare(term));
      } else {
        guideSites.add(s);
        guideTerms.add(term);
        guideLogDensities.add(logQ);
      }
    }
  }

  /**
   * A weighed global term as one number: its rows (one per particle, already divided by their
   * count by {@code Traces.weigh}) summed, so it adds to every example's bound.
   */
  static Tensor globalShare(Tensor weighed) {
    return weighed.rows() == 1 ? weighed : weighed.sum();
  }

  /** {@code log q(z)} at a guide site; a family with no density fails naming the site. */
  private static Tensor logDensity(Trace.Site s) {
    try {
      return s.distribution().logProb(s.value());
    } catch (UnsupportedOperationException e) {
      throw new IllegalArgumentException("guide site '" + s.name() + "': "
          + s.distribution().getClass().getSimpleName() + " has no log-density (" + e.getMessage()
          + "), which the ELBO and its score-function term need", e);
    }
  }

  /** The guide's per-row sites, in program order. */
  List<Trace.Site> guideRowSites() {
    return guideSites;
  }

  /** {@code log q(z)} of a per-row guide site, unweighed: the score of its draw. */
  Tensor logQ(Trace.Site s) {
    return guideLogDensities.get(guideSites.indexOf(s));
  }

  /** The sum of every per-row term: the per-particle ELBO, {@code rows x 1}. */
  Tensor rowTotal() {
    Tensor sum = null;
    for (Tensor term : modelTerms) {
      sum = LogWeights.plus(sum, term);
    }
    for (Tensor term : guideTerms) {
      sum = LogWeights.plus(sum, term);
    }
    return sum;
  }

  /** Per-row values averaged over each example's particles, plus the global share: n x 1. */
  Tensor perExample(Tensor rows) {
    int k = traces.particles();
    Tensor perExample = k == 1 ? rows : rows.groupSum(k).mul(1.0 / k);
    return global == null ? perExample : perExample.add(global);
  }

  /**
   * The cost downstream of per-row guide site {@code s}, row by row and carrying no gradient:
   * the guide's terms from {@code s} on, and the model's terms from the first model site that
   * shares a name with one of those guide sites on (docs/math.md, "Rao-Blackwellization").
   * Row i's cost holds only row i's terms: rows of a plate are conditionally independent.
   */
  DMatrixRMaj downstream(Trace.Site s) {
    int from = guideSites.indexOf(s);
    Set<String> after = new HashSet<>();
    DMatrixRMaj cost = new DMatrixRMaj(traces.rows(), 1);
    for (int i = from; i < guideSites.size(); i++) {
      after.add(guideSites.get(i).name());
      addInto(cost, guideTerms.get(i));
    }
    boolean reached = false;
    for (int i = 0; i < modelSites.size(); i++) {
      reached |= after.contains(modelSites.get(i).name());
      if (reached) {
        addInto(cost, modelTerms.get(i));
      }
    }
    return cost;
  }

  private static void addInto(DMatrixRMaj sum, Tensor term) {
    double[] t = term.value().data;
    for (int i = 0; i < sum.numRows; i++) {
      sum.data[i] += t[i];
    }
  }
}
