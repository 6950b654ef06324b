package org.latentj.examples.options;

import picocli.CommandLine.Option;

/** {@code --latent N}: the dimensions of the latent code z (a picocli mixin). */
public final class LatentSizeOption {

  @Option(names = "--latent", paramLabel = "N",
      description = "Latent dimensions, the size of z. Default: ${DEFAULT-VALUE}.")
  int latent;

  /** {@code latent} dimensions unless the command line says otherwise. */
  public LatentSizeOption(int latent) {
    this.latent = latent;
  }

  /** The latent size. */
  public int value() {
    return latent;
  }
}
