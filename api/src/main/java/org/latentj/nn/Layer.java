package org.latentj.nn;

import org.latentj.tensor.Tensor;

/** A module that maps one minibatch tensor (rows = examples) to another. */
public abstract class Layer extends Module {

  /** Applies this layer to {@code input}. */
  public abstract Tensor forward(Tensor input);

  /**
   * True when each output row depends only on the same input row and nothing random, so that
   * {@code forward(x.repeatRows(k))} equals {@code forward(x).repeatRows(k)}; callers such as
   * {@link org.latentj.model.ConditionalDistribution} then run the layer once on the distinct
   * rows. False unless a layer says otherwise (a layer with batch statistics or dropout is not).
   */
  public boolean rowWise() {
    return false;
  }
}
