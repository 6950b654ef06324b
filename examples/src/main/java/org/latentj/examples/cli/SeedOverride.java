package org.latentj.examples.cli;

import picocli.CommandLine.Option;

/** {@code --seed}, for the commands that draw noise from a trained run (a picocli mixin). */
final class SeedOverride {

  @Option(names = "--seed", paramLabel = "N",
      description = "Seed of the draws. Default: the run's seed.")
  Long seed;

  /** {@code --seed}, or the seed the run trained with. */
  long of(Run run) {
    return seed != null ? seed : run.model().seed();
  }
}
