package org.latentj.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code latentj sample RUN_DIR}: decoder means of draws from the prior. */
@Command(name = "sample", sortOptions = false, mixinStandardHelpOptions = true,
    description = "Draws z from the prior and writes the decoder's mean for each, in a grid "
        + "(default RUN_DIR/samples.png).")
final class SampleCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  PictureOptions picture;

  @Option(names = {"-n", "--count"}, paramLabel = "N", defaultValue = "64",
      description = "Samples to draw. Default: ${DEFAULT-VALUE}.")
  int count;

  @Option(names = "--columns", paramLabel = "N", defaultValue = "8",
      description = "Images per grid row. Default: ${DEFAULT-VALUE}.")
  int columns;

  @Option(names = "--seed", paramLabel = "N",
      description = "Seed of the draws. Default: the run's seed.")
  Long seed;

  @Override
  public Integer call() throws IOException {
    Commands.atLeast("--count", count, 1);
    Commands.atLeast("--columns", columns, 1);
    Run run = picture.open();
    Path png = picture.target(run, Run.SAMPLES);
    Figures.samples(run.vae(), PictureOptions.shape(run), count, columns, picture.scale,
        seed != null ? seed : run.settings().seed(), png);
    spec.commandLine().getOut().printf("wrote %s%n", png);
    return 0;
  }
}
