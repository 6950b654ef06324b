package org.latentj.model.handlers;

import java.util.Map;
import org.latentj.tensor.Tensor;

/** A handler that gives the sites it names a value: what condition and substitute share. */
abstract class NamedValues extends Handler {

  private final Map<String, Tensor> values;

  NamedValues(Map<String, Tensor> values) {
    this.values = Map.copyOf(values);
  }

  @Override
  protected final void process(Message m) {
    Tensor v = values.get(m.name());
    if (v != null) {
      give(m, v);
    }
  }

  /** Gives {@code m}, a site this handler names, the value {@code v}. */
  abstract void give(Message m, Tensor v);
}
