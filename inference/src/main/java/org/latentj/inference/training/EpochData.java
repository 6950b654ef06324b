package org.latentj.inference.training;

import java.util.Iterator;
import org.apache.commons.rng.UniformRandomProvider;
import org.latentj.model.Batch;

/**
 * The training set as the trainer sees it: for each epoch, a sequence of minibatches drawn with
 * the given generator (shuffled, and e.g. freshly binarized for dynamic binarization).
 */
public interface EpochData {

  /** The number of training examples in one epoch. */
  int size();

  /** The minibatches of one epoch; batches may share buffers, use each before the next. */
  Iterator<Batch> epoch(UniformRandomProvider rng);
}
