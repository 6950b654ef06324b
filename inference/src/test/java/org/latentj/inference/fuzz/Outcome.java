package org.latentj.inference.fuzz;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Optional;

/**
 * Runs one reader call on a fuzz input and sorts what happens: a value, the documented
 * exception (its message must begin with the name of an input file), or a finding, which is
 * rethrown for Jazzer to report. Whatever happens, the call may allocate at most a fixed slack
 * plus a bounded number of bytes per byte the input could hold once decoded, so that no size
 * written in a header is ever believed before the bytes behind it are seen.
 *
 * <p>Loading (and, under Jazzer, instrumenting) a class allocates on the loading thread, once;
 * a call that loaded classes is not held to the budget. A reader that believed a header would
 * allocate again on the next such input, when no class is left to load.
 */
final class Outcome {

  /** Fixed allowance: buffers of up to 1 MB, a CSV reader's first 1M-value block, and so on. */
  static final long SLACK_BYTES = 24L << 20;

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final ClassLoadingMXBean CLASSES = ManagementFactory.getClassLoadingMXBean();

  /** A reader call that may throw anything. */
  @FunctionalInterface
  interface Call<T> {
    T call() throws Exception;
  }

  private Outcome() {}

  /**
   * The value of {@code call}, or empty if it threw {@code documented}.
   *
   * @param names the names the input files were given; a documented failure's message must
   *     start with one of them
   * @param decodedBytes how many bytes the input can hold once decoded (its length, or 1032
   *     times that for gzip, deflate's largest expansion)
   * @param bytesPerDecodedByte the allocation allowed per decoded byte
   */
  static <T> Optional<T> of(List<String> names, long decodedBytes, long bytesPerDecodedByte,
      Class<? extends Exception> documented, Call<T> call) throws Exception {
    long thread = Thread.currentThread().getId();
    long classes = CLASSES.getTotalLoadedClassCount();
    long before = THREADS.getThreadAllocatedBytes(thread);
    T value = null;
    Throwable failure = null;
    try {
      value = call.call();
    } catch (Throwable t) {
      failure = t;
    }
    long allocated = THREADS.getThreadAllocatedBytes(thread) - before;
    long budget = SLACK_BYTES + bytesPerDecodedByte * decodedBytes;
    if (allocated > budget && CLASSES.getTotalLoadedClassCount() == classes) {
      throw new AssertionError(names + ": allocated " + allocated + " bytes for an input that "
          + "decodes to at most " + decodedBytes + " bytes (budget " + budget + ")", failure);
    }
    if (failure == null) {
      return Optional.of(value);
    }
    if (documented.isInstance(failure)) {
      String message = failure.getMessage();
      if (message == null || names.stream().noneMatch(n -> message.startsWith(n + ": "))) {
        throw new AssertionError("the message does not start with an input's name " + names
            + ": " + message, failure);
      }
      return Optional.empty();
    }
    if (failure instanceof Exception e) {
      throw e;
    }
    throw (Error) failure;
  }
}
