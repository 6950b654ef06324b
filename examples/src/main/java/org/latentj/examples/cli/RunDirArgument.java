package org.latentj.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code RUN_DIR} positional of the commands that read a trained run (a picocli mixin), and
 * opening it for reading with the damaged-optimizer warning on the command's stderr: the one
 * way every command that reads a run loads it ({@link PictureOptions} adds the picture options).
 */
class RunDirArgument {

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A folder written by train.")
  Path runDir;

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  /** The run in {@code RUN_DIR}; warns when its optimizer section is damaged. */
  Run open() throws IOException {
    return Run.openForReading(runDir, command.commandLine().getErr());
  }
}
