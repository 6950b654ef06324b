package org.latentj.examples.bench;

import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.latentj.tensor.MatMulKernel;
import org.latentj.tensor.MatMulKernels;
import org.latentj.tensor.Rngs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The six forms of every matrix-multiply kernel at the VAE-400-20's layer shapes. A shape
 * {@code m x k x n} is one layer's product: the result is {@code m x n} and the inner dimension
 * {@code k}, whichever form computes it ({@code multTransA} reads {@code a} stored {@code k x m},
 * {@code multTransB} reads {@code b} stored {@code n x k}), so every form costs {@code 2 m k n}
 * flops and the times compare directly. In the VAE's step, {@code mult} is the forward product,
 * {@code multAddTransA} the weight gradient and {@code multAddTransB} the input gradient.
 *
 * <p>{@code kernel} is a {@link MatMulKernels} name with an optional thread count:
 * {@code blocked:1} is the blocked kernel on one thread. OpenBLAS ({@code netlib}, or
 * {@code openblas-system} and {@code openblas-bundled} for one source: each parameter runs in a
 * JVM of its own, so both can be compared in one run) uses {@code OPENBLAS_NUM_THREADS} (all
 * cores by default). Example, one shape, the system and the Maven OpenBLAS against Java:
 * {@code scripts/jmh.sh 'MatMulKernelBenchmark.mult$' -p shape=128x784x400
 * -p kernel=openblas-system,openblas-bundled,vector:2,blocked:2}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-modules", "jdk.incubator.vector"})
public class MatMulKernelBenchmark {

  @Param({"ejml", "blocked:1", "blocked:2", "vector:1", "vector:2", "netlib"})
  String kernel;

  /**
   * {@code m x k x n}. Forward (batch x in x out): encoder 784-400, heads 400-40, decoder 20-400
   * and 400-784. Weight gradients (in x batch x out) of the two large layers: 784x128x400 and
   * 400x128x784.
   */
  @Param({"128x784x400", "128x400x40", "128x20x400", "128x400x784", "784x128x400",
      "400x128x784"})
  String shape;

  private MatMulKernel k;
  private DMatrixRMaj a;
  private DMatrixRMaj aT;
  private DMatrixRMaj b;
  private DMatrixRMaj bT;
  private DMatrixRMaj c;

  @Setup
  public void setup() {
    String[] parts = kernel.split(":");
    k = parts.length == 1 ? MatMulKernels.byName(parts[0])
        : MatMulKernels.byName(parts[0], Integer.parseInt(parts[1]));
    String[] dims = shape.split("x");
    int m = Integer.parseInt(dims[0]);
    int inner = Integer.parseInt(dims[1]);
    int n = Integer.parseInt(dims[2]);
    var rng = Rngs.create(7);
    a = Rngs.standardNormal(rng, m, inner);
    aT = Rngs.standardNormal(rng, inner, m);
    b = Rngs.standardNormal(rng, inner, n);
    bT = Rngs.standardNormal(rng, n, inner);
    c = new DMatrixRMaj(m, n);
  }

  @Benchmark
  public DMatrixRMaj mult() {
    k.mult(a, b, c);
    return c;
  }

  @Benchmark
  public DMatrixRMaj multTransA() {
    k.multTransA(aT, b, c);
    return c;
  }

  @Benchmark
  public DMatrixRMaj multTransB() {
    k.multTransB(a, bT, c);
    return c;
  }

  @Benchmark
  public DMatrixRMaj multAdd() {
    k.multAdd(a, b, c);
    return c;
  }

  @Benchmark
  public DMatrixRMaj multAddTransA() {
    k.multAddTransA(aT, b, c);
    return c;
  }

  @Benchmark
  public DMatrixRMaj multAddTransB() {
    k.multAddTransB(a, bT, c);
    return c;
  }
}
