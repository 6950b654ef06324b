import com.google.inject.Guice;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.inference.guice.VaeModule;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.inference.training.Svi;
import org.latentj.model.Batch;
import org.latentj.tensor.DType;
import org.latentj.tensor.MatMul;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/**
 * Times VAE-400-20 training steps (batch 128, random pixels) through the public API only, so one
 * source file runs against any build of latentj: {@code java -cp <classpath> scripts/VaeSteps.java
 * [steps] [float32|float64]}. After 50 warm-up steps it prints one line with the median wall and
 * CPU milliseconds per step of the calling thread (CPU time is what a loaded machine disturbs
 * least), the mean wall and whole-process CPU milliseconds per step (every thread: the helpers of
 * {@code -Dlatentj.training.workers}, BLAS's own) and the bytes every live thread allocated per
 * step (independent of load; the workers' share included, and the JIT's, which is small once
 * warm). scripts/ab-step.sh runs it
 * against two builds in alternation.
 */
public final class VaeSteps {
  public static void main(String[] args) {
    int steps = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    DType dtype = args.length > 1 ? DType.parse(args[1]) : DType.FLOAT32;
    Svi svi = Guice.createInjector(new VaeModule(VaeSettings.defaults()), VaeModule.dtype(dtype))
        .getInstance(Svi.class);
    UniformRandomProvider rng = Rngs.create(5);
    DMatrixRMaj x = new DMatrixRMaj(128, 784);
    for (int i = 0; i < x.data.length; i++) {
      x.data[i] = rng.nextDouble();
    }
    Batch batch = Batch.of(Tensor.constant(x, dtype));
    for (int i = 0; i < 50; i++) {
      svi.step(batch, rng);
    }
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    double[] wall = new double[steps];
    double[] cpu = new double[steps];
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long process0 = os.getProcessCpuTime();
    long wall0 = System.nanoTime();
    long bytes0 = allocatedBytes(threads);
    double bound = 0;
    for (int i = 0; i < steps; i++) {
      long w = System.nanoTime();
      long c = threads.getCurrentThreadCpuTime();
      bound = svi.step(batch, rng);
      cpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
      wall[i] = (System.nanoTime() - w) / 1e6;
    }
    long bytes = (allocatedBytes(threads) - bytes0) / steps;
    // All threads (helpers of -Dlatentj.training.workers, BLAS's, but also JIT and GC) per step.
    double processMs = (os.getProcessCpuTime() - process0) / 1e6 / steps;
    double meanWallMs = (System.nanoTime() - wall0) / 1e6 / steps;
    System.out.printf(Locale.ROOT, "wall_ms=%.3f cpu_ms=%.3f mean_wall_ms=%.3f process_cpu_ms=%.3f"
        + " alloc_bytes=%d bound=%.4f kernel=%s dtype=%s workers=%s%n", median(wall), median(cpu),
        meanWallMs, processMs, bytes, bound, MatMul.kernel(), dtype,
        System.getProperty("latentj.training.workers", "1"));
  }

  /** Bytes allocated so far by every live thread (a thread that ended takes its count along). */
  private static long allocatedBytes(com.sun.management.ThreadMXBean threads) {
    long sum = 0;
    for (long b : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
      sum += Math.max(b, 0); // -1: the thread ended between the two calls
    }
    return sum;
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
