package org.latentj.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code latentj manifold RUN_DIR}: Figure 4 of Kingma and Welling (2013). */
@Command(name = "manifold", sortOptions = false, mixinStandardHelpOptions = true,
    description = "For a model with a 2-D latent space: decoder means over an N x N grid of "
        + "the prior's quantiles (N(0, 1)'s for the standard-normal prior; for a learned prior "
        + "its marginals', estimated from seeded draws of it), the learned manifold of Kingma & "
        + "Welling (2013), Figure 4 (default RUN_DIR/manifold.png).")
final class ManifoldCommand implements Callable<Integer> {

  @Mixin
  PictureOptions picture;

  @Option(names = {"-n", "--size"}, paramLabel = "N", defaultValue = "20",
      description = "Grid points per side. Default: ${DEFAULT-VALUE}.")
  int size;

  @Override
  public Integer call() throws IOException {
    Commands.atLeast("--size", size, 1);
    Run run = picture.open();
    if (run.model().latentSize() != 2) {
      throw new UsageException("manifold needs a model with a 2-D latent space, but the run in "
          + run.dir() + " has " + run.model().latentSize() + " latent dimensions (train one"
          + " with --latent 2)");
    }
    Path png = picture.target(run, Run.MANIFOLD);
    String grid = Figures.manifold(run.vae(), PictureOptions.shape(run), size, picture.scale,
        png);
    picture.wrote(png, grid);
    return 0;
  }
}
