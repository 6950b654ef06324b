package org.latentj.examples.bench;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
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
import org.latentj.inference.training.RunProvenance;
import org.latentj.inference.training.Svi;
import org.latentj.inference.training.Trainer;
import org.latentj.model.Program;
import org.latentj.nn.Module;
import org.latentj.nn.Parameter;
import org.latentj.tensor.DType;
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
 * [folder] [nogrid: skip the grid]}. Last line: {@code is_s=<..> images=<..> k=5000 s_per_image=<..>
 * s_for_10000_images=<..> log_px=<..>}, then the same trained weights rounded to float32 on the
 * same images and random numbers: {@code us_f64=<..> us_f32=<..> cpu_us_f64=<..>
 * cpu_us_f32=<..> max_diff_nats=<..>} (microseconds per image x sample, wall and the calling
 * thread's CPU; the largest per-image difference of log p(x) between the two).
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
    Path folder = args.length > 2 && !args[2].equals("-") ? FashionMnist.locate(Path.of(args[2]))
        : FashionMnist.locate();
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
    int[][] grid = args.length > 3 && args[3].equals("nogrid") ? new int[0][]
        : new int[][] {{100, 1000}, {200, 1000}, {400, 1000}, {200, 500}, {200, 2000},
            {200, 4000}};
    for (int[] point : grid) {
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

    // The same trained weights, rounded to float32: the float32 estimate's cost and its
    // difference from the float64 one, image by image, with the same random numbers.
    Injector f32 = Guice.createInjector(new VaeModule(settings), VaeModule.dtype(DType.FLOAT32));
    Program model32 = f32.getInstance(Key.get(Program.class, Model.class));
    Program guide32 = f32.getInstance(Key.get(Program.class, Guide.class));
    copyRounded(injector.getInstance(Key.get(Program.class, Model.class)), model32);
    copyRounded(injector.getInstance(Key.get(Program.class, Guide.class)), guide32);
    Evaluator evaluator32 = new Evaluator(model32, guide32);
    time(evaluator32, test, 50, 500);
    Timed full32 = time(evaluator32, test, images, 5000);
    double worst = 0;
    for (int i = 0; i < images; i++) {
      worst = Math.max(worst, Math.abs(full32.logPx[i] - full.logPx[i]));
    }
    System.out.printf(Locale.ROOT, "float32: %.1f s (%.3f us per image x sample, cpu %.3f;"
        + " float64 %.3f, cpu %.3f), mean log p(x) %.3f, largest difference from float64"
        + " %.4f nats%n", full32.seconds, 1e6 * full32.seconds / (images * 5000.0),
        1e6 * full32.cpuSeconds / (images * 5000.0), 1e6 * full.seconds / (images * 5000.0),
        1e6 * full.cpuSeconds / (images * 5000.0), full32.meanLogPx, worst);
    System.out.printf(Locale.ROOT, "us_f64=%.3f us_f32=%.3f cpu_us_f64=%.3f cpu_us_f32=%.3f"
        + " max_diff_nats=%.4f kernel=%s%n", 1e6 * full.seconds / (images * 5000.0),
        1e6 * full32.seconds / (images * 5000.0), 1e6 * full.cpuSeconds / (images * 5000.0),
        1e6 * full32.cpuSeconds / (images * 5000.0), worst, RunProvenance.matmulKernel());
  }

  /** Copies every parameter of {@code from} into the same-named one of {@code to}, rounded. */
  private static void copyRounded(Module from, Module to) {
    Map<String, Parameter> target = to.parameters();
    from.parameters().forEach((name, p) -> {
      float[] dst = target.get(name).valueF().data;
      double[] src = p.value().data;
      for (int i = 0; i < src.length; i++) {
        dst[i] = (float) src[i];
      }
    });
  }

  private record Timed(double seconds, double cpuSeconds, double meanLogPx, double[] logPx) {}

  private static Timed time(Evaluator evaluator, DMatrixRMaj test, int images, int k) {
    DMatrixRMaj subset = CommonOps_DDRM.extract(test, 0, Math.min(images, test.numRows), 0,
        test.numCols);
    int chunk = Math.min(k, CHUNK);
    int examplesPerPass = Math.max(1, ROWS_PER_PASS / chunk);
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long cpu = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    double[] logPx = evaluator.logLikelihood(subset, k, chunk, examplesPerPass,
        Rngs.derive(42, "importance-sampling"));
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
    double sum = 0;
    for (double v : logPx) {
      sum += v;
    }
    return new Timed(seconds, cpuSeconds, sum / logPx.length, logPx);
  }
}
