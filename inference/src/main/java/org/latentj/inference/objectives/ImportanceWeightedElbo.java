package org.latentj.inference.objectives;

import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.model.Batch;
import org.latentj.model.Loss;
import org.latentj.model.Program;
import org.latentj.model.Trace;
import org.latentj.tensor.Tensor;

/**
 * The importance-weighted bound of Burda, Grosse &amp; Salakhutdinov (2015):
 *
 * <pre>L_k(x) = log (1/k) sum_i w_i,   w_i = p(x, z_i) / q(z_i | x),   z_i ~ q(z | x)</pre>
 *
 * with the log-sum-exp taken per example. {@code L_1} is the ELBO and {@code L_k} rises towards
 * log p(x) as k grows.
 *
 * <p>With {@link #doublyReparameterized} the guide's gradient is the DReG estimator of Tucker,
 * Lawson, Gu &amp; Maddison (2018), {@code sum_i w~_i^2 d log w_i / d z_i * d z_i / d phi} with
 * q's parameters held fixed inside {@code log w_i}, whose variance does not grow with k as the
 * plain estimator's signal-to-noise ratio falls (Rainforth et al. 2018). The model's gradient
 * is unchanged. Its {@link #loss} has one surrogate for each, so it costs a second backward
 * pass.
 */
public final class ImportanceWeightedElbo extends ParticleObjective {

  private final boolean dreg;

  private ImportanceWeightedElbo(int k, boolean dreg) {
    super(k);
    this.dreg = dreg;
  }

  /** The IWAE bound with {@code k} particles and the standard gradient. */
  public static ImportanceWeightedElbo of(int k) {
    return new ImportanceWeightedElbo(k, false);
  }

  /** The IWAE bound with {@code k} particles and doubly-reparameterized guide gradients. */
  public static ImportanceWeightedElbo doublyReparameterized(int k) {
    return new ImportanceWeightedElbo(k, true);
  }

  public boolean isDoublyReparameterized() {
    return dreg;
  }

  @Override
  protected Tensor particleTerm(Traces t) {
    requireOneRowScale(t);
    Tensor lw = t.rowObserved();
    for (String name : t.rowLatentNames()) {
      lw = lw.add(latentTerm(t, t.model().site(name), t.guide().site(name)));
    }
    return lw;
  }

  @Override
  protected Tensor combine(Tensor logWeights, int k) {
    return k == 1 ? logWeights : logWeights.groupLogSumExp(k).sub(Math.log(k));
  }

  /**
   * A scale inside the log-sum-exp would not give a bound: every per-row site must carry the
   * data's subsample factor r and nothing else, which then comes out of the log-sum-exp whole.
   */
  private static void requireOneRowScale(Traces t) {
    for (Trace.Site s : t.guide().sites()) {
      if (t.isGlobal(s) && s.distribution().batchSize() > 1) {
        throw new IllegalArgumentException("ImportanceWeightedElbo: global site '" + s.name()
            + "' has one draw per particle, which would couple the examples' log-sum-exps;"
            + " draw it once (1 row) or use Elbo");
      }
    }
    for (Trace.Site s : Stream.concat(t.model().sites().stream(),
        t.guide().sites().stream()).toList()) {
      if (!t.isGlobal(s) && s.scale() != t.subsampleScale()) {
        throw new IllegalArgumentException("ImportanceWeightedElbo: site '" + s.name()
            + "' has scale " + s.scale() + " but the data's plate scale is "
            + t.subsampleScale() + "; the importance-weighted bound needs every per-example site"
            + " weighed alike (use Elbo for scaled sites)");
      }
    }
  }

  @Override
  public Loss loss(Program model, Program guide, Batch batch, UniformRandomProvider rng) {
    if (!dreg) {
      return super.loss(model, guide, batch, rng);
    }
    int k = particles();
    Traces t = run(model, guide, batch, k, rng, true);
    if (t.hasGlobalSites()) {
      throw new IllegalArgumentException("ImportanceWeightedElbo (DReG): global sites are not"
          + " supported; use ImportanceWeightedElbo.of(k) or Elbo");
    }
    requireOneRowScale(t);
    // log w with the guide's parameters live, and the same with them stopped (for the guide's
    // DReG surrogate): both share the observed term and the model's latent log-densities.
    Tensor observed = t.rowObserved();
    Tensor logW = observed;
    Tensor stopped = observed;
    for (String name : t.rowLatentNames()) {
      Trace.Site g = t.guide().site(name);
      Trace.Site m = t.model().site(name);
      Tensor logPrior = t.weigh(m, m.distribution().logProb(g.value()));
      logW = logW.add(logPrior.sub(t.weigh(g, g.distribution().logProb(g.value()))));
      stopped = stopped.add(logPrior.sub(
          t.weigh(g, g.distribution().detachParameters().logProb(g.value()))));
    }
    int n = batch.size();
    Tensor normalized = Tensor.constant(normalizedWeights(logW.value(), k));
    Tensor bound = combine(logW.detach(), k);
    double meanBound = bound.sum().item() / n;
    // Guide: sum_i w~_i^2 log w_i with q's parameters stopped, so gradient reaches phi only
    // through the reparameterized z_i. Model: the usual sum_i w~_i d log w_i / d theta.
    Tensor guideSurrogate = stopped.mul(normalized.square()).groupSum(k).sum().mul(-1.0 / n);
    Tensor modelSurrogate = logW.mul(normalized).groupSum(k).sum().mul(-1.0 / n);
    return Loss.of(bound, meanBound, List.of(
        new Loss.Surrogate(guideSurrogate, Loss.Part.GUIDE),
        new Loss.Surrogate(modelSurrogate, Loss.Part.MODEL)));
  }

  /** {@code w~_i = w_i / sum_j w_j} within each group of k rows, from log-weights. */
  private static DMatrixRMaj normalizedWeights(DMatrixRMaj logW, int k) {
    int rows = logW.numRows;
    DMatrixRMaj w = new DMatrixRMaj(rows, 1);
    for (int start = 0; start < rows; start += k) {
      double max = Double.NEGATIVE_INFINITY;
      for (int r = start; r < start + k; r++) {
        max = Math.max(max, logW.data[r]);
      }
      double sum = 0;
      for (int r = start; r < start + k; r++) {
        w.data[r] = Math.exp(logW.data[r] - max);
        sum += w.data[r];
      }
      for (int r = start; r < start + k; r++) {
        w.data[r] /= sum;
      }
    }
    return w;
  }

  @Override
  public String toString() {
    return "ImportanceWeightedElbo(k=" + particles() + (dreg ? ", DReG" : "") + ")";
  }
}
