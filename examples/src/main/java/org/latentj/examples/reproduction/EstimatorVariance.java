package org.latentj.examples.reproduction;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.stat.StatUtils;
import org.ejml.data.DMatrixRMaj;
import org.latentj.inference.objectives.Elbo;
import org.latentj.model.Batch;
import org.latentj.model.Objective;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;
import picocli.CommandLine.Command;
import org.latentj.examples.options.LatentSizeOption;
import org.latentj.examples.options.OutputFolderOption;
import org.latentj.examples.options.SeedOption;
import org.latentj.examples.options.StepSizeOption;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * Checks the claim of Kingma &amp; Welling, "Auto-Encoding Variational Bayes" (2013, section 2.3)
 * that SGVB estimator B (analytic KL, {@link org.latentj.inference.objectives.AnalyticKlElbo}) has
 * lower variance than the generic estimator A ({@link Elbo}), both with L = 1.
 *
 * <p>The paper's VAE ({@link AevbVae}: 784-500-Nz-500 tanh, Bernoulli, Adagrad, weight decay,
 * N(0, 0.01^2) initialisation) is trained with estimator B on the embedded digits, stopping at
 * several counts of examples seen. At each stop, on the same fixed minibatches (consecutive
 * blocks of 100 of the first training rows), {@code R} independent gradient estimates of the whole
 * parameter vector are drawn with A and with B ({@link EstimatorComparison}). Reported per
 * parameter group (encoder, decoder, all): the trace of the gradient covariance (per-parameter
 * variance summed over parameters) averaged over minibatches, the ratio A/B (mean over minibatches
 * of the per-minibatch ratio, with its standard error), and the check that A and B have the same
 * expectation: {@code ||mean_A - mean_B||^2 / ((tr Cov_A + tr Cov_B) / R)}, near 1 when they do.
 *
 * <p>Writes {@code estimator-variance.md} and {@code .csv} into the output folder and prints the
 * table. Run with {@code scripts/run.sh org.latentj.examples.reproduction.EstimatorVariance}.
 */
@Command(name = "EstimatorVariance", mixinStandardHelpOptions = true,
    description = "Gradient variance of SGVB estimators A and B (Kingma & Welling 2013).")
public final class EstimatorVariance implements Callable<Integer> {

  private static final int[] ENCODER = {0};
  private static final int[] DECODER = {1};
  private static final int[] ALL = {0, 1};

  @Option(names = "--snapshots", split = ",", defaultValue = "0,10000,100000",
      description = "examples of training (estimator B) before each measurement (default: "
          + "${DEFAULT-VALUE})")
  List<Long> snapshots;

  @Option(names = "--minibatches", defaultValue = "10",
      description = "fixed minibatches of 100 (default: ${DEFAULT-VALUE})")
  int minibatches;

  @Option(names = "--estimates", defaultValue = "40",
      description = "gradient estimates R per minibatch and estimator (default: "
          + "${DEFAULT-VALUE})")
  int estimates;

  @Mixin
  LatentSizeOption latentSize = new LatentSizeOption(20);

  @Mixin
  StepSizeOption stepSize;

  @Mixin
  SeedOption seed = new SeedOption(1);

  @Mixin
  OutputFolderOption output = new OutputFolderOption("runs/reproduction/estimator-variance");

  private final PrintStream out;

  EstimatorVariance(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    System.exit(execute(System.out, args));
  }

  /** Runs the driver with {@code args}, printing to {@code out}; returns the exit code. */
  static int execute(PrintStream out, String... args) {
    return DriverCommandLine.of(new EstimatorVariance(out)).execute(args);
  }

