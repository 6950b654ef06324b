package org.latentj.examples.options;

import picocli.CommandLine.Option;

/** {@code --batch N}: the minibatch size a reproduction driver trains with (a picocli mixin). */
public final class BatchSizeOption {

  @Option(names = "--batch", description = "Minibatch size; default: ${DEFAULT-VALUE}.")
  int batch;

  /** Minibatches of {@code batch} examples unless the command line says otherwise. */
  public BatchSizeOption(int batch) {
    this.batch = batch;
  }

  /** The minibatch size. */
  public int value() {
    return batch;
  }
}
