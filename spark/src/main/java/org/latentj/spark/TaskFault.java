package org.latentj.spark;

import java.io.Serializable;

/**
 * A failure to inject into a task, to test that Spark's retries and latentj's error handling do
 * what they should; {@link #NONE} in every real run.
 */
@FunctionalInterface
public interface TaskFault extends Serializable {

  TaskFault NONE = (partition, attempt) -> {};

  /** Throws to fail attempt {@code attempt} (from 0) of the task of {@code partition}. */
  void maybeFail(int partition, int attempt);
}
