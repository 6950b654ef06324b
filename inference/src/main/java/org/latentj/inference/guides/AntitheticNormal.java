package org.latentj.inference.guides;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.distributions.Normal;
import org.latentj.model.Distribution;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/**
 * A Normal whose k rows are drawn in antithetic pairs: row {@code j} is
 * {@code loc + scale * eps_j} and row {@code j + k/2} is {@code loc - scale * eps_j}. Each row is
 * still exactly {@code N(loc, scale^2)}, so every estimate that averages the rows stays unbiased,
 * but any term odd in eps cancels within a pair (Hammersley &amp; Morton 1956). For a guide over
 * global weights that removes the minibatch-residual noise from the scale's gradient, which
 * otherwise dominates it. Densities are the Normal's.
 */
final class AntitheticNormal implements Distribution {

  private final Normal normal;

  AntitheticNormal(Normal normal) {
    if (normal.batchSize() % 2 != 0) {
      throw new IllegalArgumentException("AntitheticNormal: needs an even number of rows (pairs),"
          + " got " + normal.batchSize());
    }
    this.normal = normal;
  }

  @Override
  public int batchSize() {
    return normal.batchSize();
  }

  @Override
  public int eventSize() {
    return normal.eventSize();
  }

  @Override
  public Tensor logProb(Tensor value) {
    return normal.logProb(value);
  }

  @Override
  public Tensor sample(UniformRandomProvider rng) {
    return rsample(rng).detach();
  }

  @Override
  public boolean hasRsample() {
    return true;
  }

  @Override
  public Tensor rsample(UniformRandomProvider rng) {
    int k = batchSize();
    int d = eventSize();
    DMatrixRMaj half = Rngs.standardNormal(rng, k / 2, d);
    DMatrixRMaj eps = new DMatrixRMaj(k, d);
    for (int i = 0; i < half.getNumElements(); i++) {
      eps.data[i] = half.data[i];
      eps.data[i + half.getNumElements()] = -half.data[i];
    }
    return normal.loc().add(normal.scale().mul(Tensor.constant(eps)));
  }

  @Override
  public Tensor mean() {
    return normal.mean();
  }

  @Override
  public Tensor variance() {
    return normal.variance();
  }

  @Override
  public Tensor entropy() {
    return normal.entropy();
  }

  @Override
  public Distribution detachParameters() {
    return new AntitheticNormal(normal.detachParameters());
  }
}
