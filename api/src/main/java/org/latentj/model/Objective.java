package org.latentj.model;

import org.apache.commons.rng.UniformRandomProvider;
import org.latentj.tensor.Tensor;

/**
 * A stochastic lower bound on log p(x) that trains a model and its guide together.
 *
 * <p>{@link #bound} is the per-example estimate in nats (for reporting and evaluation).
 * {@link #loss} adds the surrogates whose gradients train the parameters; most objectives just
 * minimize {@code -mean(bound)}, but some (DReG) use different surrogates for model and guide.
 * Objectives make no gradients themselves: the engine ({@code Svi}) runs the backward passes.
 */
public interface Objective {

  /** The bound per example, {@code batch.size() x 1}, differentiable. */
  Tensor bound(Program model, Program guide, Batch batch, UniformRandomProvider rng);

  /** The bound and the surrogates to differentiate. */
  default Loss loss(Program model, Program guide, Batch batch, UniformRandomProvider rng) {
    return Loss.negatedMean(bound(model, guide, batch, rng));
  }

  /**
   * Whether {@link #loss} updates state kept from step to step (a baseline's running average):
   * then the loss of a minibatch cannot be made from its parts on several threads at once (each
   * part would update the state, concurrently). False unless an objective says so.
   */
  default boolean stateful() {
    return false;
  }
}
