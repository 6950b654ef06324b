package org.latentj.distributions;

import org.latentj.model.Head;
import org.latentj.tensor.Tensor;

/** Raw output = logits of a {@link Bernoulli}, one raw column per event column. */
public final class BernoulliHead extends Head {

  /** The head has no parameters of its own. */
  public BernoulliHead() {}

  @Override
  public int rawColumnsPerEventColumn() {
    return 1;
  }

  @Override
  public Bernoulli distribution(Tensor raw) {
    HeadWidths.eventSize("BernoulliHead", raw, 1, "the logits");
    return Bernoulli.ofLogits(raw);
  }

  @Override
  public String toString() {
    return "BernoulliHead[logits]";
  }
}
