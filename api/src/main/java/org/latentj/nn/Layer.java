package org.latentj.nn;

import org.latentj.tensor.Tensor;

/** A module that maps one minibatch tensor (rows = examples) to another. */
public abstract class Layer extends Module {

  /** Applies this layer to {@code input}. */
  public abstract Tensor forward(Tensor input);
}
