package org.latentj.distributions;

import org.latentj.model.Head;
import org.latentj.tensor.Tensor;

/**
 * Turns a network's raw output into a {@link Poisson} likelihood: the raw columns are the
 * log-rates (the canonical link), one per count.
 */
public final class PoissonHead extends Head {

  private PoissonHead() {}

  /** Raw {@code [log-rate]}, one column per count. */
  public static PoissonHead logRate() {
    return new PoissonHead();
  }

  @Override
  public int rawColumnsPerEventColumn() {
    return 1;
  }

  @Override
  public Poisson distribution(Tensor raw) {
    HeadWidths.eventSize(this, raw, "[log-rate]");
    return Poisson.ofLogRate(raw);
  }

  @Override
  public String toString() {
    return "PoissonHead(rate = exp(raw))";
  }
}
