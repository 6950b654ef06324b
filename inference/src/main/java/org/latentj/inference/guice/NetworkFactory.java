package org.latentj.inference.guice;

import org.apache.commons.rng.UniformRandomProvider;
import org.latentj.nn.Activation;
import org.latentj.nn.Initializer;
import org.latentj.nn.Layer;
import org.latentj.tensor.DType;

/**
 * Makes the encoder's or the decoder's network from its layer sizes; bound by name with
 * {@link NetworksModule#register(com.google.inject.Binder, String, NetworkFactory)}.
 */
@FunctionalInterface
public interface NetworkFactory {

  /**
   * A network mapping {@code sizes[0]} columns to {@code sizes[last]}, hidden layers between.
   *
   * @param rng draws the initial weights (derived from the seed and the network's name)
   */
  Layer create(int[] sizes, Activation activation, Initializer init, UniformRandomProvider rng,
      DType dtype);
}
