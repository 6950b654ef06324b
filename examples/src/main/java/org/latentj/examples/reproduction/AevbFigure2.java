package org.latentj.examples.reproduction;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Figure 2 of Kingma &amp; Welling, "Auto-Encoding Variational Bayes" (2013): the variational
 * lower bound per datapoint on training and test data against training examples seen, for
 * several latent sizes Nz, with the paper's set-up ({@link AevbVae}); and Figure 5, 100 samples
 * from the prior through the decoder, for each Nz at the end of its training.
 *
 * <p>The paper's claim to check: more latents do not overfit (train and test bounds stay close
 * as Nz grows), because the KL term regularises. The paper trains to 10^8 examples; the budget
 * here is {@code --examples} per Nz.
 *
 * <p>Writes into the output folder {@code figure2-<dataset>.csv} (nz, examples, train_bound,
 * test_bound, seconds: training seconds, evaluations excluded), {@code figure2-<dataset>.png},
 * {@code samples-nz<N>.png} and {@code figure2-<dataset>.md} (the final bounds per Nz, also
 * printed). Run with {@code scripts/run.sh org.latentj.examples.reproduction.AevbFigure2
 * --dataset digits --examples 2000000}.
 */
@Command(name = "AevbFigure2", mixinStandardHelpOptions = true,
    description = "Kingma & Welling (2013) Figure 2 (bound vs examples seen) and Figure 5.")
public final class AevbFigure2 implements Callable<Integer> {

  @Mixin
  AevbOptions options = new AevbOptions();

  @Option(names = "--latent", split = ",", defaultValue = "3,5,10,20,200",
      description = "latent sizes Nz (default: ${DEFAULT-VALUE})")
  List<Integer> latentSizes;

  private final PrintStream out;

  AevbFigure2(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    System.exit(execute(System.out, args));
  }

  /** Runs the driver with {@code args}, printing to {@code out}; returns the exit code. */
  static int execute(PrintStream out, String... args) {
    return DriverCommandLine.of(new AevbFigure2(out)).execute(args);
  }

  @Override
  public Integer call() throws Exception {
    AevbDataset dataset = options.dataset();
    ReproductionData data = options.load();
    long[] stops = options.stops();
    Path folder = options.output("aevb-figure2");
    String name = dataset.cliName();
    out.println("AEVB Figure 2 on " + data.description() + "; Nz " + latentSizes + ", "
        + options.examples + " examples each, evaluated at " + Arrays.toString(stops)
        + " on the first " + options.evalExamples + " train / test rows; Adagrad "
        + options.stepSize.value() + ", seed " + options.seed.value() + "; output " + folder);
    List<AevbCurvePoint> points = new ArrayList<>();
    AevbTable table = AevbTable.of("Nz", "examples seen", "train bound", "test bound",
        "train - test", "seconds (training)", "seconds (wall)");
    for (int nz : latentSizes) {
      AevbRun.Result r = AevbRun.train(dataset, data, nz, stops, options.evalExamples,
          options.stepSize.value(), options.seed.value(), out);
      points.addAll(r.curve());
      AevbPictures.samples(r.vae(), 100, 10, options.seed.value(),
          folder.resolve("samples-nz" + nz + ".png"));
      AevbCurvePoint last = r.last();
      table.add(nz, last.examples(), f(last.trainBound()), f(last.testBound()),
          f(last.trainBound() - last.testBound()), AevbTable.format("%.1f", last.seconds()),
          AevbTable.format("%.1f", r.wallSeconds()));
      writeCurve(points, folder, name);
    }
    String md = table.markdown();
    TableFiles.writeText(folder.resolve("figure2-" + name + ".md"), md);
    out.print(md);
    return 0;
  }

  /**
   * The CSV and the chart of every point so far, rewritten after each Nz so that a run cut short
   * keeps what it finished.
   */
  private static void writeCurve(List<AevbCurvePoint> points, Path folder, String name)
      throws IOException {
    AevbTable csv = AevbTable.of("nz", "examples", "train_bound", "test_bound", "seconds");
    for (AevbCurvePoint p : points) {
      csv.add(p.latentSize(), p.examples(), AevbTable.format("%.4f", p.trainBound()),
          AevbTable.format("%.4f", p.testBound()), AevbTable.format("%.2f", p.seconds()));
    }
    TableFiles.writeText(folder.resolve("figure2-" + name + ".csv"), csv.csv());
    AevbFigure2Chart.write("AEVB Figure 2, " + name, points,
        folder.resolve("figure2-" + name + ".png"), 800, 600);
  }

  private static String f(double nats) {
    return AevbTable.format("%.2f", nats);
  }
}
