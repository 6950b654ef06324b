package org.latentj.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code latentj report RUN_DIR}: writes the run page again from what the folder holds. */
@Command(name = "report", sortOptions = false, mixinStandardHelpOptions = true,
    description = {"Writes RUN_DIR/index.html, the run's page: settings, training curve and "
        + "logged points, the pictures present, evaluation figures (summary.json, "
        + "evaluation.json) and provenance. It opens from disk in any browser, with no server "
        + "or network. train writes it at the end and evaluate refreshes it; run this after "
        + "sample, manifold or interpolate, or for a run from before run pages."})
final class ReportCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  RunDirArgument runDir;

  @Override
  public Integer call() throws IOException {
    Path file = RunPage.write(runDir.open());
    spec.commandLine().getOut().printf("wrote %s%n", file);
    return 0;
  }
}
