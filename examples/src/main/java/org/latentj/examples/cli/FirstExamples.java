package org.latentj.examples.cli;

import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Option;

/** {@code --examples N}: use only the first N examples of a split (a picocli mixin). */
final class FirstExamples {

  @Option(names = "--examples", paramLabel = "N", defaultValue = "0",
      description = "Use only the first N examples (0: all). Default: ${DEFAULT-VALUE}.")
  int examples;

  /** Fails with a usage error when {@code --examples} is negative. */
  void check() {
    Commands.atLeast("--examples", examples, 0);
  }

  /** The first {@code --examples} rows of {@code x}, or all of them. */
  DMatrixRMaj of(DMatrixRMaj x) {
    return examples > 0 ? Figures.firstRows(x, examples) : x;
  }
}
