package org.latentj.examples.models;

import java.util.Objects;
import org.latentj.model.Batch;
import org.latentj.model.Posterior;
import org.latentj.model.Program;
import org.latentj.model.Sites;
import org.latentj.tensor.Tensor;

/**
 * The recognition model of {@link ConditionalVaeModel}: {@code z ~ q(z | [x, y])} at site "z",
 * the encoder seeing the data and the condition side by side (Sohn et al. 2015).
 */
public final class ConditionalVaeGuide extends Program {

  private final Posterior posterior;
  private final int conditionSize;

  /**
   * @param posterior q(z | [x, y]): its network takes {@code inputSize + conditionSize} columns
   * @param conditionSize the number of columns of y
   */
  public ConditionalVaeGuide(Posterior posterior, int conditionSize) {
    Sizes.positive("ConditionalVaeGuide", "conditionSize", conditionSize);
    this.posterior = register("encoder", Objects.requireNonNull(posterior, "posterior"));
    this.conditionSize = conditionSize;
  }

  @Override
  public void run(Sites sites, Batch batch) {
    Tensor y = ConditionalVaeModel.condition("ConditionalVaeGuide", batch, conditionSize);
    sites.sample(ConditionalVaeModel.LATENT,
        posterior.given(Tensor.concatColumns(batch.data(), y)));
  }

  /** q(z | [x, y]). */
  public Posterior posterior() {
    return posterior;
  }

  public int conditionSize() {
    return conditionSize;
  }

  @Override
  public String toString() {
    return "ConditionalVaeGuide(z ~ " + posterior + " of [x, y" + conditionSize + "])";
  }
}
