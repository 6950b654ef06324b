package org.latentj.examples.options;

import picocli.CommandLine.Option;

/** {@code --step-size RATE}: Adagrad's step size, as the AEVB paper tunes it (a picocli mixin). */
public final class StepSizeOption {

  @Option(names = "--step-size", paramLabel = "RATE",
      description = "Adagrad step size; the AEVB paper picks from 0.01, 0.02, 0.1. "
          + "Default: ${DEFAULT-VALUE}.")
  double stepSize = 0.02;

  /** The step size. */
  public double value() {
    return stepSize;
  }
}
