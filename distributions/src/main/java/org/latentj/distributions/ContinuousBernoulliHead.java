package org.latentj.distributions;

import org.latentj.model.Head;
import org.latentj.tensor.Tensor;

/** Raw output = logits of a {@link ContinuousBernoulli}, one raw column per event column. */
public final class ContinuousBernoulliHead extends Head {

  /** The head has no parameters of its own. */
  public ContinuousBernoulliHead() {}

  @Override
  public int rawColumnsPerEventColumn() {
    return 1;
  }

  @Override
  public ContinuousBernoulli distribution(Tensor raw) {
    HeadWidths.eventSize("ContinuousBernoulliHead", raw, 1, "the logits");
    return ContinuousBernoulli.ofLogits(raw);
  }

  @Override
  public String toString() {
    return "ContinuousBernoulliHead[logits]";
  }
}
