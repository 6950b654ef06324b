package org.latentj.examples.bench;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import java.nio.file.Path;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.latentj.examples.data.FashionMnist;
import org.latentj.inference.data.Dataset;
import org.latentj.inference.data.Transforms;
import org.latentj.inference.evaluation.Evaluator;
import org.latentj.inference.guice.Guide;
import org.latentj.inference.guice.Model;
import org.latentj.inference.guice.VaeModule;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.inference.training.MinibatchData;
import org.latentj.inference.training.Svi;
import org.latentj.inference.training.Trainer;
import org.latentj.model.Program;
import org.latentj.tensor.MatMul;
import org.latentj.tensor.Rngs;

/**
 * The cost of the importance-sampled log-likelihood: the VAE-400-20 of
 * {@link VaeBenchmark}, trained for a few epochs on Fashion-MNIST, then
 * {@link Evaluator#logLikelihood} timed on a grid of k (samples per image) and image counts, to
 * show the time is linear in both, and finally k = 5000 on the requested number of test images.
 * Each image's encoder runs once per chunk of samples (not once per sample), so the cost is the
 * decoder's and the likelihood's: k decoder rows per image.
 *
 * <p>Usage: {@code scripts/run.sh org.latentj.examples.bench.ImportanceSamplingBenchmark
 * [images for k=5000 (default 1000; 10000 = the whole test set)] [training epochs (default 1)]
 * [folder]}. Last line: {@code is_s=<..> images=<..> k=5000 s_per_image=<..>
 * s_for_10000_images=<..> log_px=<..>}.
 */
public final class ImportanceSamplingBenchmark {

  private static final int CHUNK = 500;
  private static final int ROWS_PER_PASS = 2000;

  private ImportanceSamplingBenchmark() {}

  public static void main(String[] args) throws Exception {
    int images = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    if (images < 1 || images > 10000) {
      throw new IllegalArgumentException("ImportanceSamplingBenchmark: images must be in"
          + " [1, 10000] (the Fashion-MNIST test set), got " + images);
    }
    int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    Path folder = args.length > 2 ? FashionMnist.locate(Path.of(args[2])) : FashionMnist.locate();
    Dataset train = Transforms.scaleToUnit(FashionMnist.train(folder));
    DMatrixRMaj test = Transforms.scaleToUnit(FashionMnist.test(folder)).features();
    VaeSettings settings = VaeSettings.defaults();
    Injector injector = Guice.createInjector(new VaeModule(settings));
    System.out.printf(Locale.ROOT, "VAE-400-20, %d training epoch(s) on Fashion-MNIST, matmul"
        + " kernel %s, chunk %d samples, %d rows per pass%n", epochs, MatMul.kernel(), CHUNK,
        ROWS_PER_PASS);
    if (epochs > 0) {
      new Trainer(injector.getInstance(Svi.class), MinibatchData.of(train, 128))
          .fit(epochs, Rngs.derive(settings.seed(), "training"));
    }
    Evaluator evaluator = new Evaluator(
        injector.getInstance(Key.get(Program.class, Model.class)),
        injector.getInstance(Key.get(Program.class, Guide.class)));

    time(evaluator, test, 50, 500); // warm-up: JIT and buffers
    System.out.println("images      k   seconds   microseconds per (image x sample)");
    for (int[] point : new int[][] {{100, 1000}, {200, 1000}, {400, 1000},
        {200, 500}, {200, 2000}, {200, 4000}}) {
      double s = time(evaluator, test, point[0], point[1]).seconds;
      System.out.printf(Locale.ROOT, "%6d %6d %9.2f %10.3f%n", point[0], point[1], s,
          1e6 * s / ((double) point[0] * point[1]));
    }
    Timed full = time(evaluator, test, images, 5000);
    double perImage = full.seconds / images;
    System.out.printf(Locale.ROOT, "k = 5000 on %d test images: %.1f s, mean log p(x) %.3f%n",
        images, full.seconds, full.meanLogPx);
    System.out.printf(Locale.ROOT,
        "is_s=%.2f images=%d k=5000 s_per_image=%.4f s_for_10000_images=%.0f log_px=%.3f%n",
        full.seconds, images, perImage, perImage * 10000, full.meanLogPx);
  }

  private record Timed(double seconds, double meanLogPx) {}

  private static Timed time(Evaluator evaluator, DMatrixRMaj test, int images, int k) {
    DMatrixRMaj subset = CommonOps_DDRM.extract(test, 0, Math.min(images, test.numRows), 0,
        test.numCols);
    int chunk = Math.min(k, CHUNK);
    int examplesPerPass = Math.max(1, ROWS_PER_PASS / chunk);
    long start = System.nanoTime();
    double[] logPx = evaluator.logLikelihood(subset, k, chunk, examplesPerPass,
        Rngs.derive(42, "importance-sampling"));
    double seconds = (System.nanoTime() - start) / 1e9;
    double sum = 0;
    for (double v : logPx) {
      sum += v;
    }
    return new Timed(seconds, sum / logPx.length);
  }
}
