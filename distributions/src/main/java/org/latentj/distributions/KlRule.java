package org.latentj.distributions;

import org.latentj.model.Distribution;
import org.latentj.tensor.Tensor;

/** A closed form of {@code KL(q || p)} for one pair of families. */
@FunctionalInterface
public interface KlRule<Q extends Distribution, P extends Distribution> {

  /** {@code KL(q || p)} per row, summed over the event: {@code batchSize x 1}, differentiable. */
  Tensor kl(Q q, P p);
}
