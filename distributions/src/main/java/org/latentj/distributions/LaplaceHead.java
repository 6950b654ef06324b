package org.latentj.distributions;

import org.latentj.model.Head;
import org.latentj.tensor.Tensor;

/**
 * Raw output = {@code [loc | log-scale]} of a {@link Laplace}: two raw columns per event column,
 * the log keeping the scale positive without a constraint.
 */
public final class LaplaceHead extends Head {

  /** The head has no parameters of its own. */
  public LaplaceHead() {}

  @Override
  public int rawColumnsPerEventColumn() {
    return 2;
  }

  @Override
  public Laplace distribution(Tensor raw) {
    int d = HeadWidths.eventSize("LaplaceHead", raw, 2, "[loc | log-scale]");
    return Laplace.ofLogScale(raw.columns(0, d), raw.columns(d, 2 * d));
  }

  @Override
  public String toString() {
    return "LaplaceHead[loc and log-scale]";
  }
}
