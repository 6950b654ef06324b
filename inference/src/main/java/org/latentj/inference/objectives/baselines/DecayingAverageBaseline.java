package org.latentj.inference.objectives.baselines;

import org.ejml.data.DMatrixRMaj;
import org.latentj.model.Batch;

/**
 * A per-site constant baseline, the exponentially decaying average of the site's mean
 * downstream cost over past steps (Pyro's {@code baseline_beta}; Williams 1992):
 *
 * <pre>b_t = beta b_{t-1} + (1 - beta) mean_rows(C_{t-1}),   signal = C_t - b_t</pre>
 *
 * It is updated after it is used, so a step's baseline never depends on that step's draws and
 * the estimator stays unbiased. It removes the common offset of the costs (typically tens of
 * nats), but not their variation from example to example, which {@link NvilBaseline} learns.
 */
public final class DecayingAverageBaseline implements Baseline {

  private final RunningMoments average;

  /** {@code beta} in {@code [0, 1)}: the weight of the past; Pyro's default is 0.9. */
  public DecayingAverageBaseline(double beta) {
    this.average = new RunningMoments(beta);
  }

  @Override
  public Signal signal(String site, Batch batch, DMatrixRMaj cost) {
    double b = average.mean(site);
    DMatrixRMaj centred = RunningMoments.shifted(cost, -b);
    average.update(site, cost);
    return new Signal(centred, null);
  }

  /** True: each signal updates the running moments. */
  @Override
  public boolean stateful() {
    return true;
  }

  @Override
  public String toString() {
    return "DecayingAverageBaseline(beta=" + average.beta() + ")";
  }
}
