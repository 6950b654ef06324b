package org.latentj.examples.bench;

import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.latentj.nn.Parameter;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;
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
 * One dense layer, forward and backward, {@code relu(x W + b)} at batch 128, 784 -> 400: the
 * Tensor path against the same EJML calls made by hand. The ratio of the two is the autodiff's
 * overhead (graph records, lambdas, fresh output matrices).
 *
 * <p>Both paths compute the same things: the product, bias and relu forward; then the relu mask,
 * {@code dW += x^T dY} and {@code db += column sums of dY} backward (x is data: no {@code dx}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class DenseLayerBenchmark {

  @Param({"128"})
  int batch;

  @Param({"784"})
  int inputs;

  @Param({"400"})
  int outputs;

  private DMatrixRMaj x;
  private DMatrixRMaj upstream;
  private Parameter weight;
  private Parameter bias;

  // Hand path: preallocated buffers, as a careful hand-written layer would keep them.
  private DMatrixRMaj y;
  private DMatrixRMaj dy;
  private DMatrixRMaj dW;
  private double[] db;

  @Setup
  public void setup() {
    var rng = Rngs.create(1);
    x = Rngs.standardNormal(rng, batch, inputs);
    upstream = Rngs.standardNormal(rng, batch, outputs);
    weight = new Parameter("weight", Rngs.standardNormal(rng, inputs, outputs));
    bias = new Parameter("bias", Rngs.standardNormal(rng, 1, outputs));
    y = new DMatrixRMaj(batch, outputs);
    dy = new DMatrixRMaj(batch, outputs);
    dW = new DMatrixRMaj(inputs, outputs);
    db = new double[outputs];
  }

  @Benchmark
  public DMatrixRMaj tensor() {
    weight.zeroGrad();
    bias.zeroGrad();
    Tensor out = Tensor.constant(x).matmul(weight.tensor()).add(bias.tensor()).relu();
    out.backward(upstream);
    return weight.grad();
  }

  @Benchmark
  public DMatrixRMaj handWrittenEjml() {
    dW.zero();
    java.util.Arrays.fill(db, 0);
    CommonOps_DDRM.mult(x, weight.value(), y);
    double[] b = bias.value().data;
    double[] yd = y.data;
    for (int i = 0, k = 0; i < batch; i++) {
      for (int j = 0; j < outputs; j++, k++) {
        yd[k] = Math.max(yd[k] + b[j], 0.0);
      }
    }
    double[] g = upstream.data;
    double[] gd = dy.data;
    for (int i = 0, k = 0; i < batch; i++) {
      for (int j = 0; j < outputs; j++, k++) {
        double gk = yd[k] > 0 ? g[k] : 0.0;
        gd[k] = gk;
        db[j] += gk;
      }
    }
    CommonOps_DDRM.multAddTransA(x, dy, dW);
    return dW;
  }
}
