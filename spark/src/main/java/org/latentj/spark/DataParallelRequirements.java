package org.latentj.spark;

import org.latentj.inference.training.PerExampleSites;
import org.latentj.inference.training.Svi;
import org.latentj.model.Batch;
import org.latentj.model.KeyedNoise;
import org.latentj.model.handlers.Handler;
import org.latentj.tensor.GradMode;

/**
 * What data-parallel training needs of a model, asked of the built {@link Svi} in one place
 * before the first step sends anything to the cluster:
 *
 * <ul>
 *   <li>keyed noise, so each example draws the same numbers on any partition;
 *   <li>no untrained state (batch norm's running statistics, dropout's counter), which each
 *       replica would update on its own and summed gradients cannot carry back;
 *   <li>per-example sites only: a global site's whole term would be counted once per partition
 *       ({@link PerExampleSites}, checked by scoring two examples on the driver).
 * </ul>
 *
 * A flow posterior and a data-dependent prior (the VampPrior, whose pseudo-inputs start at
 * training rows on the driver and arrive with the other parameters on every executor) need
 * nothing more. Each refusal is one {@link IllegalArgumentException} saying what and why.
 */
final class DataParallelRequirements {

  private DataParallelRequirements() {}

  /**
   * @param sample the first examples of the minibatch (indexed), to run the programs on
   * @throws IllegalArgumentException naming the first requirement {@code svi} does not meet
   */
  static void check(Svi svi, Batch sample, KeyedNoise noise) {
    if (!svi.buffers().isEmpty()) {
      throw new IllegalArgumentException("SparkGradients: the model keeps state that is not"
          + " trained (" + String.join(", ", svi.buffers().keySet()) + ": BatchNorm or Dropout);"
          + " data-parallel training does not carry it between executors, so train it on one"
          + " machine");
    }
    try (GradMode.Scope off = GradMode.disable();
        Handler perExample = new PerExampleSites(sample.examples()).enter()) {
      svi.objective().loss(svi.model(), svi.guide(), sample, noise);
    }
  }

  /** The refusal of ordered noise: the Svi was not given {@code keyedNoise(seed)}. */
  static IllegalArgumentException orderedNoise() {
    return new IllegalArgumentException("SparkGradients: the Svi draws ordered noise; data-"
        + "parallel steps need keyed noise, so that each example draws the same numbers on"
        + " any partition (call svi.keyedNoise(seed))");
  }
}
