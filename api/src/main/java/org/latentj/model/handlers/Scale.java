package org.latentj.model.handlers;

import java.util.function.Predicate;

/**
 * Multiplies the log-probability term of the sites it selects by {@code c} (Pyro's
 * {@code scale}): {@code c log p(value)} in every objective. {@code c} in (0, 1) down-weights a
 * site, as the beta-VAE and KL warm-up do for latent sites.
 */
public final class Scale extends Handler {

  private final double factor;
  private final Predicate<Message> selected;

  Scale(double factor, Predicate<Message> selected) {
    if (!(factor >= 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("scale: the factor must be finite and non-negative, got "
          + factor);
    }
    this.factor = factor;
    this.selected = selected;
  }

  public double factor() {
    return factor;
  }

  @Override
  protected void process(Message m) {
    if (selected.test(m)) {
      m.scaleBy(factor);
    }
  }

  @Override
  public String toString() {
    return "Scale(" + factor + ")";
  }
}
