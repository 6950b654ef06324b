package org.latentj.examples.reproduction;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The command line of every reproduction driver: a bad option or setting (an
 * {@link IllegalArgumentException} from the driver) exits 2 with its message and a pointer to
 * {@code --help}, any other failure exits 1 with its message; neither prints a stack trace
 * (set {@code LATENTJ_STACKTRACE} to see one), as the {@code latentj} CLI does.
 */
final class DriverCommandLine {

  private DriverCommandLine() {}

  static CommandLine of(Object driver) {
    CommandLine cl = new CommandLine(driver);
    cl.setExecutionExceptionHandler((e, c, parsed) -> {
      PrintWriter err = c.getErr();
      boolean usage = e instanceof IllegalArgumentException;
      err.println(c.getCommandName() + ": " + (usage ? "" : "error: ") + e.getMessage());
      if (usage) {
        err.println("Try '" + c.getCommandName() + " --help' for more.");
      }
      if (System.getenv("LATENTJ_STACKTRACE") != null) {
        e.printStackTrace(err);
      }
      err.flush();
      return usage ? 2 : 1;
    });
    return cl;
  }
}
