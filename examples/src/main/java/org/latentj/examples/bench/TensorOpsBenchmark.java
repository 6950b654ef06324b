package org.latentj.examples.bench;

import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.latentj.tensor.GradMode;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The VAE step's hot elementwise ops at its shapes (batch 128), forward and backward, and the
 * fused dense layer against its two-op form. Pairs to compare within one run:
 * {@code affineFused} / {@code affineUnfused} (784 -> 400 with bias), and
 * {@code softplusForward} / {@code softplusForwardLog1p} (the Bernoulli likelihood's softplus
 * over 128x784 logits, latentj's against {@code Math.log1p}, a native call per element on JDK 17).
 * With {@code -prof gc} JMH reports the bytes each allocates.
 *
 * <p>Example: {@code scripts/jmh.sh TensorOpsBenchmark -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class TensorOpsBenchmark {

  private DMatrixRMaj x;
  private DMatrixRMaj h;
  private DMatrixRMaj logits;
  private DMatrixRMaj pixels;
  private DMatrixRMaj seed400;
  private DMatrixRMaj seed784;
  private Tensor weight;
  private Tensor bias;
  private Tensor hidden;
  private Tensor hiddenBias;
  private Tensor logitsVar;
  private double[] out;

  @Setup
  public void setup() {
    var rng = Rngs.create(3);
    x = Rngs.standardNormal(rng, 128, 784);
    h = Rngs.standardNormal(rng, 128, 400);
    logits = Rngs.standardNormal(rng, 128, 784);
    for (int i = 0; i < logits.data.length; i++) {
      logits.data[i] *= 5; // decoder logits spread over about -15..15
    }
    pixels = new DMatrixRMaj(128, 784);
    for (int i = 0; i < pixels.data.length; i++) {
      pixels.data[i] = rng.nextDouble();
    }
    seed400 = Rngs.standardNormal(rng, 128, 400);
    seed784 = Rngs.standardNormal(rng, 128, 784);
    weight = Tensor.variable(Rngs.standardNormal(rng, 784, 400));
    bias = Tensor.variable(Rngs.standardNormal(rng, 1, 400));
    hidden = Tensor.variable(h);
    hiddenBias = Tensor.variable(Rngs.standardNormal(rng, 1, 400));
    logitsVar = Tensor.variable(logits);
    out = new double[128 * 784];
  }

  @Benchmark
  public Tensor affineFused() {
    Tensor y = Tensor.constant(x).affine(weight, bias);
    y.backward(seed400);
    return y;
  }

  @Benchmark
  public Tensor affineUnfused() {
    Tensor y = Tensor.constant(x).matmul(weight).add(bias);
    y.backward(seed400);
    return y;
  }

  /** The bias add of a 128x400 layer output, forward and backward. */
  @Benchmark
  public Tensor biasRowAdd() {
    Tensor y = hidden.add(hiddenBias);
    y.backward(seed400);
    return y;
  }

  @Benchmark
  public Tensor relu() {
    Tensor y = hidden.relu();
    y.backward(seed400);
    return y;
  }

  /** The Bernoulli log-likelihood's graph: x * l - softplus(l), summed per row. */
  @Benchmark
  public Tensor bernoulliLogProb() {
    Tensor y = Tensor.constant(pixels).mul(logitsVar).sub(logitsVar.softplus()).rowSums();
    y.sum().backward();
    return y;
  }

  @Benchmark
  public Tensor softplusForward() {
    try (GradMode.Scope off = GradMode.disable()) {
      return Tensor.constant(logits).softplus();
    }
  }

  /** The same values with {@code Math.log1p}, as softplus computed them before. */
  @Benchmark
  public double[] softplusForwardLog1p() {
    double[] l = logits.data;
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.max(l[i], 0.0) + Math.log1p(Math.exp(-Math.abs(l[i])));
    }
    return out;
  }
}
