package org.latentj.model;

import org.latentj.nn.Layer;

/** q(z | x): the amortized posterior, an encoder network followed by a head. */
public final class Posterior extends ConditionalDistribution {

  public Posterior(Layer encoder, Head head) {
    super(encoder, head);
  }
}
