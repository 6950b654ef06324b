package org.latentj.examples.reproduction;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Figure 4 of Kingma &amp; Welling, "Auto-Encoding Variational Bayes" (2013): the learned 2-D
 * latent manifold. Trains the paper's VAE ({@link AevbVae}) with Nz = 2 and draws the decoder
 * means at {@code Phi^-1} of an evenly spaced grid of the unit square ({@link
 * AevbPictures#manifold}) into {@code figure4-<dataset>.png}; prints the bounds as training goes
 * and at the end. Run with {@code scripts/run.sh org.latentj.examples.reproduction.AevbFigure4
 * --dataset digits --examples 2000000}.
 */
@Command(name = "AevbFigure4", mixinStandardHelpOptions = true,
    description = "Kingma & Welling (2013) Figure 4 (learned 2-D manifold).")
public final class AevbFigure4 implements Callable<Integer> {

  @Mixin
  AevbOptions options = new AevbOptions();

  @Option(names = "--grid", defaultValue = "20",
      description = "tiles per side of the manifold picture (default: ${DEFAULT-VALUE})")
  int grid;

  @Spec
  CommandLine.Model.CommandSpec spec;

  private final PrintStream out;

  AevbFigure4(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    System.exit(execute(System.out, args));
  }

  /** Runs the driver with {@code args}, printing to {@code out}; returns the exit code. */
  static int execute(PrintStream out, String... args) {
    return DriverCommandLine.of(new AevbFigure4(out)).execute(args);
  }

  @Override
  public Integer call() throws Exception {
    AevbDataset dataset = options.dataset();
    if (dataset.greyLevels()) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "Figure 4 is drawn for --dataset digits or fashion, got " + dataset);
    }
    ReproductionData data = options.load();
    Path png = options.output("aevb-figure4").resolve("figure4-" + dataset.cliName() + ".png");
    out.println("AEVB Figure 4 on " + data.description() + "; Nz 2, " + options.examples
        + " examples; Adagrad " + options.stepSize.value() + ", seed "
        + options.seed.value());
    AevbRun.Result r = AevbRun.train(dataset, data, 2, options.stops(), options.evalExamples,
        options.stepSize.value(), options.seed.value(), out);
    AevbPictures.manifold(r.vae(), grid, png);
    AevbCurvePoint last = r.last();
    out.println(AevbTable.of("Nz", "examples seen", "train bound", "test bound", "seconds (wall)")
        .add(2, last.examples(), AevbTable.format("%.2f", last.trainBound()),
            AevbTable.format("%.2f", last.testBound()),
            AevbTable.format("%.1f", r.wallSeconds()))
        .markdown());
    out.println("wrote " + png);
    return 0;
  }
}
