package org.latentj.distributions;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.model.Distribution;
import org.latentj.tensor.GradMode;
import org.latentj.tensor.Tensor;

/**
 * What {@link Normal} and {@link Laplace} share: a location {@code mu} and a scale {@code s}, both
 * {@code n x d} or either one a {@code 1 x d} row shared by the batch ({@link Shapes}); the log
 * of the spread (a log-variance or a log-scale) and {@code 1/s}, each computed without a division
 * where the family was built from the log; real values; and draws {@code x = mu + s e} for
 * standard noise {@code e}, differentiable in {@code mu} and {@code s} (Kingma &amp; Welling
 * 2013, section 2.4).
 */
abstract class LocationScaleFamily implements Distribution {

  private final Tensor loc;
  private final Tensor scale;
  private final Tensor logSpread;
  private final Tensor inverseScale;
  private final int batchSize;

  LocationScaleFamily(Tensor loc, Tensor scale, Tensor logSpread, Tensor inverseScale,
      int batchSize) {
    this.loc = loc;
    this.scale = scale;
    this.logSpread = logSpread;
    this.inverseScale = inverseScale;
    this.batchSize = batchSize;
  }

  /**
   * The batch size of factory {@code where}'s location and scale, once their shapes are checked
   * and, while validation is on, the location is finite and the scale finite and positive.
   */
  static int checkScale(String where, String locName, Tensor loc, Tensor scale) {
    int n = Shapes.batchSize(where, locName, loc, "scale", scale);
    Checks.finite(where + ": " + locName, loc);
    Checks.elementsHold(where + ": scale", scale, Checks.POSITIVE, "a finite positive number");
    return n;
  }

  /**
   * The batch size of factory {@code where}'s location and log-spread, once their shapes are
   * checked and, while validation is on, both are finite.
   */
  static int checkLogSpread(String where, String locName, Tensor loc, String logName,
      Tensor logSpread) {
    int n = Shapes.batchSize(where, locName, loc, logName, logSpread);
    Checks.finite(where + ": " + locName, loc);
    Checks.finite(where + ": " + logName, logSpread);
    return n;
  }

  /** The location {@code mu} as given ({@code n x d} or {@code 1 x d}); the Normal's mean. */
  public Tensor loc() {
    return loc;
  }

  /** The scale {@code s} ({@code n x d} or {@code 1 x d}); the Normal's standard deviation. */
  public Tensor scale() {
    return scale;
  }

  /** The log-variance of a Normal, the log-scale of a Laplace. */
  final Tensor logSpread() {
    return logSpread;
  }

  /** {@code 1 / s}, computed without dividing where the family was built from the log. */
  final Tensor inverseScale() {
    return inverseScale;
  }

  @Override
  public int batchSize() {
    return batchSize;
  }

  @Override
  public int eventSize() {
    return loc.cols();
  }

  /** {@code value}, once {@code where} has checked it is batch x event and finite. */
  final Tensor checkedValue(String where, Tensor value) {
    Checks.valueShape(where, value, batchSize, eventSize());
    Checks.finite(where, value);
    return value;
  }

  /** The noise {@code e} of a draw: {@code batchSize x eventSize} standard draws. */
  abstract DMatrixRMaj standardNoise(UniformRandomProvider rng);

  @Override
  public final Tensor sample(UniformRandomProvider rng) {
    try (GradMode.Scope off = GradMode.disable()) {
      return rsample(rng);
    }
  }

  @Override
  public final boolean hasRsample() {
    return true;
  }

  /**
   * {@code mu + s e} with {@link #standardNoise} {@code e}: differentiable in mu and s. The noise
   * is drawn in float64 and rounded for a float32 family, so one seed draws the same noise in
   * both dtypes.
   */
  @Override
  public final Tensor rsample(UniformRandomProvider rng) {
    return loc.add(scale.mul(Tensor.constant(standardNoise(rng), loc.dtype())));
  }

  @Override
  public Tensor mean() {
    return Shapes.expandRows(loc, batchSize);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[batch " + batchSize + ", event " + eventSize() + "]";
  }
}
