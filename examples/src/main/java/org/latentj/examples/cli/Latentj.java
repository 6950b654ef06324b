package org.latentj.examples.cli;

import java.io.PrintWriter;
import org.latentj.examples.pictures.LatentGrid;
import org.latentj.inference.checkpoint.Provenance;
import org.latentj.nn.Activation;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code latentj} command: trains variational autoencoders and works with the runs it
 * writes.
 *
 * <p>Exit codes, one rule: 2 when the command line is wrong (an unknown or malformed option, an
 * option value out of its range, a folder that is not a run, a request the run cannot serve);
 * 1 when something found while working is (a data file that cannot be read or holds a value
 * the model cannot take, an empty cell, a damaged checkpoint or one of another model, a run
 * folder in use, a heap too small, an I/O error); 130 / 143 when {@code train} was stopped by
 * SIGINT / SIGTERM after saving. Errors are one message on stderr; set
 * {@code LATENTJ_STACKTRACE=1} for the stack trace.
 */
@Command(name = "latentj", mixinStandardHelpOptions = true,
    versionProvider = Latentj.Version.class,
    description = "Latent-variable models trained by amortized variational inference.",
    subcommands = {TrainCommand.class, EvaluateCommand.class, SampleCommand.class,
        ReconstructCommand.class, ManifoldCommand.class, InterpolateCommand.class,
        EncodeCommand.class, ReportCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Start with: latentj train   (then open the pictures in runs/<timestamp>/)",
        "Exit codes: 0 success; 2 the command line is wrong (unknown or malformed option, "
            + "option value out of range, not a run folder); 1 a failure while working (bad or "
            + "unreadable data, e.g. a value outside what the likelihood takes or an empty "
            + "cell; damaged checkpoint; run folder in use; heap too small; I/O); 130 / 143 "
            + "train stopped by SIGINT / SIGTERM after saving a checkpoint."})
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
        "a command is needed: train, evaluate, sample, reconstruct, manifold, "
            + "interpolate, encode or report");
  }

  public static void main(String[] args) {
    Thread.setDefaultUncaughtExceptionHandler(Latentj::uncaught);
    System.exit(run(commandLine(), args));
  }

  /**
   * Runs {@code args} on {@code cl}; an {@link OutOfMemoryError} (which picocli passes through,
   * being no {@link Exception}) ends in one line and exit code 1.
   */
  static int run(CommandLine cl, String... args) {
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError e) {
      return outOfMemory(cl.getErr(), e);
    }
  }

  static int outOfMemory(PrintWriter err, OutOfMemoryError e) {
    long heapMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
    err.println("latentj: out of memory (" + e.getMessage() + ") with a heap of at most "
        + heapMb + " MB; raise it, e.g. JAVA_OPTS=-Xmx" + Math.max(2, 2 * heapMb / 1024 + 1)
        + "g ./latentj ..., or lower --hidden, --batch-size, --particles or --samples");
    err.flush();
    return 1;
  }

  /** Another thread (a progress bar, a kernel worker) ran out of memory: the same one line. */
  private static void uncaught(Thread t, Throwable e) {
    if (e instanceof OutOfMemoryError oom) {
      Runtime.getRuntime().halt(outOfMemory(new PrintWriter(System.err, true), oom));
    }
    System.err.println("latentj: error in thread " + t.getName() + ": " + messages(e));
    Runtime.getRuntime().halt(1);
  }

  /** The command line, with its converters and error handling, ready to {@code execute}. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Latentj());
    EnumNames.register(cl, Activation.class);
    EnumNames.register(cl, Binarization.class);
    EnumNames.register(cl, LatentGrid.Interpolation.class);
    EnumNames.register(cl, EncodeCommand.SplitName.class);
    EnumNames.register(cl, SampleCommand.Format.class);
    cl.getSubcommands().get("train").getCommandSpec().usageMessage()
        .footer(ChoicesHelp.footer());
    cl.setExecutionExceptionHandler(Latentj::handle);
    cl.setParameterExceptionHandler(Latentj::badArguments);
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

  /** A parse error: the message, suggestions for a misspelled option or command, the hint. */
  private static int badArguments(CommandLine.ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    PrintWriter err = cl.getErr();
    err.println(cl.getCommandName() + ": " + e.getMessage());
    if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
      err.println("Did you mean " + String.join(" or ", u.getSuggestions()) + "?");
    }
    return hint(cl);
  }

  private static int usage(CommandLine cl, String message) {
    PrintWriter err = cl.getErr();
    err.println(cl.getCommandName() + ": " + message);
    return hint(cl);
  }

  private static int hint(CommandLine cl) {
    PrintWriter err = cl.getErr();
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
