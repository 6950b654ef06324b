package org.latentj.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.testing.Matrices;

/**
 * {@link LeafGradients}: a thread that enters them differentiates into them, not into the leaves,
 * so two threads can differentiate graphs on the same parameters at once and each gets exactly
 * what it gets alone; zeroing, reading and the leaves' own gradients follow the entered buffers.
 */
class LeafGradientsTest {

  private final Tensor w = Tensor.variable(Matrices.normal(Rngs.create(2), 5, 4));
  private final Tensor b = Tensor.variable(Matrices.normal(Rngs.create(3), 1, 4));

  /** One graph on {@code w} and {@code b}, differentiated {@code passes} times (accumulating). */
  private void differentiate(long seed, int passes) {
    Tensor x = Tensor.constant(Matrices.normal(Rngs.create(seed), 60, 5));
    Tensor loss = x.affine(w, b).tanh().square().sum();
    for (int i = 0; i < passes; i++) {
      loss.backward();
    }
  }

  @Test
  void twoThreadsOnTheSameLeavesEachGetTheirOwnGradient() throws Exception {
    differentiate(10, 1);
    DMatrixRMaj alone10 = w.grad().copy();
    w.zeroGrad();
    b.zeroGrad();
    differentiate(11, 1);
    DMatrixRMaj alone11 = w.grad().copy();
    w.zeroGrad();
    b.zeroGrad();

    LeafGradients[] sinks = {new LeafGradients(), new LeafGradients()};
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 20; round++) { // many rounds: a race would show
        Future<?>[] runs = new Future<?>[2];
        for (int t = 0; t < 2; t++) {
          int me = t;
          runs[t] = pool.submit(() -> {
            try (LeafGradients.Scope in = sinks[me].enter()) {
              sinks[me].zero();
              differentiate(10 + me, 1);
            }
          });
        }
        for (Future<?> r : runs) {
          r.get();
        }
        assertThat(sinks[0].gradient(w).data).containsExactly(alone10.data);
        assertThat(sinks[1].gradient(w).data).containsExactly(alone11.data);
      }
    } finally {
      pool.shutdown();
    }
    assertThat(w.grad().data).as("the leaf's own gradient is untouched")
        .containsOnly(0.0);
  }

  /**
   * A float32 op that runs through float64 ({@link ViaFloat64}, here concatColumns) makes fresh
   * float64 leaves per call: they keep their gradients themselves, so the entered buffers hold
   * the two parameters and no more however many steps run, and the gradient is the one without
   * the buffers.
   */
  @Test
  void float32OpsThroughFloat64AddNoBuffersStepAfterStep() {
    Tensor w32 = w.to(DType.FLOAT32).detach();
    Tensor p = Tensor.variable(w32.valueF().copy());
    Tensor q = Tensor.variable(w32.valueF().copy());
    Tensor x = Tensor.constant(Matrices.normal(Rngs.create(4), 3, 5)).to(DType.FLOAT32);
    x.matmul(Tensor.concatColumns(p, q)).square().sum().backward();
    float[] alone = p.gradF().data.clone();
    p.zeroGrad();
    LeafGradients sink = new LeafGradients();
    try (LeafGradients.Scope in = sink.enter()) {
      for (int step = 0; step < 50; step++) {
        sink.zero();
        x.matmul(Tensor.concatColumns(p, q)).square().sum().backward();
        assertThat(sink.size()).as("step %d", step).isEqualTo(2);
      }
      assertThat(sink.gradientF(p).data).containsExactly(alone);
    }
  }

  @Test
  void insideTheScopeTheLeafsGradientIsTheEnteredOne() {
    LeafGradients sink = new LeafGradients();
    try (LeafGradients.Scope in = sink.enter()) {
      assertThat(w.grad()).as("nothing reached it yet").isNull();
      differentiate(10, 2);
      assertThat(w.grad()).isSameAs(sink.gradient(w));
      DMatrixRMaj twice = w.grad().copy();
      w.zeroGrad();
      assertThat(sink.gradient(w).data).containsOnly(0.0);
      differentiate(10, 1);
      for (int i = 0; i < twice.data.length; i++) {
        assertThat(2 * sink.gradient(w).data[i]).isEqualTo(twice.data[i]);
      }
    }
    assertThat(w.grad()).as("outside, the leaf's own (never reached)").isNull();
    assertThat(sink.gradientF(w)).isNull();
  }
}
