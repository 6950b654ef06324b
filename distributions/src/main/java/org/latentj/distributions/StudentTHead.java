package org.latentj.distributions;

import org.latentj.model.Head;
import org.latentj.tensor.Tensor;

/**
 * Turns a network's raw output into a {@link StudentT} likelihood or posterior:
 *
 * <ul>
 *   <li>fixed degrees of freedom: {@code raw = [loc | log-scale]}, {@code 2d} columns;
 *   <li>learned degrees of freedom: {@code raw = [loc | log-scale | r]}, {@code 3d} columns, with
 *       {@code df = softplus(r) + floor}. The floor keeps {@code df} away from 0, where the
 *       density's normalizer and draws lose all precision; choose {@code floor > 2} to keep the
 *       variance finite.
 * </ul>
 *
 * {@code scale = exp(log-scale)}. A learned {@code df} gets gradients from {@code logProb} but not
 * through {@link StudentT#rsample} (see {@link StudentT}).
 */
public final class StudentTHead extends Head {

  /** The floor {@link #learnedDf()} adds to {@code softplus(r)}. */
  public static final double DEFAULT_DF_FLOOR = 1e-3;

  private final double fixedDf;
  private final double dfFloor;
  private final boolean learned;

  private StudentTHead(double fixedDf, double dfFloor, boolean learned) {
    this.fixedDf = fixedDf;
    this.dfFloor = dfFloor;
    this.learned = learned;
  }

  /** Raw {@code [loc | log-scale]} with {@code df} fixed (finite, positive). */
  public static StudentTHead fixedDf(double df) {
    Checks.positive("StudentTHead: df", df);
    return new StudentTHead(df, Double.NaN, false);
  }

  /** Raw {@code [loc | log-scale | r]}, {@code df = softplus(r) + }{@value #DEFAULT_DF_FLOOR}. */
  public static StudentTHead learnedDf() {
    return learnedDf(DEFAULT_DF_FLOOR);
  }

  /** Raw {@code [loc | log-scale | r]} with {@code df = softplus(r) + floor}, {@code floor > 0}. */
  public static StudentTHead learnedDf(double floor) {
    Checks.positive("StudentTHead: floor", floor);
    return new StudentTHead(Double.NaN, floor, true);
  }

  /** 2 for {@code [loc | log-scale]}, 3 with a learned {@code df}. */
  @Override
  public int rawColumnsPerEventColumn() {
    return learned ? 3 : 2;
  }

  @Override
  public StudentT distribution(Tensor raw) {
    int d = HeadWidths.eventSize(this, raw, learned ? "[loc | log-scale | raw df]"
        : "[loc | log-scale]");
    Tensor loc = raw.columns(0, d);
    Tensor scale = raw.columns(d, 2 * d).exp();
    if (!learned) {
      return StudentT.of(fixedDf, loc, scale);
    }
    Tensor df = raw.columns(2 * d, 3 * d).softplus().add(dfFloor);
    return StudentT.ofLearnedDf(df, loc, scale);
  }

  @Override
  public String toString() {
    return learned ? "StudentTHead(df = softplus(raw) + " + dfFloor + ")"
        : "StudentTHead(df = " + fixedDf + ")";
  }
}
