package org.latentj.examples.models;

import java.util.Objects;
import org.latentj.model.Batch;
import org.latentj.model.Likelihood;
import org.latentj.model.Prior;
import org.latentj.model.Program;
import org.latentj.model.Sites;
import org.latentj.tensor.Tensor;

/**
 * The generative model of a conditional VAE (Sohn, Lee &amp; Yan, "Learning Structured Output
 * Representation using Deep Conditional Generative Models", 2015), with the condition y given by
 * the batch ({@link Batch#condition()}, e.g. one-hot labels):
 *
 * <pre>
 *   z ~ p(z)              site "z", independent of y
 *   x ~ p(x | [z, y])     site "x", the decoder sees z and y side by side
 * </pre>
 *
 * Changing y with z fixed changes what is drawn: generating with the label of each digit draws
 * that digit.
 */
public final class ConditionalVaeModel extends Program {

  /** The latent site, shared with {@link ConditionalVaeGuide}. */
  public static final String LATENT = "z";

  /** The observed site. */
  public static final String OBSERVED = "x";

  private final Prior prior;
  private final Likelihood likelihood;
  private final int conditionSize;

  /**
   * @param prior p(z)
   * @param likelihood p(x | [z, y]): its network takes {@code latentSize + conditionSize}
   *     columns
   * @param conditionSize the number of columns of y
   */
  public ConditionalVaeModel(Prior prior, Likelihood likelihood, int conditionSize) {
    Sizes.positive("ConditionalVaeModel", "conditionSize", conditionSize);
    this.prior = register("prior", Objects.requireNonNull(prior, "prior"));
    this.likelihood = register("decoder", Objects.requireNonNull(likelihood, "likelihood"));
    this.conditionSize = conditionSize;
  }

  @Override
  public void run(Sites sites, Batch batch) {
    Tensor y = condition("ConditionalVaeModel", batch, conditionSize);
    Tensor z = sites.sample(LATENT, prior.distribution(batch.size()));
    sites.observe(OBSERVED, likelihood.given(Tensor.concatColumns(z, y)),
        batch.hasData() ? batch.data() : null);
  }

  /** The batch's condition, checked to have {@code columns} columns. */
  static Tensor condition(String who, Batch batch, int columns) {
    if (!batch.hasCondition()) {
      throw new IllegalArgumentException(who + ": the batch has no condition; pass one with"
          + " Batch.of(data, condition) or Batch.generate(n, condition)");
    }
    Tensor y = batch.condition();
    if (y.cols() != columns) {
      throw new IllegalArgumentException(who + ": the condition is " + y.shape() + " but the"
          + " model was built for " + columns + " condition columns");
    }
    return y;
  }

  public Prior prior() {
    return prior;
  }

  /** p(x | [z, y]). */
  public Likelihood likelihood() {
    return likelihood;
  }

  public int conditionSize() {
    return conditionSize;
  }

  @Override
  public String toString() {
    return "ConditionalVaeModel(z ~ " + prior + ", x ~ " + likelihood + " of [z, y" + conditionSize
        + "])";
  }
}
