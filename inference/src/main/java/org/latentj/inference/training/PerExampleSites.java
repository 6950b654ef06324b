package org.latentj.inference.training;

import org.latentj.model.handlers.Handler;
import org.latentj.model.handlers.Message;

/**
 * Refuses a global site (one outside the data's plate, e.g. Bayesian weights) in data-parallel
 * training: each partition's loss would carry the site's whole term, so summing partitions would
 * count it once per partition. Per-example sites have {@code examples x particles} rows. Used by
 * {@link ParallelGradients} (threads of one machine) and the {@code spark} module (executors).
 */
public final class PerExampleSites extends Handler {

  private final int examples;

  /** Accepts only sites with {@code examples} rows per particle. */
  public PerExampleSites(int examples) {
    this.examples = examples;
  }

  @Override
  protected void postprocess(Message m) {
    if (m.rows() != examples * m.particles()) {
      throw new IllegalArgumentException("site '" + m.name() + "' has " + m.rows() + " rows for "
          + examples + " examples x " + m.particles() + " particles: it is global, and"
          + " data-parallel training supports only per-example sites (summing the partitions'"
          + " gradients would count a global term once per partition)");
    }
  }
}
