package org.latentj.inference.objectives.baselines;

import org.ejml.data.DMatrixRMaj;
import org.latentj.model.Batch;
import org.latentj.tensor.Tensor;

/**
 * A control variate for a score-function term (Williams 1992; Mnih &amp; Gregor 2014, section 3):
 * the term {@code grad log q(z) * C} becomes {@code grad log q(z) * (C - b)}, which has the same
 * expectation whenever {@code b} does not depend on {@code z}, since
 * {@code E_q[grad log q(z)] = 0}, and less variance when {@code b} tracks {@code C}. Here
 * {@code C} is a site's downstream cost, one number per row.
 *
 * <p>{@link #signal} is called once per score-function site and step, before the update, and may
 * update the baseline's own state (a running average) after using it, so the baseline of a step
 * never depends on that step's draws. A learned baseline returns a loss whose gradient trains
 * its parameters; the objective adds it to its surrogate, and the engine's backward pass and
 * optimizer do the rest, which is why such a baseline must be a module the guide owns.
 */
public interface Baseline {

  /**
   * The learning signal of one site and what trains the baseline.
   *
   * @param centred {@code C - b} per row, {@code rows x 1}, carrying no gradient
   * @param loss a scalar to minimize in the baseline's parameters, or null for none
   */
  record Signal(DMatrixRMaj centred, Tensor loss) {}

  /**
   * The signal for {@code site}.
   *
   * @param batch the rows the costs belong to (examples repeated once per particle)
   * @param cost the site's downstream cost per row, {@code rows x 1} (Not modified)
   */
  Signal signal(String site, Batch batch, DMatrixRMaj cost);

  /**
   * Whether {@link #signal} updates state kept from step to step (a running average), so that
   * calls from several threads at once would race; see {@code Objective.stateful()}.
   */
  default boolean stateful() {
    return false;
  }

  /** No baseline: the signal is the cost itself (plain REINFORCE). */
  Baseline NONE = new Baseline() {
    @Override
    public Signal signal(String site, Batch batch, DMatrixRMaj cost) {
      return new Signal(cost.copy(), null);
    }

    @Override
    public String toString() {
      return "Baseline.NONE";
    }
  };
}
