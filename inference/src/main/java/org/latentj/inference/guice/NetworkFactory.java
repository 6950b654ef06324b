package org.latentj.inference.guice;

import org.apache.commons.rng.UniformRandomProvider;
import org.latentj.nn.Initializer;
import org.latentj.nn.Layer;
import org.latentj.tensor.DType;

/**
 * Makes the encoder's or the decoder's network from the {@link NetworkSettings} (layer sizes,
 * activation and, for convolutional families, image shape and channels); bound by name with
 * {@link NetworksModule#register(com.google.inject.Binder, String, NetworkFactory)}.
 */
@FunctionalInterface
public interface NetworkFactory {

  /** Which of the VAE's two networks to make. */
  enum Role {
    /** From a data row ({@code inputSize} columns) to the posterior head's raw columns. */
    ENCODER,
    /** From a latent code ({@code latentSize} columns) to the likelihood head's raw columns. */
    DECODER
  }

  /**
   * The network of {@code role}, ending in {@code outputColumns} raw columns for its head.
   *
   * @param rng draws the initial weights (derived from the seed and the network's name)
   * @throws IllegalArgumentException when the settings do not suit this family, naming what
   */
  Layer create(NetworkSettings network, Role role, int outputColumns, Initializer init,
      UniformRandomProvider rng, DType dtype);
}
