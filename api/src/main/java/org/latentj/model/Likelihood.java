package org.latentj.model;

import org.latentj.nn.Layer;

/** p(x | z): the decoder network followed by a head that makes the data's distribution. */
public final class Likelihood extends ConditionalDistribution {

  public Likelihood(Layer decoder, Head head) {
    super(decoder, head);
  }
}
