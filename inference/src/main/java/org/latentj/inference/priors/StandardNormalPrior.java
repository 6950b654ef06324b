package org.latentj.inference.priors;

import org.latentj.distributions.StandardNormal;
import org.latentj.model.Distribution;
import org.latentj.model.Prior;

/** The usual VAE prior {@code p(z) = N(0, I)}, with no parameters. */
public final class StandardNormalPrior extends Prior {

  private final int latentSize;

  public StandardNormalPrior(int latentSize) {
    if (latentSize < 1) {
      throw new IllegalArgumentException("StandardNormalPrior: latentSize must be positive, got "
          + latentSize);
    }
    this.latentSize = latentSize;
  }

  @Override
  public Distribution distribution(int batchSize) {
    return StandardNormal.of(batchSize, latentSize);
  }

  @Override
  public int latentSize() {
    return latentSize;
  }

  @Override
  public String toString() {
    return "StandardNormalPrior(" + latentSize + ")";
  }
}
