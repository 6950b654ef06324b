package org.latentj.examples.cli;

import java.io.PrintWriter;
import org.latentj.examples.pictures.LatentGrid;
import org.latentj.inference.checkpoint.Provenance;
import org.latentj.inference.guice.LikelihoodFamily;
import org.latentj.inference.guice.ObjectiveKind;
import org.latentj.inference.guice.OptimizerKind;
import org.latentj.nn.Activation;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code latentj} command: trains variational autoencoders and works with the runs it
 * writes.
 *
 * <p>Exit codes: 0 on success, 2 for a usage error (an unknown or malformed option, a value out
 * of range, a folder that is not a run, a request the run cannot serve), 1 for a failure while
 * working (data that cannot be read, a damaged checkpoint or one of another model). Errors are
 * one message on stderr; set {@code LATENTJ_STACKTRACE=1} for the stack trace.
 */
@Command(name = "latentj", mixinStandardHelpOptions = true,
    versionProvider = Latentj.Version.class,
    description = "Latent-variable models trained by amortized variational inference.",
    subcommands = {TrainCommand.class, EvaluateCommand.class, SampleCommand.class,
        ReconstructCommand.class, ManifoldCommand.class, InterpolateCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Start with: latentj train   (then open the pictures in runs/<timestamp>/)",
        "Exit codes: 0 success, 1 failure, 2 usage error."})
public final class Latentj implements Runnable {

  /** The version of the latentj on the class path. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"latentj " + Provenance.LIBRARY_VERSION};
    }
  }

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "a command is needed: train, evaluate, sample, reconstruct, manifold or interpolate");
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line, with its converters and error handling, ready to {@code execute}. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Latentj());
    EnumNames.register(cl, LikelihoodFamily.class);
    EnumNames.register(cl, ObjectiveKind.class);
    EnumNames.register(cl, OptimizerKind.class);
    EnumNames.register(cl, Activation.class);
    EnumNames.register(cl, Binarization.class);
    EnumNames.register(cl, PriorKind.class);
    EnumNames.register(cl, LatentGrid.Interpolation.class);
    cl.setExecutionExceptionHandler(Latentj::handle);
    cl.setParameterExceptionHandler((e, args) -> usage(e.getCommandLine(), e.getMessage()));
    return cl;
  }

  private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    if (e instanceof UsageException) {
      return usage(cl, e.getMessage());
    }
    PrintWriter err = cl.getErr();
    err.println(cl.getCommandName() + ": error: " + messages(e));
    if (System.getenv("LATENTJ_STACKTRACE") != null) {
      e.printStackTrace(err);
    }
    err.flush();
    return 1;
  }

  private static int usage(CommandLine cl, String message) {
    PrintWriter err = cl.getErr();
    err.println(cl.getCommandName() + ": " + message);
    err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more.");
    err.flush();
    return 2;
  }

  /** The message of {@code e} and of each cause that adds something, joined by ": ". */
  static String messages(Throwable e) {
    StringBuilder s = new StringBuilder(String.valueOf(message(e)));
    for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      String m = message(c);
      if (m != null && !s.toString().contains(m)) {
        s.append(": ").append(m);
      }
    }
    return s.toString();
  }

  private static String message(Throwable t) {
    return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
  }
}
