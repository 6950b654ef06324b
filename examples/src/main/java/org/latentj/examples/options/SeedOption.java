package org.latentj.examples.options;

import picocli.CommandLine.Option;

/** {@code --seed N}: the seed every draw of a command derives from (a picocli mixin). */
public final class SeedOption {

  @Option(names = "--seed", paramLabel = "N",
      description = "Fixes initial weights, data order and every draw. Default: ${DEFAULT-VALUE}.")
  long seed;

  /** A seed of {@code seed} unless the command line gives one. */
  public SeedOption(long seed) {
    this.seed = seed;
  }

  /** The seed. */
  public long value() {
    return seed;
  }
}
