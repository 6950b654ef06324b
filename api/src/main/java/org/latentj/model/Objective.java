package org.latentj.model;

import org.apache.commons.rng.UniformRandomProvider;
import org.latentj.tensor.Tensor;

/**
 * A stochastic lower bound on log p(x) that trains a model and its guide together.
 *
 * <p>{@link #bound} is the per-example estimate in nats (for reporting and evaluation).
 * {@link #backward} puts the gradient of the <em>negated mean</em> bound into every parameter
 * of model and guide, and returns the mean bound; most objectives just back-propagate
 * {@code -mean(bound)}, but some (DReG) use different surrogates for model and guide.
 */
public interface Objective {

  /** The bound per example, {@code batch.size() x 1}, differentiable. */
  Tensor bound(Program model, Program guide, Batch batch, UniformRandomProvider rng);

  /**
   * Accumulates the gradient of {@code -mean(bound)} into the parameters of {@code model} and
   * {@code guide}; returns the mean bound per example in nats.
   */
  default double backward(Program model, Program guide, Batch batch, UniformRandomProvider rng) {
    Tensor bound = bound(model, guide, batch, rng);
    Tensor loss = bound.mean().neg();
    loss.backward();
    return -loss.item();
  }
}
