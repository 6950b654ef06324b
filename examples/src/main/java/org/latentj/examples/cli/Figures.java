package org.latentj.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.DoubleStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.latentj.examples.pictures.ImageGrid;
import org.latentj.examples.pictures.LatentGrid;
import org.latentj.examples.pictures.ReconstructionGrid;
import org.latentj.examples.pictures.TrainingCurve;
import org.latentj.inference.data.ImageShape;
import org.latentj.inference.training.MetricsRecord;
import org.latentj.tensor.Rngs;

/**
 * The pictures of a run, all decoder means (not draws from p(x|z), whose pixel noise hides the
 * shapes), clamped to [0, 1] for likelihoods whose mean may leave it.
 */
final class Figures {

  static final int CURVE_WIDTH = 800;
  static final int CURVE_HEIGHT = 500;
  static final String STEP_SERIES = "train, logged steps (one minibatch each)";

  private Figures() {}

  private static ImageGrid grid(ImageShape shape, int columns, int scale) {
    return ImageGrid.of(shape.height(), shape.width(), columns).withScale(scale).withClamp(true);
  }

  /** Decoder means of {@code count} prior draws (seeded) in a grid of {@code columns}. */
  static void samples(Vae vae, ImageShape shape, int count, int columns, int scale, long seed,
      Path png) throws IOException {
    DMatrixRMaj z = vae.samplePrior(count, Rngs.derive(seed, "samples"));
    grid(shape, columns, scale).write(vae.decodeMeans(z), png);
  }

  /** Each of the rows of {@code originals} above the decoder mean at its posterior mean. */
  static void reconstructions(Vae vae, ImageShape shape, DMatrixRMaj originals, int columns,
      int scale, Path png) throws IOException {
    DMatrixRMaj means = vae.decodeMeans(vae.encodeMeans(originals));
    ReconstructionGrid.using(grid(shape, columns, scale)).write(originals, means, png);
  }

  /**
   * Kingma and Welling's Figure 4: decoder means over an n x n grid of the prior's quantiles
   * ({@link ManifoldGrid}); returns the caption that says which grid.
   */
  static String manifold(Vae vae, ImageShape shape, int n, int scale, Path png)
      throws IOException {
    if (vae.settings().latentSize() != 2) {
      throw new UsageException("a manifold needs a model with a 2-D latent space, but this one"
          + " has " + vae.settings().latentSize() + " latent dimensions (train one with"
          + " --latent 2)");
    }
    ManifoldGrid grid = ManifoldGrid.of(vae, n);
    grid(shape, n, scale).write(vae.decodeMeans(grid.points()), png);
    return grid.caption();
  }

  /**
   * Two data points at the ends of a row of decoder means along the path between their
   * posterior means.
   */
  static void interpolation(Vae vae, ImageShape shape, DMatrixRMaj from, DMatrixRMaj to,
      int steps, LatentGrid.Interpolation how, int scale, Path png) throws IOException {
    DMatrixRMaj path = LatentGrid.interpolation(vae.encodeMeans(from), vae.encodeMeans(to),
        steps, how);
    DMatrixRMaj decoded = vae.decodeMeans(path);
    int d = from.numCols;
    DMatrixRMaj row = new DMatrixRMaj(steps + 2, d);
    System.arraycopy(from.data, 0, row.data, 0, d);
    System.arraycopy(decoded.data, 0, row.data, d, steps * d);
    System.arraycopy(to.data, 0, row.data, (steps + 1) * d, d);
    grid(shape, steps + 2, scale).write(row, png);
  }

  /** Writes {@link #trainingCurve(List, List, String)} to {@code png}. */
  static void trainingCurve(List<MetricsRecord> records, List<StepLog.Point> steps,
      String title, Path png) throws IOException {
    trainingCurve(records, steps, title).write(png, CURVE_WIDTH, CURVE_HEIGHT);
  }

  /**
   * Train and validation bounds per epoch against examples seen, and the minibatch bounds of
   * the logged steps when there are any; the x axis is logarithmic only when the examples seen
   * span two decades or more (a log axis over less shows one or two ticks, e.g. only "1E4").
   */
  static TrainingCurve trainingCurve(List<MetricsRecord> records, List<StepLog.Point> steps,
      String title) {
    int n = records.size();
    long[] seen = new long[n];
    double[] train = new double[n];
    double[] validation = new double[n];
    boolean anyValidation = false;
    for (int i = 0; i < n; i++) {
      MetricsRecord r = records.get(i);
      seen[i] = r.examplesSeen();
      train[i] = r.trainBound();
      validation[i] = r.validationBound();
      anyValidation |= r.hasValidation();
    }
    double[] stepSeen = steps.stream().mapToDouble(StepLog.Point::examplesSeen).toArray();
    double[] stepBound = steps.stream().mapToDouble(StepLog.Point::bound).toArray();
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (double x : DoubleStream.concat(Arrays.stream(stepSeen),
        Arrays.stream(seen).asDoubleStream()).toArray()) {
      lo = x > 0 ? Math.min(lo, x) : lo;
      hi = Math.max(hi, x);
    }
    TrainingCurve curve = TrainingCurve.titled(title).withLogX(hi >= 100 * lo);
    if (stepSeen.length > 0) {
      curve = curve.withSeries(STEP_SERIES, stepSeen, stepBound);
    }
    if (n > 0) {
      curve = curve.withSeries("train", seen, train);
    }
    if (anyValidation) {
      curve = curve.withSeries("validation", seen, validation);
    }
    return curve;
  }

  /** The first {@code n} rows of {@code m} (all if fewer). */
  static DMatrixRMaj firstRows(DMatrixRMaj m, int n) {
    return CommonOps_DDRM.extract(m, 0, Math.min(n, m.numRows), 0, m.numCols);
  }

  /** Row {@code i} of {@code m} as a 1-row matrix. */
  static DMatrixRMaj row(DMatrixRMaj m, int i) {
    return CommonOps_DDRM.extractRow(m, i, null);
  }
}
