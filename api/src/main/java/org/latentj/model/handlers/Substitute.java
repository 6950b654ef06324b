package org.latentj.model.handlers;

import java.util.Map;
import org.latentj.tensor.Tensor;

/**
 * Sets the values of named latent sites (Pyro's {@code substitute}): they stay latent, so
 * objectives still score them as latent variables, but nothing is drawn for them.
 */
public final class Substitute extends Handler {

  private final Map<String, Tensor> values;

  Substitute(Map<String, Tensor> values) {
    this.values = Map.copyOf(values);
  }

  @Override
  protected void process(Message m) {
    Tensor v = values.get(m.name());
    if (v != null && !m.isObserved()) {
      m.setValue(v);
    }
  }
}
