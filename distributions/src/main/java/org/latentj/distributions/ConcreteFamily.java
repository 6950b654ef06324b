package org.latentj.distributions;

import org.apache.commons.rng.UniformRandomProvider;
import org.latentj.tensor.GradMode;
import org.latentj.tensor.Tensor;

/**
 * What the Concrete relaxations ({@link RelaxedOneHotCategorical}, {@link RelaxedBernoulli};
 * Maddison, Mnih &amp; Teh 2016) share: logits and a temperature, a reparameterized sampler whose
 * plain draw is that sample cut from the graph, and no closed-form mean or variance.
 */
abstract class ConcreteFamily extends LogitsFamily {

  private final double temperature;

  ConcreteFamily(double temperature, Tensor logits) {
    super(logits);
    this.temperature = temperature;
  }

  public final double temperature() {
    return temperature;
  }

  @Override
  public final Tensor sample(UniformRandomProvider rng) {
    try (GradMode.Scope off = GradMode.disable()) {
      return rsample(rng).detach();
    }
  }

  @Override
  public final boolean hasRsample() {
    return true;
  }

  /** Always throws: a Concrete distribution's mean has no closed form. */
  @Override
  public final Tensor mean() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " has no closed-form"
        + " mean; estimate it from samples (as the temperature falls it approaches the"
        + " discrete family's)");
  }

  /** Always throws: a Concrete distribution's variance has no closed form. */
  @Override
  public final Tensor variance() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " has no closed-form"
        + " variance; estimate it from samples");
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + batchSize() + "x" + eventSize() + ", temperature="
        + temperature + "]";
  }
}
