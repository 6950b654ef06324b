package org.latentj.examples.bench;

import com.google.inject.Guice;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.inference.guice.VaeModule;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.inference.training.Svi;
import org.latentj.model.Batch;
import org.latentj.tensor.DType;
import org.latentj.tensor.MatMul;
import org.latentj.tensor.MatMulKernel;
import org.latentj.tensor.MatMulKernels;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One training step of the VAE-400-20 (forward, backward, Adam) on a 128-example minibatch of
 * random pixels in {@code [0, 1]}, with each matrix-multiply kernel and dtype: the per-step
 * cost behind VaeBenchmark's seconds per epoch (469 steps), measured precisely enough to compare
 * kernels and graph changes. With {@code -prof gc} JMH also reports the bytes allocated per step.
 *
 * <p>Example: {@code scripts/jmh.sh VaeStepBenchmark -p kernel=auto -p dtype=float32 -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-modules", "jdk.incubator.vector"})
public class VaeStepBenchmark {

  @Param({"ejml", "blocked", "vector", "netlib"})
  String kernel;

  @Param({"float64", "float32"})
  String dtype;

  private MatMulKernel previous;
  private Svi svi;
  private Batch batch;
  private UniformRandomProvider rng;

  @Setup(Level.Trial)
  public void setup() {
    previous = MatMul.useKernel(MatMulKernels.byName(kernel));
    DType type = DType.parse(dtype);
    svi = Guice.createInjector(new VaeModule(VaeSettings.defaults()), VaeModule.dtype(type))
        .getInstance(Svi.class);
    rng = Rngs.create(5);
    DMatrixRMaj x = new DMatrixRMaj(128, 784);
    for (int i = 0; i < x.data.length; i++) {
      x.data[i] = rng.nextDouble();
    }
    batch = Batch.of(Tensor.constant(x, type));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    MatMul.useKernel(previous);
  }

  @Benchmark
  public double step() {
    return svi.step(batch, rng);
  }
}
