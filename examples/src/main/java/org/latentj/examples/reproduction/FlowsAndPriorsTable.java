package org.latentj.examples.reproduction;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.latentj.examples.options.BatchSizeOption;
import picocli.CommandLine.Command;
import org.latentj.examples.options.LatentSizeOption;
import org.latentj.examples.options.OutputFolderOption;
import org.latentj.examples.options.SeedOption;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Richer posteriors and priors on the IWAE table's network: a diagonal Normal posterior against
 * planar (Rezende &amp; Mohamed 2015) and IAF (Kingma et al. 2016) flows on it, and N(0, I)
 * against a learned mixture and the VampPrior (Tomczak &amp; Welling 2018), each scored by the
 * importance-sampled test log p(x) with its standard error over images and, against the first
 * configuration, the paired difference and its standard error (the same images, so the
 * image-to-image spread cancels). Writes {@code flows-priors.csv} (per-image log p(x), one
 * column per configuration) and {@code flows-priors.md}.
 *
 * <p>Run: {@code scripts/run.sh org.latentj.examples.reproduction.FlowsAndPriorsTable [options]}.
 */
@Command(name = "FlowsAndPriorsTable", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Diagonal Normal vs flow posteriors, N(0, I) vs mixture and VampPrior:"
        + " test log p(x) on the embedded digits.")
public final class FlowsAndPriorsTable implements Callable<Integer> {

  @Option(names = "--configs", description = "Comma-separated normal, planar:K, radial:K,"
      + " iaf:K, realnvp:K, mog:K, vamp:K; the first is the baseline of the differences;"
      + " default: ${DEFAULT-VALUE}.", defaultValue = PosteriorPriorConfig.DEFAULTS)
  String configs;

  @Mixin
  SeedOption seed = new SeedOption(1);

  @Option(names = "--hidden", description = "Width of the two hidden layers of encoder and"
      + " decoder; default: ${DEFAULT-VALUE}.", defaultValue = "100")
  int hidden;

  @Mixin
  LatentSizeOption latent = new LatentSizeOption(20);

  @Option(names = "--stages", description = "Stages of the IWAE schedule (3^i passes each);"
      + " default: ${DEFAULT-VALUE}.", defaultValue = "3")
  int stages;

  @Option(names = "--max-epochs", description = "Stops training there; default: no cap.",
      defaultValue = "2147483647")
  int maxEpochs;

  @Mixin
  BatchSizeOption batch = new BatchSizeOption(20);

  @Option(names = "--eval-k", description = "Importance samples per test image; default:"
      + " ${DEFAULT-VALUE}.", defaultValue = "5000")
  int evalK;

  @Option(names = "--eval-images", description = "Score the first N test images (0: all);"
      + " default: ${DEFAULT-VALUE}.", defaultValue = "1000")
  int evalImages;

  @Option(names = "--train-images", description = "Train on the first N images (0: all);"
      + " default: ${DEFAULT-VALUE}.", defaultValue = "0")
  int trainImages;

  @Mixin
  OutputFolderOption out = new OutputFolderOption("runs/reproduction/flows-priors");

  private final PrintStream stdout;
  private final PrintStream log;

  public FlowsAndPriorsTable() {
    this(System.out, System.err);
  }

  FlowsAndPriorsTable(PrintStream stdout, PrintStream log) {
    this.stdout = stdout;
    this.log = log;
  }

  public static void main(String[] args) {
    System.exit(DriverCommandLine.of(new FlowsAndPriorsTable()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    List<PosteriorPriorConfig> list = PosteriorPriorConfig.parseList(configs);
    IwaeBudget budget = new IwaeBudget(new IwaeSchedule(stages, 1, maxEpochs), batch.value(),
        evalK, evalImages);
    ReproductionData data = IwaeData.load("digits", null, trainImages);
    Path folder = out.value();
    long seed = this.seed.value();
    int latent = this.latent.value();
    Files.createDirectories(folder);
    FlowPriorRun runner = new FlowPriorRun(data, budget, hidden, latent, log);
    List<FlowPriorRun.Result> results = new ArrayList<>();
    for (PosteriorPriorConfig config : list) {
      FlowPriorRun.Result r = runner.run(config, seed);
      results.add(r);
      log.printf(Locale.ROOT, "[%s] test log p(x) %.2f (k=%d, %d images), test ELBO %.2f,"
              + " train %.1f s, eval %.1f s%n", config.name(), mean(r.logPx()), evalK,
          r.logPx().length, r.elbo(), r.trainSeconds(), r.evalSeconds());
      // rewritten after every configuration, so an interrupted run keeps what it finished
      TableFiles.write(folder, "flows-priors", markdown(data, budget, results), csv(results));
    }
    stdout.print(markdown(data, budget, results));
    return 0;
  }

  private String markdown(ReproductionData data, IwaeBudget budget, List<FlowPriorRun.Result> rs) {
    StringBuilder s = new StringBuilder();
    s.append("| configuration | parameters | test log p(x) | +- SE | vs ").append(rs.get(0)
        .config().name()).append(" | +- SE (paired) | test ELBO | train s | eval s |\n");
    s.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    double[] base = rs.get(0).logPx();
    for (FlowPriorRun.Result r : rs) {
      double[] diff = new double[base.length];
      for (int i = 0; i < diff.length; i++) {
        diff[i] = r.logPx()[i] - base[i];
      }
      s.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %+.2f | %.2f | %.2f |"
              + " %.0f | %.0f |%n", r.config().name(), r.parameters(), mean(r.logPx()),
          standardError(r.logPx()), mean(diff), standardError(diff), r.elbo(),
          r.trainSeconds(), r.evalSeconds()));
    }
    s.append(String.format(Locale.ROOT, "%nData: embedded digits, %d training images"
            + " (dynamically binarized), the first %d test images binarized once (seed %d)."
            + " Network: 784-%d-%d-%d tanh encoder and decoder (IWAE's shape), output bias at the"
            + " pixel means' logits; ELBO with closed-form KL where one exists (N(0, I) with a"
            + " diagonal posterior), Monte Carlo otherwise; Adam (eps 1e-4), minibatch %d, %s."
            + " log p(x): importance sampling with k = %d from the trained posterior. Seed %d."
            + " SE: standard error over test images.%n", data.train().numRows,
        base.length, IwaeData.TEST_BINARIZATION_SEED, hidden, hidden, latent.value(),
        budget.batch(), budget.schedule(), budget.evalK(), seed.value()));
    return s.toString();
  }

  private static String csv(List<FlowPriorRun.Result> rs) {
    StringBuilder s = new StringBuilder("image");
    for (FlowPriorRun.Result r : rs) {
      s.append(',').append(r.config().name());
    }
    s.append('\n');
    for (int i = 0; i < rs.get(0).logPx().length; i++) {
      s.append(i);
      for (FlowPriorRun.Result r : rs) {
        s.append(',').append(r.logPx()[i]);
      }
      s.append('\n');
    }
    return s.toString();
  }

  private static double mean(double[] v) {
    return IwaeReport.mean(v);
  }

  /** The standard error of the mean, {@code SD / sqrt(n)}. */
  private static double standardError(double[] v) {
    return IwaeReport.sampleSd(v) / Math.sqrt(v.length);
  }
}
