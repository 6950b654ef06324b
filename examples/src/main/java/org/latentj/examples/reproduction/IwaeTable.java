package org.latentj.examples.reproduction;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import org.latentj.examples.options.BatchSizeOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Table 1 of Burda, Grosse &amp; Salakhutdinov 2015 ("Importance weighted autoencoders") for one
 * stochastic layer, on the embedded digits or Fashion-MNIST: VAE with k = 1, 5, 50 samples and
 * IWAE with k = 5, 50, trained on a shortened form of the paper's schedule, each scored by the
 * importance-sampled test log p(x), the test ELBO and the active units. Writes
 * {@code iwae-<dataset>.csv} (a row per configuration and seed, appended as each finishes) and
 * {@code iwae-<dataset>.md}; prints the table on stdout and progress on stderr.
 *
 * <p>Run: {@code scripts/run.sh org.latentj.examples.reproduction.IwaeTable [options]}.
 */
@Command(name = "IwaeTable", mixinStandardHelpOptions = true, sortOptions = false,
    description = "VAE vs IWAE (Burda et al. 2015, Table 1): test log p(x) and active units.")
public final class IwaeTable implements Callable<Integer> {

  @Option(names = "--dataset", description = "digits (embedded 8k/2k MNIST) or fashion"
      + " (Fashion-MNIST 60k/10k); default: ${DEFAULT-VALUE}.", defaultValue = "digits")
  String dataset;

  @Option(names = "--fashion-folder", description = "Fashion-MNIST folder (default: searched,"
      + " see FashionMnist.locate).")
  Path fashionFolder;

  @Option(names = "--configs", description = "Comma-separated vae-k<k> / iwae-k<k>; default:"
      + " ${DEFAULT-VALUE}.", defaultValue = IwaeConfig.DEFAULTS)
  String configs;

  @Option(names = "--seeds", split = ",", description = "Seeds to repeat each configuration"
      + " over; default: ${DEFAULT-VALUE}.", defaultValue = "1")
  long[] seeds;

  @Option(names = "--stages", description = "Stages 0..S-1 of the IWAE schedule (3^i passes"
      + " each; 8 is the paper's 3280 passes, 4 is 40); default: ${DEFAULT-VALUE}.",
      defaultValue = "4")
  int stages;

  @Option(names = "--epochs-scale", description = "Multiplies every stage's passes (at least 1"
      + " each); default: ${DEFAULT-VALUE}.", defaultValue = "1")
  double epochsScale;

  @Option(names = "--max-epochs", description = "Stops training there even inside a stage;"
      + " default: no cap.", defaultValue = "2147483647")
  int maxEpochs;

  @Mixin
  BatchSizeOption batch = new BatchSizeOption(20);

  @Option(names = "--eval-k", description = "Importance samples per test image for log p(x);"
      + " default: ${DEFAULT-VALUE}.", defaultValue = "5000")
  int evalK;

  @Option(names = "--eval-images", description = "Score the first N test images (0: all);"
      + " default: ${DEFAULT-VALUE}.", defaultValue = "0")
  int evalImages;

  @Option(names = "--train-images", description = "Train on the first N training images (0:"
      + " all; for quick checks); default: ${DEFAULT-VALUE}.", defaultValue = "0")
  int trainImages;

  @Option(names = {"--output", "--out"}, description = "Output folder; default:"
      + " runs/reproduction/iwae-<dataset>.")
  Path out;

  private final PrintStream stdout;
  private final PrintStream log;

  public IwaeTable() {
    this(System.out, System.err);
  }

  IwaeTable(PrintStream stdout, PrintStream log) {
    this.stdout = stdout;
    this.log = log;
  }

  public static void main(String[] args) {
    System.exit(DriverCommandLine.of(new IwaeTable()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    List<IwaeConfig> list = IwaeConfig.parseList(configs);
    IwaeBudget budget = new IwaeBudget(new IwaeSchedule(stages, epochsScale, maxEpochs),
        batch.value(), evalK, evalImages);
    ReproductionData data = IwaeData.load(dataset, fashionFolder, trainImages);
    Path folder = out != null ? out : Path.of("runs", "reproduction", "iwae-" + dataset);
    Files.createDirectories(folder);
    Path csv = folder.resolve("iwae-" + dataset + ".csv");
    Files.deleteIfExists(csv); // rows are appended as configurations finish: this run's only
    IwaeRun runner = new IwaeRun(data, budget, log);
    List<IwaeResult> results = new ArrayList<>();
    for (IwaeConfig config : list) {
      for (long seed : seeds) {
        IwaeResult r = runner.run(config, seed);
        results.add(r);
        IwaeReport.appendCsv(csv, r);
        log.printf(Locale.ROOT, "[%s seed %d] test log p(x) %.2f (k=%d, %d images), test ELBO"
                + " %.2f, active units %d, train %.1f s, eval %.1f s%n", r.config(), r.seed(),
            r.testLogPx(), r.evalK(), r.evalImages(), r.testElbo(), r.activeUnits(),
            r.trainSeconds(), r.evalSeconds());
      }
    }
    String md = IwaeReport.markdown("IWAE table (Burda et al. 2015, Table 1 style): " + dataset,
        notes(data, budget), list, results);
    TableFiles.writeText(folder.resolve("iwae-" + dataset + ".md"), md);
    stdout.print(md);
    return 0;
  }

  private List<String> notes(ReproductionData data, IwaeBudget budget) {
    int scored = data.testSubset(budget.evalImages()).numRows;
    return List.of(
        String.format(Locale.ROOT, "Data: %s, %d training images (dynamically binarized each"
            + " epoch), %d test images binarized once (seed %d); %s.", dataset,
            data.train().numRows, data.test().numRows, IwaeData.TEST_BINARIZATION_SEED,
            scored == data.test().numRows ? "all test images scored"
                : "the first " + scored + " test images scored"),
        "Network: 784-200-200-50 tanh encoder (Normal), 50-200-200-784 tanh decoder (Bernoulli),"
            + " output bias = logit of each pixel's training mean (clamped to [1e-3, 1-1e-3]),"
            + " PyTorch's default initialization. vae-k<k>: ELBO averaged over k samples;"
            + " iwae-k<k>: importance-weighted bound with k samples.",
        "Training: Adam (beta1 0.9, beta2 0.999, eps 1e-4), minibatch " + budget.batch() + ", "
            + budget.schedule() + ".",
        String.format(Locale.ROOT, "Evaluation: test log p(x) by importance sampling with"
            + " k = %d per image; test ELBO with one sample and analytic KL; active units:"
            + " Var_x E_q[z_u | x] > %.2f. Seeds: %s (mean +- sample SD over seeds).",
            budget.evalK(), IwaeRun.ACTIVE_THRESHOLD, java.util.Arrays.toString(seeds)),
        "Times are wall seconds on a shared 2-core machine, so they are noisy.");
  }
}
