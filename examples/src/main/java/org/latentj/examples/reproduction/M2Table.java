package org.latentj.examples.reproduction;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ejml.data.DMatrixRMaj;
import org.latentj.examples.data.EmbeddedDigits;
import org.latentj.examples.models.BalancedLabels;
import org.latentj.examples.models.M2;
import org.latentj.examples.models.M2Training;
import org.latentj.inference.data.Dataset;
import org.latentj.inference.data.Transforms;
import org.latentj.tensor.Rngs;
import picocli.CommandLine.Command;
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

  @Option(names = "--batch", defaultValue = "100",
      description = "Minibatch size; default: ${DEFAULT-VALUE}.")
  int batch;

  @Option(names = "--hidden", defaultValue = "500",
      description = "Hidden units of every network; default: ${DEFAULT-VALUE}.")
  int hidden;

  @Option(names = "--latent", defaultValue = "10",
      description = "Size of z; default: ${DEFAULT-VALUE}.")
  int latent;

  @Option(names = "--rate", defaultValue = "1e-3",
      description = "Adam's learning rate (M2 and baseline); default: ${DEFAULT-VALUE}.")
  double rate;

  @Option(names = "--alpha-per-n", defaultValue = "50",
      description = "Classification weight alpha / N (the paper: 0.1); default:"
          + " ${DEFAULT-VALUE}.")
  double alphaPerN;

  @Option(names = "--train-rows", defaultValue = "8000",
      description = "Use only the first training digits (quick checks); default:"
          + " ${DEFAULT-VALUE}.")
  int trainRows;

  @Option(names = "--seed", defaultValue = "1", description = "Seed; default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = {"--output", "--out"}, defaultValue = "runs/reproduction/m2-digits",
      description = "Output folder; default: ${DEFAULT-VALUE}.")
  Path out;

  public static void main(String[] args) {
    System.exit(DriverCommandLine.of(new M2Table()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    Dataset train = Transforms.scaleToUnit(EmbeddedDigits.train());
    if (trainRows < train.size()) {
      train = train.rows(0, trainRows);
    }
    Dataset test = Transforms.scaleToUnit(EmbeddedDigits.test());
    DMatrixRMaj testX = Transforms.binarizeOnce(test, Rngs.derive(seed, "test binarization"))
        .features();
    int[] labels = train.labels().orElseThrow();
    // Once, not per label count: features() builds a fresh full matrix on each call.
    DMatrixRMaj trainX = train.features();
    int[] testLabels = test.labels().orElseThrow();
    M2Training training = new M2Training(hidden, latent, epochs, batch, rate, alphaPerN, seed);
    List<M2Training.Result> results = new ArrayList<>();
    for (int count : labelCounts) {
      int[] chosen = BalancedLabels.choose(labels, M2.CLASSES, count,
          Rngs.derive(seed, "labelled subset"));
      results.add(training.run(trainX, labels, chosen, testX, testLabels, System.err));
    }
    String md = markdown(training, train.size(), test.size(), results);
    TableFiles.write(out, "m2", md, csv(results), System.out);
    return 0;
  }

  private static String markdown(M2Training t, int trainSize, int testSize,
      List<M2Training.Result> results) {
    StringBuilder b = new StringBuilder();
    b.append("| labels | labels-only classifier, final | labels-only, best epoch (on test)"
        + " | M2, final | paper: NN | paper: M2 | seconds |\n|---|---|---|---|---|---|---|\n");
    for (M2Training.Result r : results) {
      String nn = "";
      String m2 = "";
      for (double[] p : PAPER) {
        if (p[0] == r.labels()) {
          nn = String.format(Locale.ROOT, "%.2f%%", p[1]);
          m2 = String.format(Locale.ROOT, "%.2f%%", p[2]);
        }
      }
      b.append(String.format(Locale.ROOT, "| %d | %.2f%% | %.2f%% | **%.2f%%** | %s | %s | %.0f |%n",
          r.labels(), 100 * r.baselineFinal(), 100 * r.baselineBest(), 100 * r.m2Final(), nn, m2,
          r.seconds()));
    }
    b.append(String.format(Locale.ROOT, "%nTest error on the %d embedded test digits"
        + " (binarized once); %d training digits, the rest of them unlabelled. %s; Adam %.3g;"
        + " batches of %d; %d epochs over the unlabelled digits, each unlabelled batch followed"
        + " by a labelled one; the baseline takes the same labelled batches and steps.%n",
        testSize, trainSize, t, t.learningRate(), t.batchSize(), t.epochs()));
    return b.toString();
  }

  private static String csv(List<M2Training.Result> results) {
    StringBuilder b = new StringBuilder("labels,epoch,m2_error,baseline_error\n");
    for (M2Training.Result r : results) {
      for (int e = 0; e < r.m2Error().length; e++) {
        b.append(String.format(Locale.ROOT, "%d,%d,%.4f,%.4f%n", r.labels(), e + 1,
            r.m2Error()[e], r.baselineError()[e]));
      }
    }
    return b.toString();
  }
}
