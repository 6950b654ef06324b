package org.latentj.examples.reproduction;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.stat.StatUtils;
import org.ejml.data.DMatrixRMaj;
import org.latentj.examples.models.BalancedLabels;
import org.latentj.examples.models.M2;
import org.latentj.examples.models.M2Training;
import org.latentj.inference.data.Dataset;
import org.latentj.inference.data.Transforms;
import org.latentj.tensor.Rngs;
import org.latentj.examples.options.BatchSizeOption;
import picocli.CommandLine.Command;
import org.latentj.examples.options.LatentSizeOption;
import org.latentj.examples.options.OutputFolderOption;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Kingma, Rezende, Mohamed &amp; Welling (2014), Table 1 in miniature: M2's test error on the
 * embedded digits with 100 and 1,000 balanced labels (the other training digits unlabelled),
 * each beside a classifier of q(y|x)'s architecture trained on those labels alone. Writes
 * {@code m2.md} and {@code m2.csv}.
 *
 * <p>Run: {@code scripts/reproduce.sh m2-digits}, or
 * {@code scripts/run.sh org.latentj.examples.reproduction.M2Table [options]}.
 */
@Command(name = "M2Table", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Semi-supervised M2 vs a labels-only classifier on the embedded digits.")
public final class M2Table implements Callable<Integer> {

  /** The paper's Table 1 (full MNIST, 50,000 training digits), errors in %. */
  private static final double[][] PAPER = {{100, 25.81, 11.97}, {1000, 8.73, 3.60}};

  @Option(names = "--labels", split = ",", defaultValue = "100,1000",
      description = "Labelled subset sizes, balanced over classes; default: ${DEFAULT-VALUE}.")
  int[] labelCounts;

  @Option(names = "--epochs", defaultValue = "5",
      description = "Passes over the unlabelled digits; default: ${DEFAULT-VALUE}.")
  int epochs;

  @Mixin
  BatchSizeOption batch = new BatchSizeOption(100);

  @Option(names = "--hidden", defaultValue = "500",
      description = "Hidden units of every network; default: ${DEFAULT-VALUE}.")
  int hidden;

  @Mixin
  LatentSizeOption latent = new LatentSizeOption(10);

  @Option(names = "--rate", defaultValue = "1e-3",
      description = "Adam's learning rate (M2 and baseline); default: ${DEFAULT-VALUE}.")
  double rate;

  @Option(names = "--alpha-per-n", defaultValue = "50",
      description = "Classification weight alpha / N (the paper: 0.1); default:"
          + " ${DEFAULT-VALUE}.")
  double alphaPerN;

  @Option(names = "--labelled-steps", defaultValue = "1",
      description = "Labelled minibatches after each unlabelled one (the paper: 1); default:"
          + " ${DEFAULT-VALUE}.")
  int labelledSteps;

  @Option(names = "--train-rows", defaultValue = "8000",
      description = "Use only the first training digits (quick checks); default:"
          + " ${DEFAULT-VALUE}.")
  int trainRows;

  @Option(names = "--validation", defaultValue = "1000",
      description = "The last this many of the training digits are held out, labelled, to"
          + " choose each classifier's epoch (never the test set); default: ${DEFAULT-VALUE}.")
  int validation;

  @Option(names = "--seeds", split = ",", defaultValue = "1",
      description = "Seeds (initial weights, labelled subset, every draw); mean and standard"
          + " error over them; default: ${DEFAULT-VALUE}.")
  long[] seeds;

  @Mixin
  OutputFolderOption out = new OutputFolderOption("runs/reproduction/m2-digits");

  public static void main(String[] args) {
    System.exit(DriverCommandLine.of(new M2Table()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    ReproductionData.Images digits = ReproductionData.images("digits", null);
    Dataset all = Transforms.scaleToUnit(digits.train());
    if (trainRows < all.size()) {
      all = all.rows(0, trainRows);
    }
    if (validation < 1 || validation >= all.size()) {
      throw new IllegalArgumentException("M2Table: --validation must be in [1, "
          + (all.size() - 1) + "] (the training digits less at least one), got " + validation);
    }
    Dataset train = all.rows(0, all.size() - validation);
    Dataset held = all.rows(all.size() - validation, all.size());
    Dataset test = Transforms.scaleToUnit(digits.test());
    // Once, not per label count: features() builds a fresh full matrix on each call.
    DMatrixRMaj trainX = train.features();
    int[] labels = train.labels().orElseThrow();
    List<Summary> summaries = new ArrayList<>();
    List<M2Training.Result> results = new ArrayList<>();
    M2Training training = null;
    for (int count : labelCounts) {
      List<M2Training.Result> perSeed = new ArrayList<>();
      for (long seed : seeds) {
        training = new M2Training(hidden, latent.value(), epochs, batch.value(), rate,
            alphaPerN, labelledSteps, seed);
        M2Training.Evaluation eval = new M2Training.Evaluation(
            Transforms.binarizeOnce(held, Rngs.derive(seed, "validation binarization"))
                .features(), held.labels().orElseThrow(),
            Transforms.binarizeOnce(test, Rngs.derive(seed, "test binarization")).features(),
            test.labels().orElseThrow());
        int[] chosen = BalancedLabels.choose(labels, M2.CLASSES, count,
            Rngs.derive(seed, "labelled subset"));
        perSeed.add(training.run(trainX, labels, chosen, eval, System.err));
      }
      results.addAll(perSeed);
      summaries.add(new Summary(count, perSeed));
    }
    String md = markdown(training, train.size(), held.size(), test.size(), summaries);
    TableFiles.write(out.value(), "m2", md, csv(results), System.out);
    return 0;
  }

  /** One label count's results over the seeds: mean and standard error of each error. */
  private record Summary(int labels, List<M2Training.Result> runs) {

    String cell(ToDoubleFunction<M2Training.Result> error) {
      double[] e = runs.stream().mapToDouble(error).toArray();
      if (e.length == 1) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * e[0]);
      }
      return String.format(Locale.ROOT, "%.2f ± %.2f%%", 100 * StatUtils.mean(e),
          100 * Math.sqrt(StatUtils.variance(e) / e.length));
    }

    /** M2's early-stopped error less the baseline's, seed by seed (same labels, same start). */
    String pairedDifference() {
      return cell(r -> r.m2Selected() - r.baselineSelected());
    }
  }

  private static String markdown(M2Training t, int trainSize, int validationSize, int testSize,
      List<Summary> summaries) {
    StringBuilder b = new StringBuilder();
    b.append("| labels | seeds | labels-only, early-stopped | M2, early-stopped | M2 - labels-only"
        + " (paired) | labels-only, final | M2, final | paper: NN | paper: M2 |\n"
        + "|---|---|---|---|---|---|---|---|---|\n");
    for (Summary s : summaries) {
      String nn = "";
      String m2 = "";
      for (double[] p : PAPER) {
        if (p[0] == s.labels()) {
          nn = String.format(Locale.ROOT, "%.2f%%", p[1]);
          m2 = String.format(Locale.ROOT, "%.2f%%", p[2]);
        }
      }
      b.append(String.format(Locale.ROOT, "| %d | %d | %s | **%s** | %s | %s | %s | %s | %s |%n",
          s.labels(), s.runs().size(), s.cell(M2Training.Result::baselineSelected),
          s.cell(M2Training.Result::m2Selected), s.pairedDifference(),
          s.cell(M2Training.Result::baselineFinal),
          s.cell(M2Training.Result::m2Final), nn, m2));
    }
    b.append(String.format(Locale.ROOT, "%nTest error on the %d embedded test digits"
        + " (binarized once), mean ± standard error over the seeds; %d training digits, the"
        + " rest of them unlabelled; each classifier early-stopped at its epoch of lowest error"
        + " on %d held-out training digits. %s; Adam %.3g; batches of %d; %d epochs over the"
        + " unlabelled digits, each unlabelled batch followed by %d labelled one(s); the"
        + " baseline takes the same labelled batches and steps.%n", testSize, trainSize,
        validationSize, t, t.learningRate(), t.batchSize(), t.epochs(), t.labelledSteps()));
    return b.toString();
  }

  private static String csv(List<M2Training.Result> results) {
    StringBuilder b = new StringBuilder("labels,seed,epoch,m2_validation,m2_test,"
        + "baseline_validation,baseline_test,mutual_information,generative_validation,"
        + "labelled_log_q\n");
    for (M2Training.Result r : results) {
      for (int e = 0; e < r.m2Test().length; e++) {
        b.append(String.format(Locale.ROOT, "%d,%d,%d,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.5f%n",
            r.labels(), r.seed(), e + 1, r.m2Validation()[e], r.m2Test()[e],
            r.baselineValidation()[e], r.baselineTest()[e], r.mutualInformation()[e],
            r.generativeValidation()[e], r.labelledLogQ()[e]));
      }
    }
    return b.toString();
  }
}
