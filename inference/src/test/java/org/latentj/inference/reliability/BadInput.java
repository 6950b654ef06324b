package org.latentj.inference.reliability;

import java.nio.file.Path;
import java.util.List;

/**
 * One row of the bad-input table: what is fed in, the exception it must raise (exactly that
 * class) and the fragments its message must hold, which together say what is wrong and where.
 *
 * @param name what the row feeds in, as the test's display name
 * @param type the exact exception class expected
 * @param action feeds the bad input; it may write files into the folder it is given
 * @param says fragments the message must contain: the culprit, the place, the values
 */
record BadInput(String name, Class<? extends Throwable> type, Action action, List<String> says) {

  /** Feeds a bad input; {@code dir} is an empty folder of its own. */
  @FunctionalInterface
  interface Action {
    void run(Path dir) throws Exception;
  }

  static BadInput of(String name, Class<? extends Throwable> type, Action action,
      String... says) {
    if (says.length == 0) {
      throw new IllegalArgumentException("row " + name + " must say what the message names");
    }
    return new BadInput(name, type, action, List.of(says));
  }

  @Override
  public String toString() {
    return name;
  }
}
