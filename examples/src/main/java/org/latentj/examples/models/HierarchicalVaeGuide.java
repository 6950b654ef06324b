package org.latentj.examples.models;

import java.util.Objects;
import org.latentj.model.Batch;
import org.latentj.model.Posterior;
import org.latentj.model.Program;
import org.latentj.model.Sites;
import org.latentj.tensor.Tensor;

/**
 * The recognition model of {@link HierarchicalVaeModel}, bottom-up as in Burda et al. (2016):
 *
 * <pre>
 *   z1 ~ q(z1 | x)      site "z1"
 *   z2 ~ q(z2 | z1)     site "z2"
 * </pre>
 *
 * It samples in the opposite order to the model; replay matches sites by name, not by order.
 */
public final class HierarchicalVaeGuide extends Program {

  private final Posterior lower;
  private final Posterior top;

  /**
   * @param lower q(z1 | x)
   * @param top q(z2 | z1)
   */
  public HierarchicalVaeGuide(Posterior lower, Posterior top) {
    this.lower = register(HierarchicalVaeModel.LOWER, Objects.requireNonNull(lower, "lower"));
    this.top = register(HierarchicalVaeModel.TOP, Objects.requireNonNull(top, "top"));
  }

  @Override
  public void run(Sites sites, Batch batch) {
    Tensor z1 = sites.sample(HierarchicalVaeModel.LOWER, lower.given(batch.data()));
    sites.sample(HierarchicalVaeModel.TOP, top.given(z1));
  }

  /** q(z1 | x). */
  public Posterior lower() {
    return lower;
  }

  /** q(z2 | z1). */
  public Posterior top() {
    return top;
  }

  @Override
  public String toString() {
    return "HierarchicalVaeGuide(z1 ~ " + lower + ", z2 ~ " + top + ")";
  }
}
