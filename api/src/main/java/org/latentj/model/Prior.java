package org.latentj.model;

import org.latentj.nn.Module;

/** p(z): a distribution over latent rows that needs no input (it may have learned parameters). */
public abstract class Prior extends Module {

  /** The prior for {@code batchSize} independent rows. */
  public abstract Distribution distribution(int batchSize);

  /** The number of columns of one latent value. */
  public abstract int latentSize();
}
