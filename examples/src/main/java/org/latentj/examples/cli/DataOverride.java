package org.latentj.examples.cli;

import java.io.IOException;
import picocli.CommandLine.Option;

/**
 * {@code --data}, for the commands that read a trained run: another data set to use in place of
 * the run's own (a picocli mixin).
 */
final class DataOverride {

  @Option(names = "--data", paramLabel = "SOURCE",
      description = "Use another data set (as train's --data); its examples must have the "
          + "model's input size. Default: the run's data.")
  String data;

  /** The run's data, or the data {@code --data} names, checked against the run's model. */
  RunData load(Run run) throws IOException {
    return run.data(data);
  }
}
