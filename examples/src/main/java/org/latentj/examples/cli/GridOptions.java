package org.latentj.examples.cli;

import picocli.CommandLine.Option;

/**
 * {@code --count} and {@code --columns} of the commands that draw a grid of images (a picocli
 * mixin); the command gives the default count, since a grid of samples wants more than one of
 * reconstructions (each shown above its original).
 */
final class GridOptions {

  @Option(names = {"-n", "--count"}, paramLabel = "N",
      description = "Images to draw (reconstruct: the first N test images). "
          + "Default: ${DEFAULT-VALUE}.")
  int count;

  @Option(names = "--columns", paramLabel = "N", defaultValue = "8",
      description = "Images per grid row. Default: ${DEFAULT-VALUE}.")
  int columns;

  /** A grid of {@code count} images unless the command line says otherwise. */
  GridOptions(int count) {
    this.count = count;
  }

  /** Fails with a usage error naming the option that is out of range. */
  void check() {
    Commands.atLeast("--count", count, 1);
    Commands.atLeast("--columns", columns, 1);
  }
}
