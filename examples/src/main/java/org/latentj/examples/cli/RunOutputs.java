package org.latentj.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.latentj.inference.data.ImageShape;
import org.latentj.inference.training.MetricsListener;
import org.latentj.inference.training.TrainingState;
import picocli.CommandLine;

/**
 * What {@code train} writes once training has finished: pictures (for images), the training
 * curve, the test figures in {@code summary.json}, the run page {@code index.html}, and the
 * closing lines on stdout.
 */
final class RunOutputs {

  private final Vae vae;
  private final RunData data;
  private final Path dir;
  private final PrintWriter out;
  private final PrintWriter err;

  RunOutputs(Vae vae, RunData data, Path dir, CommandLine cl) {
    this.vae = vae;
    this.data = data;
    this.dir = dir;
    this.out = cl.getOut();
    this.err = cl.getErr();
  }

  /** Writes every file, adds the test figures (k = {@code evalK}) to {@code summary}. */
  void write(MetricsListener metrics, List<StepLog.Point> steps, int evalK,
      Map<String, Object> summary, double seconds, TrainingState state) throws IOException {
    List<String> written = new ArrayList<>(List.of(Run.CHECKPOINT, Run.METRICS));
    // Built once: for byte-backed data features() materialises a fresh full matrix per call.
    DMatrixRMaj testX = data.test().features();
    written.addAll(pictures(testX));
    Figures.trainingCurve(metrics.records(), steps, "VAE " + vae.shape() + ", "
        + vae.settings().objective().name(), dir.resolve(Run.TRAINING_CURVE));
    written.add(Run.TRAINING_CURVE);
    if (!steps.isEmpty()) {
      written.add(StepLog.FILE);
    }

    Estimates test;
    try (Progress.Ticker ticker = EtaTicker.of(err, "test log p(x), k=" + evalK,
        testX.numRows)) {
      test = Estimates.of(vae, testX, evalK, 1, vae.settings().seed(), ticker);
    }
    summary.put("test", test.toMap());
    Commands.writeJson(dir.resolve(Run.SUMMARY), summary);
    written.add(Run.SUMMARY);
    RunPage.write(Run.open(dir));
    written.add(RunPage.FILE);

    out.printf(Locale.ROOT, "trained %d epochs (%d examples seen) in %.1f s%n",
        state.epoch(), state.examplesSeen(), seconds);
    out.print(test.describe("test"));
    out.printf("wrote %s: %s%n", dir, String.join(", ", written));
  }

  private List<String> pictures(DMatrixRMaj testX) throws IOException {
    ImageShape shape = data.shape();
    if (shape == null) {
      err.println("the data are not images: no pictures of samples or reconstructions");
      return List.of();
    }
    long seed = vae.settings().seed();
    Figures.samples(vae, shape, 64, 8, 2, seed, dir.resolve(Run.SAMPLES));
    Figures.reconstructions(vae, shape, Figures.firstRows(testX, 24), 8, 2,
        dir.resolve(Run.RECONSTRUCTIONS));
    List<String> written = new ArrayList<>(List.of(Run.SAMPLES, Run.RECONSTRUCTIONS));
    if (vae.settings().latentSize() == 2) {
      Figures.manifold(vae, shape, 20, 1, dir.resolve(Run.MANIFOLD));
      written.add(Run.MANIFOLD);
    }
    return written;
  }
}
