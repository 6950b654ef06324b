package org.latentj.spark;

import java.io.Serializable;
import org.latentj.inference.training.Svi;

/** What a task does with its partition's block, given the executor's copy of the model. */
@FunctionalInterface
interface BlockTask<T> extends Serializable {

  /**
   * The task's result for {@code block}.
   *
   * @param replica the executor's copy, holding the driver's parameters
   */
  T run(Svi replica, DataBlock block, int partition);
}
