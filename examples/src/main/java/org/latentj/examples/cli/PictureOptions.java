package org.latentj.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.latentj.inference.data.ImageShape;
import picocli.CommandLine.Option;

/** The run folder, output file and pixel scale every picture command takes. */
final class PictureOptions extends RunDirArgument {

  @Option(names = {"-o", "--out"}, paramLabel = "FILE",
      description = "The file to write. Default: a file in RUN_DIR named after the command.")
  Path out;

  @Option(names = "--scale", paramLabel = "N", defaultValue = "2",
      description = "Draw each pixel as an N x N block. Default: ${DEFAULT-VALUE}.")
  int scale;

  /** The run, after checking the scale; warns when its optimizer section is damaged. */
  @Override
  Run open() throws IOException {
    Commands.atLeast("--scale", scale, 1);
    return super.open();
  }

  /** Says on the command's standard output that {@code file} was written. */
  void wrote(Path file) {
    command.commandLine().getOut().printf("wrote %s%n", file);
  }

  /** As {@link #wrote(Path)}, followed by what the file shows ({@code wrote FILE: what}). */
  void wrote(Path file, String what) {
    command.commandLine().getOut().printf("wrote %s: %s%n", file, what);
  }

  /** The file to write: {@code --out} or {@code RUN_DIR/name}. */
  Path target(Run run, String name) {
    return out != null ? out : run.file(name);
  }

  /** The run's image shape, or a usage error when its data are not images. */
  static ImageShape shape(Run run) {
    DataSettings c = run.settings().data();
    if (!c.isImages()) {
      throw new UsageException("the run in " + run.dir() + " was trained on data that are not"
          + " images (" + c.data() + "): there is nothing to draw; 'latentj sample RUN_DIR' "
          + "writes samples as CSV and 'latentj encode RUN_DIR' the latent codes");
    }
    return new ImageShape(c.imageHeight(), c.imageWidth());
  }
}