  @Override
  public Integer call() throws Exception {
    long start = System.nanoTime();
    ReproductionData data = AevbDataset.DIGITS.load(null);
    DMatrixRMaj train = data.train();
    long seed = this.seed.value();
    Path output = this.output.value();
    AevbVae vae = AevbVae.create(AevbDataset.DIGITS, train.numCols, latentSize.value(),
        train.numRows, stepSize.value(), seed);
    List<Batch> batches = fixedBatches(train);
    Objective a = new Elbo(1);
    Objective b = vae.estimatorB();
    EstimatorComparison comparison = new EstimatorComparison(vae.model(), vae.guide());
    out.println("Estimator variance, A (" + a.getClass().getSimpleName() + ", L = 1) vs B ("
        + b.getClass().getSimpleName() + ", L = 1): " + vae + ", " + batches.size()
        + " fixed minibatches of " + AevbVae.MINIBATCH + ", " + estimates
        + " estimates each, after " + snapshots + " examples of training");
    AevbTable table = AevbTable.of("examples trained", "parameters", "tr Cov A", "tr Cov B",
        "A / B", "SE(A / B)", "mean difference ratio", "SE(ratio)", "bound B (nats)");
    AevbTraining training = new AevbTraining(vae, train, Rngs.derive(seed, "training"));
    long[] stops = snapshots.stream().mapToLong(Long::longValue).sorted().toArray();
    training.run(stops, (seen, seconds) -> {
      List<EstimatorComparison.Result> results = new ArrayList<>();
      for (int i = 0; i < batches.size(); i++) {
        results.add(comparison.compare(a, b, batches.get(i), estimates,
            Rngs.derive(seed, "A-" + seen + "-" + i), Rngs.derive(seed, "B-" + seen + "-" + i)));
      }
      addRows(table, seen, results);
      out.printf(Locale.ROOT, "[%6.1f s] measured after %d examples%n",
          (System.nanoTime() - start) / 1e9, seen);
    });
    TableFiles.write(output, "estimator-variance", table.markdown(), table.csv(), out);
    out.printf(Locale.ROOT, "total %.1f s; wrote %s%n",
        (System.nanoTime() - start) / 1e9, output.resolve("estimator-variance.md"));
    return 0;
  }

  /** Consecutive blocks of 100 of the first training rows, the same for every measurement. */
  private List<Batch> fixedBatches(DMatrixRMaj train) {
    int size = AevbVae.MINIBATCH;
    if (minibatches < 1 || (long) minibatches * size > train.numRows) {
      throw new IllegalArgumentException("--minibatches must be in [1, " + train.numRows / size
          + "], got " + minibatches);
    }
    Tensor all = Tensor.constant(ReproductionData.firstRows(train, minibatches * size));
    List<Batch> batches = new ArrayList<>();
    for (int i = 0; i < minibatches; i++) {
      batches.add(Batch.of(all.rows(i * size, (i + 1) * size)));
    }
    return batches;
  }

  private static void addRows(AevbTable table, long seen,
      List<EstimatorComparison.Result> results) {
    String[] names = {"encoder", "decoder", "all"};
    int[][] groups = {ENCODER, DECODER, ALL};
    for (int g = 0; g < groups.length; g++) {
      int[] group = groups[g];
      double[] ratio = stats(results, r -> r.traceA(group) / r.traceB(group));
      double[] diff = stats(results, r -> r.meanDifferenceRatio(group));
      table.add(seen, names[g], sci(stats(results, r -> r.traceA(group))[0]),
          sci(stats(results, r -> r.traceB(group))[0]), fixed(ratio[0]), fixed(ratio[1]),
          fixed(diff[0]), fixed(diff[1]), AevbTable.format("%.2f",
              stats(results, EstimatorComparison.Result::meanBoundB)[0]));
    }
  }

  /** The mean over minibatches of {@code f} and its standard error (sd / sqrt(n)). */
  static double[] stats(List<EstimatorComparison.Result> results,
      ToDoubleFunction<EstimatorComparison.Result> f) {
    double[] v = results.stream().mapToDouble(f).toArray();
    double se = v.length > 1 ? Math.sqrt(StatUtils.variance(v) / v.length) : Double.NaN;
    return new double[] {StatUtils.mean(v), se};
  }

  private static String sci(double x) {
    return AevbTable.format("%.4g", x);
  }

  private static String fixed(double x) {
    return AevbTable.format("%.3f", x);
  }
}
