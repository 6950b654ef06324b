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
 *
 * <p>The first two also come with the mean squashed into (0, 1), {@code mean = sigmoid(raw)}:
 * {@link #sigmoidMeanAndLogVariance()} is the paper's Frey Face decoder (section 5: "the means
 * were constrained to the interval (0, 1) using a sigmoidal activation function at the decoder
 * output"), for data in [0, 1] such as grey levels; {@link #sigmoidMeanLearnedVariance(int)}
 * pairs that mean with the per-feature learned variance.
 */
public final class NormalHead extends Head {

  private enum Mode { MEAN_AND_LOG_VARIANCE, LEARNED_VARIANCE, FIXED_VARIANCE }

  private final Mode mode;
  private final boolean sigmoidMean;
  private final Parameter logVariance;
  private final double fixedLogVariance;

  private NormalHead(Mode mode, boolean sigmoidMean, Parameter logVariance,
      double fixedLogVariance) {
    this.mode = mode;
    this.sigmoidMean = sigmoidMean;
    this.logVariance = logVariance == null ? null : register(logVariance);
    this.fixedLogVariance = fixedLogVariance;
  }

  /** Raw = {@code [mean | log-variance]}: {@code 2 d} columns for {@code d} event columns. */
  public static NormalHead meanAndLogVariance() {
    return new NormalHead(Mode.MEAN_AND_LOG_VARIANCE, false, null, Double.NaN);
  }

  /**
   * Raw = {@code [a | log-variance]} with {@code mean = sigmoid(a)}: the AEVB paper's Frey Face
   * decoder, whose mean stays in (0, 1) and whose variance depends on z.
   */
  public static NormalHead sigmoidMeanAndLogVariance() {
    return new NormalHead(Mode.MEAN_AND_LOG_VARIANCE, true, null, Double.NaN);
  }

  /**
   * Raw = mean ({@code eventSize} columns); the log-variance is a learned {@code 1 x eventSize}
   * parameter named {@code logVariance}, starting at 0 (unit variance).
   */
  public static NormalHead learnedVariance(int eventSize) {
    Checks.atLeastOne("NormalHead.learnedVariance: eventSize", eventSize);
    return new NormalHead(Mode.LEARNED_VARIANCE, false,
        new Parameter("logVariance", new DMatrixRMaj(1, eventSize)), Double.NaN);
  }

  /**
   * As {@link #learnedVariance(int)} with {@code mean = sigmoid(raw)}: a mean in (0, 1) and one
   * learned variance per feature that does not depend on z.
   */
  public static NormalHead sigmoidMeanLearnedVariance(int eventSize) {
    Checks.atLeastOne("NormalHead.sigmoidMeanLearnedVariance: eventSize", eventSize);
    return new NormalHead(Mode.LEARNED_VARIANCE, true,
        new Parameter("logVariance", new DMatrixRMaj(1, eventSize)), Double.NaN);
  }

  /** Raw = mean; every column has the given variance (finite, strictly positive). */
  public static NormalHead fixedVariance(double variance) {
    Checks.positive("NormalHead.fixedVariance: variance", variance);
    return new NormalHead(Mode.FIXED_VARIANCE, false, null, Math.log(variance));
  }

  /** True when the mean is {@code sigmoid} of the raw output, so it lies in (0, 1). */
  public boolean sigmoidMean() {
    return sigmoidMean;
  }

  private Tensor mean(Tensor raw) {
    return sigmoidMean ? raw.sigmoid() : raw;
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
        return Normal.ofLogVariance(mean(raw.columns(0, d)), raw.columns(d, 2 * d));
      }
      case LEARNED_VARIANCE: {
        if (raw.cols() != logVariance.cols()) {
          throw new IllegalArgumentException("NormalHead: raw output has " + raw.cols()
              + " columns, expected " + logVariance.cols()
              + " (the mean, one column per learned log-variance)");
        }
        return Normal.ofLogVariance(mean(raw), logVariance.tensor());
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
        return "NormalHead[" + (sigmoidMean ? "sigmoid " : "") + "mean and log-variance]";
      case LEARNED_VARIANCE:
        return "NormalHead[" + (sigmoidMean ? "sigmoid mean, " : "") + "learned variance, event "
            + logVariance.cols() + "]";
      default:
        return "NormalHead[fixed variance " + Math.exp(fixedLogVariance) + "]";
    }
  }
}
