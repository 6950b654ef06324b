package org.latentj.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code latentj reconstruct RUN_DIR}: test images above their reconstructions. */
@Command(name = "reconstruct", sortOptions = false, mixinStandardHelpOptions = true,
    description = "Encodes test images to their posterior means and decodes them; writes each "
        + "image above its reconstruction (default RUN_DIR/reconstructions.png).")
final class ReconstructCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  PictureOptions picture;

  @Option(names = {"-n", "--count"}, paramLabel = "N", defaultValue = "24",
      description = "Test images to reconstruct (the first N). Default: ${DEFAULT-VALUE}.")
  int count;

  @Option(names = "--columns", paramLabel = "N", defaultValue = "8",
      description = "Images per grid row. Default: ${DEFAULT-VALUE}.")
  int columns;

  @Option(names = "--data", paramLabel = "SOURCE",
      description = "Reconstruct another data set's test images (as train's --data); they must"
          + " have the model's input size. Default: the run's data.")
  String data;

  @Override
  public Integer call() throws IOException {
    Commands.atLeast("--count", count, 1);
    Commands.atLeast("--columns", columns, 1);
    Run run = picture.open();
    RunData runData = run.data(data);
    Path png = picture.target(run, Run.RECONSTRUCTIONS);
    Figures.reconstructions(run.vae(), PictureOptions.shape(run),
        Figures.firstRows(runData.test().features(), count), columns, picture.scale, png);
    spec.commandLine().getOut().printf("wrote %s%n", png);
    return 0;
  }
}
