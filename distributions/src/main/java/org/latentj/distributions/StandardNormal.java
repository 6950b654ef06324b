package org.latentj.distributions;

import org.apache.commons.rng.UniformRandomProvider;
import org.latentj.model.Distribution;
import org.latentj.tensor.DType;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/**
 * {@code N(0, I)} for a batch of {@code n} rows of {@code d} columns, the usual VAE prior
 * (Kingma &amp; Welling 2013, section 3):
 *
 * <pre>
 *   log p(x) = -1/2 sum_j [ log(2 pi) + x_j^2 ]       H = d/2 (1 + log(2 pi))
 * </pre>
 *
 * <p>It has no parameters; {@link #logProb} is differentiable in the value. Kept apart from
 * {@link Normal} so closed-form KL rules against it skip the work a general Normal needs.
 */
public final class StandardNormal implements Distribution {

  private final int batchSize;
  private final int eventSize;
  private final DType dtype;

  private StandardNormal(int batchSize, int eventSize, DType dtype) {
    this.batchSize = batchSize;
    this.eventSize = eventSize;
    this.dtype = dtype;
  }

  /** {@code N(0, I)} over {@code batchSize x eventSize} float64 values; both at least 1. */
  public static StandardNormal of(int batchSize, int eventSize) {
    return of(batchSize, eventSize, DType.FLOAT64);
  }

  /**
   * {@code N(0, I)} over {@code batchSize x eventSize} values of {@code dtype} (its draws, mean,
   * variance and entropy); both sizes at least 1. Draws are made in float64 and rounded, so one
   * seed draws the same noise in both dtypes.
   */
  public static StandardNormal of(int batchSize, int eventSize, DType dtype) {
    Checks.atLeastOne("StandardNormal.of: batchSize", batchSize);
    Checks.atLeastOne("StandardNormal.of: eventSize", eventSize);
    if (dtype == null) {
      throw new IllegalArgumentException("StandardNormal.of: dtype is null");
    }
    return new StandardNormal(batchSize, eventSize, dtype);
  }

  /** The dtype of its draws and moments. */
  public DType dtype() {
    return dtype;
  }

  @Override
  public int batchSize() {
    return batchSize;
  }

  @Override
  public int eventSize() {
    return eventSize;
  }

  @Override
  public Tensor logProb(Tensor value) {
    Checks.valueShape("StandardNormal.logProb: value", value, batchSize, eventSize);
    Checks.finite("StandardNormal.logProb: value", value);
    return value.square().add(Normal.LOG_2PI).mul(-0.5).rowSums();
  }

  @Override
  public Tensor sample(UniformRandomProvider rng) {
    return Tensor.constant(Rngs.standardNormal(rng, batchSize, eventSize), dtype);
  }

  /** True: a draw is pure noise, so it is trivially reparameterized (and carries no gradient). */
  @Override
  public boolean hasRsample() {
    return true;
  }

  @Override
  public Tensor rsample(UniformRandomProvider rng) {
    return sample(rng);
  }

  @Override
  public Tensor mean() {
    return Tensor.zeros(batchSize, eventSize, dtype);
  }

  @Override
  public Tensor variance() {
    return Tensor.filled(batchSize, eventSize, 1.0, dtype);
  }

  @Override
  public Tensor entropy() {
    return Tensor.filled(batchSize, 1, 0.5 * eventSize * (1 + Normal.LOG_2PI), dtype);
  }

  @Override
  public String toString() {
    return "StandardNormal[batch " + batchSize + ", event " + eventSize
        + (dtype == DType.FLOAT64 ? "" : ", " + dtype) + "]";
  }

  /** A standard normal has no parameters to detach. */
  @Override
  public StandardNormal detachParameters() {
    return this;
  }
}
