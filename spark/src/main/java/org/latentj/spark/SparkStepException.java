package org.latentj.spark;

/**
 * A Spark job of a training step or an evaluation failed for good (Spark's retries used up, an
 * executor or a broadcast lost, the context stopped). Its message is one line; no parameter was
 * changed, so the last checkpoint written stays the run's good state.
 */
public final class SparkStepException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  SparkStepException(String what, Throwable cause) {
    super(what + " failed on Spark: " + firstLine(cause) + "; no parameter was updated, and the"
        + " last checkpoint is the run's good state (resume from it)", cause);
  }

  private static String firstLine(Throwable t) {
    String m = t.getMessage() == null ? t.getClass().getName() : t.getMessage();
    int end = m.indexOf('\n');
    return (end < 0 ? m : m.substring(0, end)).strip();
  }
}
