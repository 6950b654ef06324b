package org.latentj.examples.models;

import java.util.List;

/** What an example run reports per epoch, and the test ELBO it ended with. */
public interface EpochReport {

  /** One entry per epoch trained, in order. */
  List<EpochFigures> epochs();

  /** The test ELBO after the last epoch. */
  default double testElbo() {
    return epochs().get(epochs().size() - 1).testElbo();
  }
}
