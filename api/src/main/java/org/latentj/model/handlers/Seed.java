package org.latentj.model.handlers;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Fixes the generator every draw inside its scope uses (Pyro's {@code seed}): the stack draws
 * with the innermost seed's generator, so the same seed gives the same draws.
 */
public final class Seed extends Handler {

  private final UniformRandomProvider rng;

  Seed(UniformRandomProvider rng) {
    if (rng == null) {
      throw new IllegalArgumentException("seed: the generator is null");
    }
    this.rng = rng;
  }

  @Override
  protected UniformRandomProvider rng() {
    return rng;
  }
}
