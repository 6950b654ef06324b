package org.latentj.examples.models;

import java.nio.file.Path;

/**
 * The positional arguments of the example programs' {@code main} methods, each optional with a
 * default: {@code ConditionalVaeExample 5 out.png} sets the epochs and the picture.
 */
final class ExampleArgs {

  private ExampleArgs() {}

  /**
   * Argument {@code i} (from 0) as a whole number, or {@code otherwise} when there are fewer.
   *
   * @throws IllegalArgumentException naming the argument when it is not a whole number
   */
  static int integer(String[] args, int i, int otherwise) {
    if (args.length <= i) {
      return otherwise;
    }
    try {
      return Integer.parseInt(args[i]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("argument " + (i + 1) + " must be a whole number, got '"
          + args[i] + "'", e);
    }
  }

  /** Argument {@code i} (from 0) as a path, or {@code otherwise} when there are fewer. */
  static Path path(String[] args, int i, String otherwise) {
    return Path.of(args.length > i ? args[i] : otherwise);
  }
}
