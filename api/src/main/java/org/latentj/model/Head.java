package org.latentj.model;

import org.latentj.nn.Module;
import org.latentj.tensor.Tensor;

/**
 * Turns a network's raw output into a distribution's parameters: Likelihood = network + head,
 * Posterior = network + head, so swapping a likelihood is choosing another head. A head may own
 * parameters of its own (e.g. a learned per-feature variance), hence a {@link Module}.
 */
public abstract class Head extends Module {

  /** How many raw columns the network must output per event column (2 for mean + log-variance). */
  public abstract int rawColumnsPerEventColumn();

  /** The distribution for {@code raw}, an {@code n x (eventSize * rawColumnsPerEventColumn)}. */
  public abstract Distribution distribution(Tensor raw);

  /** The number of raw columns the network must output for events of {@code eventSize}. */
  public final int rawColumns(int eventSize) {
    return eventSize * rawColumnsPerEventColumn();
  }
}
