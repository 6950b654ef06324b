package org.latentj.model.handlers;

import java.util.Map;
import org.latentj.tensor.Tensor;

/**
 * Sets the values of named latent sites (Pyro's {@code substitute}): they stay latent, so
 * objectives still score them as latent variables, but nothing is drawn for them. Observed
 * sites keep their data.
 */
public final class Substitute extends NamedValues {

  Substitute(Map<String, Tensor> values) {
    super(values);
  }

  @Override
  void give(Message m, Tensor value) {
    if (!m.isObserved()) {
      m.setValue(value);
    }
  }
}
