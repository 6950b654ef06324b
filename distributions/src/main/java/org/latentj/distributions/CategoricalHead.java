package org.latentj.distributions;

import org.latentj.model.Distribution;
import org.latentj.model.Head;
import org.latentj.tensor.Tensor;

/**
 * Turns a network's raw output into a distribution over {@code K} classes: the raw columns are
 * the logits, one per class, so the event size is {@code K} and
 * {@link #rawColumnsPerEventColumn()} is 1. {@link #oneHot()} gives a {@link OneHotCategorical};
 * {@link #relaxed(double)} its Gumbel-softmax relaxation {@link RelaxedOneHotCategorical}, for a
 * reparameterized discrete latent.
 */
public final class CategoricalHead extends Head {

  /** The temperature of the relaxation, or NaN for the exact categorical. */
  private final double temperature;

  private CategoricalHead(double temperature) {
    this.temperature = temperature;
  }

  /** Raw logits to a {@link OneHotCategorical}. */
  public static CategoricalHead oneHot() {
    return new CategoricalHead(Double.NaN);
  }

  /** Raw logits to a {@link RelaxedOneHotCategorical} at {@code temperature > 0}. */
  public static CategoricalHead relaxed(double temperature) {
    Checks.positive("CategoricalHead: temperature", temperature);
    return new CategoricalHead(temperature);
  }

  /** 1: one logit per class, and the event is the whole row of {@code K} classes. */
  @Override
  public int rawColumnsPerEventColumn() {
    return 1;
  }

  @Override
  public Distribution distribution(Tensor raw) {
    HeadWidths.eventSize(this, raw, "[logits]");
    return Double.isNaN(temperature) ? OneHotCategorical.ofLogits(raw)
        : RelaxedOneHotCategorical.of(temperature, raw);
  }

  @Override
  public String toString() {
    return Double.isNaN(temperature) ? "CategoricalHead(one-hot)"
        : "CategoricalHead(relaxed, temperature = " + temperature + ")";
  }
}
