package org.latentj.examples.bench;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.latentj.examples.data.FashionMnist;
import org.latentj.inference.data.Dataset;
import org.latentj.inference.data.Transforms;
import org.latentj.inference.evaluation.Evaluator;
import org.latentj.inference.guice.Guide;
import org.latentj.inference.guice.Model;
import org.latentj.inference.guice.VaeModule;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.inference.training.EpochSummary;
import org.latentj.inference.training.MinibatchData;
import org.latentj.inference.training.ParallelGradients;
import org.latentj.inference.training.RunProvenance;
import org.latentj.inference.training.Svi;
import org.latentj.inference.training.Trainer;
import org.latentj.inference.training.TrainingListener;
import org.latentj.inference.training.TrainingState;
import org.latentj.model.Objective;
import org.latentj.model.Program;
import org.latentj.tensor.DType;
import org.latentj.tensor.MatMul;
import org.latentj.tensor.MatMulKernel;
import org.latentj.tensor.MatMulKernels;
import org.latentj.tensor.NetlibMatMulKernel;
import org.latentj.tensor.Rngs;

/**
 * The end-to-end benchmark of latentj's issue 6: the VAE-400-20 (784-400-20-400-784 ReLU,
 * Bernoulli logits, analytic KL, Adam 1e-3, batch 128) on Fashion-MNIST (pixels / 255), for N
 * epochs. Prints each epoch's time and training bound, the test ELBO after epochs 1, 5 and 10,
 * and a final machine-readable line:
 *
 * <pre>epoch_s=&lt;median of epochs 2..N&gt; examples_per_s=&lt;..&gt; test_elbo=&lt;..&gt;
 * peak_heap_mb=&lt;..&gt; peak_rss_mb=&lt;..&gt; kernel=&lt;..&gt; dtype=&lt;..&gt;
 * threads=&lt;..&gt;</pre>
 *
 * Usage: {@code scripts/run.sh org.latentj.examples.bench.VaeBenchmark [epochs] [folder]
 * [float32|float64]} (a folder of {@code -} finds the data as without one; the dtype defaults
 * to float32, as the CLI's); the matrix-multiply kernel is chosen by {@code -Dlatentj.matmul}
 * in {@code JAVA_OPTS} (see
 * {@link org.latentj.tensor.MatMulKernels}). {@code scripts/compare-pytorch.sh} runs it beside
 * the same model in PyTorch.
 */
public final class VaeBenchmark {

  private VaeBenchmark() {}

  public static void main(String[] args) throws Exception {
    int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Path folder = args.length > 1 && !args[1].equals("-") ? FashionMnist.locate(Path.of(args[1]))
        : FashionMnist.locate();
    DType dtype = args.length > 2 ? DType.parse(args[2]) : DType.FLOAT32;
    Dataset train = Transforms.scaleToUnit(FashionMnist.train(folder));
    Dataset test = Transforms.scaleToUnit(FashionMnist.test(folder));
    VaeSettings settings = VaeSettings.defaults();
    System.out.printf(Locale.ROOT, "VAE-400-20 on Fashion-MNIST (%s): %d train, %d test,"
        + " %d epochs, %s, %s, matmul kernel %s%n", folder, train.size(), test.size(), epochs,
        settings, dtype, MatMul.kernel());

    Injector injector = Guice.createInjector(new VaeModule(settings), VaeModule.dtype(dtype));
    Svi svi = injector.getInstance(Svi.class);
    Evaluator evaluator = new Evaluator(
        injector.getInstance(com.google.inject.Key.get(Program.class, Model.class)),
        injector.getInstance(com.google.inject.Key.get(Program.class, Guide.class)));
    Objective objective = injector.getInstance(Objective.class);
    DMatrixRMaj testX = test.features();

    List<Double> seconds = new ArrayList<>();
    double[] lastTestElbo = {Double.NaN};
    double[] examplesPerSecond = new double[epochs + 1];
    new Trainer(svi, MinibatchData.of(train, 128).inDtype(dtype)).addListener(new TrainingListener() {
      @Override
      public void onEpochEnd(TrainingState state, EpochSummary e) {
        seconds.add(e.seconds());
        examplesPerSecond[e.epoch()] = e.examplesPerSecond();
        String testPart = "";
        if (e.epoch() == 1 || e.epoch() % 5 == 0 || e.epoch() == epochs) {
          lastTestElbo[0] = evaluator.meanBound(objective, testX, 1000,
              Rngs.derive(settings.seed(), "evaluation"));
          testPart = String.format(Locale.ROOT, " test ELBO %.2f", lastTestElbo[0]);
        }
        System.out.printf(Locale.ROOT, "epoch %d: %.2f s, %.0f examples/s, train bound %.2f%s%n",
            e.epoch(), e.seconds(), e.examplesPerSecond(), e.trainBound(), testPart);
      }
    }).fit(epochs, Rngs.derive(settings.seed(), "training"));

    List<Double> steady = new ArrayList<>(seconds.subList(Math.min(1, seconds.size() - 1),
        seconds.size()));
    Collections.sort(steady);
    double median = steady.get(steady.size() / 2);
    if (steady.size() % 2 == 0) {
      median = 0.5 * (steady.get(steady.size() / 2 - 1) + median);
    }
    System.out.printf(Locale.ROOT,
        "epoch_s=%.3f examples_per_s=%.0f test_elbo=%.3f peak_heap_mb=%.0f peak_rss_mb=%.0f"
        + " kernel=%s dtype=%s threads=%s%n", median, train.size() / median, lastTestElbo[0],
        peakHeapMb(), peakRssMb(), RunProvenance.matmulKernel(), svi.model().dtype(),
        threads());
  }

  /**
   * How the step uses the cores: {@code workers<W>:} when {@code -Dlatentj.training.workers}
   * cuts each minibatch into W parts on W threads ({@link ParallelGradients}), then
   * {@code java<N>} Java threads splitting each large product by rows, and for a native BLAS
   * {@code xblas<M>}, its own threads per call ({@code OPENBLAS_NUM_THREADS}, or {@code auto}: one
   * per core).
   */
  static String threads() {
    String workers = System.getProperty(ParallelGradients.PROPERTY, "1").trim();
    return (workers.equals("1") ? "" : "workers" + workers + ":") + productThreads();
  }

  private static String productThreads() {
    MatMulKernel k = MatMul.kernel();
    if (k instanceof NetlibMatMulKernel n) {
      String blas = System.getenv("OPENBLAS_NUM_THREADS");
      return "java" + n.threads() + "xblas" + (blas == null ? "auto" : blas.trim());
    }
    // The Java kernels split over latentj.matmul.threads, by default the cores (at most 8).
    return "java" + Integer.getInteger(MatMulKernels.THREADS_PROPERTY,
        Math.min(8, Runtime.getRuntime().availableProcessors()));
  }

  /** The sum of the peak usage of every heap pool. */
  static double peakHeapMb() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes / 1048576.0;
  }

  /** The process's peak resident set (VmHWM), comparable with PyTorch's; NaN off Linux. */
  static double peakRssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (java.io.IOException | NumberFormatException e) {
      return Double.NaN;
    }
    return Double.NaN;
  }
}
