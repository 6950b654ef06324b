package org.latentj.model.handlers;

import java.util.Map;
import org.latentj.tensor.Tensor;

/**
 * Fixes named sites to data (Pyro's {@code condition}): a conditioned site becomes observed with
 * the given value, so objectives score it as data and no guide needs to sample it.
 */
public final class Condition extends Handler {

  private final Map<String, Tensor> data;

  Condition(Map<String, Tensor> data) {
    this.data = Map.copyOf(data);
  }

  @Override
  protected void process(Message m) {
    Tensor v = data.get(m.name());
    if (v != null) {
      m.setValue(v);
      m.setObserved(true);
    }
  }
}
