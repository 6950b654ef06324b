package org.latentj.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ejml.data.DMatrixRMaj;
import org.latentj.tensor.Rngs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code latentj sample RUN_DIR}: decoder means of draws from the prior. */
@Command(name = "sample", sortOptions = false, mixinStandardHelpOptions = true,
    description = "Draws z from the prior and writes the decoder's mean for each: in a grid "
        + "(default RUN_DIR/samples.png) for image data, as CSV (default RUN_DIR/samples.csv: "
        + "a header line, then per sample its index, z_1..z_d and x_1..x_D) otherwise or with "
        + "--format csv.")
final class SampleCommand implements Callable<Integer> {

  static final String SAMPLES_CSV = "samples.csv";

  /** How the samples are written. */
  enum Format { PNG, CSV }

  @Mixin
  PictureOptions picture;

  @Mixin
  GridOptions grid = new GridOptions(64);

  @Mixin
  SeedOverride seed;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "png (a grid of images) or csv (numbers). Default: png for image data, "
          + "csv otherwise.")
  Format format;

  @Override
  public Integer call() throws IOException {
    grid.check();
    Run run = picture.open();
    long s = seed.of(run);
    Format f = format != null ? format : run.settings().data().isImages() ? Format.PNG : Format.CSV;
    Path file;
    if (f == Format.PNG) {
      file = picture.target(run, Run.SAMPLES);
      Figures.samples(run.vae(), PictureOptions.shape(run), grid.count, grid.columns, picture.scale, s,
          file);
    } else {
      file = picture.target(run, SAMPLES_CSV);
      Vae vae = run.vae();
      DMatrixRMaj z = vae.samplePrior(grid.count, Rngs.derive(s, "samples"));
      List<String> header = new ArrayList<>(List.of("sample"));
      header.addAll(NumberCsv.columns("z", z.numCols));
      DMatrixRMaj x = vae.decodeMeans(z);
      header.addAll(NumberCsv.columns("x", x.numCols));
      NumberCsv.write(file, header, true, z, x);
    }
    picture.wrote(file);
    return 0;
  }
}
