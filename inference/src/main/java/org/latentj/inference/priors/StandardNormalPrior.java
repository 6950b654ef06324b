package org.latentj.inference.priors;

import org.latentj.distributions.StandardNormal;
import org.latentj.model.Distribution;
import org.latentj.model.Prior;
import org.latentj.tensor.DType;

/** The usual VAE prior {@code p(z) = N(0, I)}, with no parameters. */
public final class StandardNormalPrior extends Prior {

  private final int latentSize;
  private final DType dtype;

  /** A float64 prior. */
  public StandardNormalPrior(int latentSize) {
    this(latentSize, DType.FLOAT64);
  }

  /** A prior whose draws are {@code dtype} tensors, for a model of that dtype. */
  public StandardNormalPrior(int latentSize, DType dtype) {
    if (latentSize < 1) {
      throw new IllegalArgumentException("StandardNormalPrior: latentSize must be positive, got "
          + latentSize);
    }
    if (dtype == null) {
      throw new IllegalArgumentException("StandardNormalPrior: dtype is null");
    }
    this.latentSize = latentSize;
    this.dtype = dtype;
  }

  @Override
  public Distribution distribution(int batchSize) {
    return StandardNormal.of(batchSize, latentSize, dtype);
  }

  @Override
  public int latentSize() {
    return latentSize;
  }

  @Override
  public String toString() {
    return "StandardNormalPrior(" + latentSize + (dtype == DType.FLOAT64 ? "" : ", " + dtype)
        + ")";
  }
}
