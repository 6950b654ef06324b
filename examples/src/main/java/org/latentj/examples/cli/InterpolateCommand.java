package org.latentj.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ejml.data.DMatrixRMaj;
import org.latentj.examples.pictures.LatentGrid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code latentj interpolate RUN_DIR}: a walk in latent space between two test images. */
@Command(name = "interpolate", sortOptions = false, mixinStandardHelpOptions = true,
    description = "Encodes two test images to their posterior means and decodes points on the "
        + "path between them; writes one row: the first image, the decoded path, the second "
        + "image (default RUN_DIR/interpolation.png).")
final class InterpolateCommand implements Callable<Integer> {

  static final class Methods extends EnumNames.Candidates<LatentGrid.Interpolation> {
    Methods() {
      super(LatentGrid.Interpolation.class);
    }
  }

  @Mixin
  PictureOptions picture;

  @Option(names = "--from", paramLabel = "I", defaultValue = "0",
      description = "Index of the first test image. Default: ${DEFAULT-VALUE}.")
  int from;

  @Option(names = "--to", paramLabel = "J", defaultValue = "1",
      description = "Index of the second test image. Default: ${DEFAULT-VALUE}.")
  int to;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "10",
      description = "Points on the path, both ends included. Default: ${DEFAULT-VALUE}.")
  int steps;

  @Option(names = "--method", paramLabel = "HOW", defaultValue = "linear",
      completionCandidates = Methods.class,
      description = "${COMPLETION-CANDIDATES}: a straight line, or a great circle (keeps the "
          + "norm, as typical codes of a normal prior have). Default: ${DEFAULT-VALUE}.")
  LatentGrid.Interpolation method;

  @Override
  public Integer call() throws IOException {
    Commands.atLeast("--steps", steps, 2);
    Commands.atLeast("--from", from, 0);
    Commands.atLeast("--to", to, 0);
    Run run = picture.open();
    DMatrixRMaj test = run.data(null).test().features();
    for (int i : new int[] {from, to}) {
      if (i >= test.numRows) {
        throw new UsageException("--from/--to " + i + ": the test set has " + test.numRows
            + " images (indices 0.." + (test.numRows - 1) + ")");
      }
    }
    Path png = picture.target(run, Run.INTERPOLATION);
    Figures.interpolation(run.vae(), PictureOptions.shape(run), Figures.row(test, from),
        Figures.row(test, to), steps, method, picture.scale, png);
    picture.wrote(png);
    return 0;
  }
}
