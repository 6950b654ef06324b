package org.latentj.model.handlers;

import java.util.Map;
import org.latentj.tensor.Tensor;

/**
 * Fixes named sites to data (Pyro's {@code condition}): a conditioned site becomes observed with
 * the given value, so objectives score it as data and no guide needs to sample it.
 */
public final class Condition extends NamedValues {

  Condition(Map<String, Tensor> data) {
    super(data);
  }

  @Override
  void give(Message m, Tensor data) {
    m.setValue(data);
    m.setObserved(true);
  }
}
