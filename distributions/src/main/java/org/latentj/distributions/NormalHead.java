package org.latentj.distributions;

import org.ejml.data.DMatrixRMaj;
import org.latentj.model.Head;
import org.latentj.nn.Parameter;
import org.latentj.tensor.Tensor;

/**
 * Turns a network's output into a diagonal {@link Normal}, in one of three ways:
 *
 * <ul>
 *   <li>{@link #meanAndLogVariance()}: raw = {@code [mean | log-variance]}, two raw columns per
 *       event column; the usual Gaussian encoder (Kingma &amp; Welling 2013, appendix C.2).
 *   <li>{@link #learnedVariance(int)}: raw = mean; one log-variance per event column, shared by
 *       every example and learned as the parameter {@code logVariance} of this head.
 *   <li>{@link #fixedVariance(double)}: raw = mean; a constant variance.
 * </ul>
 */
public final class NormalHead extends Head {

  private enum Mode { MEAN_AND_LOG_VARIANCE, LEARNED_VARIANCE, FIXED_VARIANCE }

  private final Mode mode;
  private final Parameter logVariance;
  private final double fixedLogVariance;

  private NormalHead(Mode mode, Parameter logVariance, double fixedLogVariance) {
    this.mode = mode;
    this.logVariance = logVariance == null ? null : register(logVariance);
    this.fixedLogVariance = fixedLogVariance;
  }

  /** Raw = {@code [mean | log-variance]}: {@code 2 d} columns for {@code d} event columns. */
  public static NormalHead meanAndLogVariance() {
    return new NormalHead(Mode.MEAN_AND_LOG_VARIANCE, null, Double.NaN);
  }

  /**
   * Raw = mean ({@code eventSize} columns); the log-variance is a learned {@code 1 x eventSize}
   * parameter named {@code logVariance}, starting at 0 (unit variance).
   */
  public static NormalHead learnedVariance(int eventSize) {
    Checks.atLeastOne("NormalHead.learnedVariance: eventSize", eventSize);
    return new NormalHead(Mode.LEARNED_VARIANCE,
        new Parameter("logVariance", new DMatrixRMaj(1, eventSize)), Double.NaN);
  }

  /** Raw = mean; every column has the given variance (finite, strictly positive). */
  public static NormalHead fixedVariance(double variance) {
    Checks.positive("NormalHead.fixedVariance: variance", variance);
    return new NormalHead(Mode.FIXED_VARIANCE, null, Math.log(variance));
  }

  @Override
  public int rawColumnsPerEventColumn() {
    return mode == Mode.MEAN_AND_LOG_VARIANCE ? 2 : 1;
  }

  @Override
  public Normal distribution(Tensor raw) {
    switch (mode) {
      case MEAN_AND_LOG_VARIANCE: {
        int d = HeadWidths.eventSize("NormalHead", raw, 2, "[mean | log-variance]");
        return Normal.ofLogVariance(raw.columns(0, d), raw.columns(d, 2 * d));
      }
      case LEARNED_VARIANCE: {
        if (raw.cols() != logVariance.cols()) {
          throw new IllegalArgumentException("NormalHead: raw output has " + raw.cols()
              + " columns, expected " + logVariance.cols()
              + " (the mean, one column per learned log-variance)");
        }
        return Normal.ofLogVariance(raw, logVariance.tensor());
      }
      default: {
        int d = HeadWidths.eventSize("NormalHead", raw, 1, "the mean");
        return Normal.ofLogVariance(raw, Tensor.filled(1, d, fixedLogVariance, raw.dtype()));
      }
    }
  }

  @Override
  public String toString() {
    switch (mode) {
      case MEAN_AND_LOG_VARIANCE:
        return "NormalHead[mean and log-variance]";
      case LEARNED_VARIANCE:
        return "NormalHead[learned variance, event " + logVariance.cols() + "]";
      default:
        return "NormalHead[fixed variance " + Math.exp(fixedLogVariance) + "]";
    }
  }
}
