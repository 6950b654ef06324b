package org.latentj.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code latentj reconstruct RUN_DIR}: test images above their reconstructions. */
@Command(name = "reconstruct", sortOptions = false, mixinStandardHelpOptions = true,
    description = "Encodes test images to their posterior means and decodes them; writes each "
        + "image above its reconstruction (default RUN_DIR/reconstructions.png).")
final class ReconstructCommand implements Callable<Integer> {

  @Mixin
  PictureOptions picture;

  @Mixin
  GridOptions grid = new GridOptions(24);

  @Mixin
  DataOverride data;

  @Override
  public Integer call() throws IOException {
    grid.check();
    Run run = picture.open();
    RunData runData = data.load(run);
    Path png = picture.target(run, Run.RECONSTRUCTIONS);
    Figures.reconstructions(run.vae(), PictureOptions.shape(run),
        Figures.firstRows(runData.test().features(), grid.count), grid.columns, picture.scale, png);
    picture.wrote(png);
    return 0;
  }
}
