package org.latentj.inference.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.inference.guice.TrainingModule;
import org.latentj.inference.guice.VaeModule;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.model.Batch;
import org.latentj.model.Validation;
import org.latentj.nn.Activation;
import org.latentj.tensor.ComputeContext;
import org.latentj.tensor.EjmlMatMulKernel;
import org.latentj.tensor.MatMul;
import org.latentj.tensor.MatMulKernel;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/** Kernel and validation belong to a run: two models in one JVM compute each their own way. */
class ComputeContextTest {

  private static final VaeSettings SMALL = VaeSettings.builder().inputSize(6)
      .hiddenSizes(List.of(8)).activation(Activation.TANH).latentSize(2).build();

  /** EJML's products, counted. */
  private static final class CountingKernel implements MatMulKernel {
    private final MatMulKernel ejml = new EjmlMatMulKernel();
    int calls;

    @Override
    public void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
      calls++;
      ejml.mult(a, b, c);
    }

    @Override
    public void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
      calls++;
      ejml.multTransA(a, b, c);
    }

    @Override
    public void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
      calls++;
      ejml.multTransB(a, b, c);
    }

    @Override
    public void multAdd(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
      calls++;
      ejml.multAdd(a, b, c);
    }

    @Override
    public void multAddTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
      calls++;
      ejml.multAddTransA(a, b, c);
    }

    @Override
    public void multAddTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
      calls++;
      ejml.multAddTransB(a, b, c);
    }
  }

  /** What a step saw: its kernel and whether validation was on. */
  private static Svi recording(Svi svi, List<Object> seen) {
    return svi.addGradientHook((step, bound, parameters) -> {
      seen.add(MatMul.kernel());
      seen.add(Validation.isEnabled());
    });
  }

  private static Batch batch() {
    DMatrixRMaj x = new DMatrixRMaj(4, 6);
    for (int i = 0; i < x.data.length; i++) {
      x.data[i] = i % 3 == 0 ? 1 : 0;
    }
    return Batch.of(Tensor.constant(x));
  }

  @Test
  void twoModelsInOneJvmUseTheirOwnKernelAndValidation() {
    CountingKernel counting = new CountingKernel();
    ComputeContext own = ComputeContext.processDefault().withKernel(counting)
        .withValidation(false);
    List<Object> seenA = new ArrayList<>();
    List<Object> seenB = new ArrayList<>();
    Svi a = recording(Guice.createInjector(new VaeModule(SMALL), TrainingModule.context(own))
        .getInstance(Svi.class), seenA);
    Svi b = recording(Guice.createInjector(new VaeModule(SMALL)).getInstance(Svi.class), seenB);
    assertThat(a.context()).isSameAs(own);
    assertThat(b.context()).isNull();

    a.step(batch(), Rngs.create(1));
    int afterA = counting.calls;
    b.step(batch(), Rngs.create(1));
    a.step(batch(), Rngs.create(2));

    assertThat(afterA).isPositive(); // forward and backward products of A's step
    assertThat(counting.calls).isEqualTo(2 * afterA); // B's step used none of them
    assertThat(seenA).containsExactly(counting, false, counting, false);
    assertThat(seenB).containsExactly(MatMul.kernel(), true);
    assertThat(MatMul.kernel()).isNotSameAs(counting);
    assertThat(Validation.isEnabled()).isTrue();
  }

  @Test
  void anEnteredContextLastsUntilItsScopeCloses() {
    ComputeContext outer = ComputeContext.current();
    ComputeContext unchecked = outer.withValidation(false);
    try (ComputeContext.Scope s = unchecked.enter()) {
      assertThat(Validation.isEnabled()).isFalse();
      try (ComputeContext.Scope t = unchecked.withValidation(true).enter()) {
        assertThat(Validation.isEnabled()).isTrue();
      }
      assertThat(ComputeContext.current()).isSameAs(unchecked);
    }
    assertThat(ComputeContext.current()).isSameAs(outer);
  }
}
