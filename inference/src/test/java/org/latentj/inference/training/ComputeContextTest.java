package org.latentj.inference.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.inject.Guice;
import com.google.inject.Module;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.inference.evaluation.Evaluator;
import org.latentj.inference.guice.TrainingModule;
import org.latentj.inference.guice.VaeModule;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.inference.objectives.Elbo;
import org.latentj.model.Batch;
import org.latentj.model.Objective;
import org.latentj.model.Validation;
import org.latentj.nn.Activation;
import org.latentj.tensor.ComputeContext;
import org.latentj.tensor.DType;
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

  /** A context of its own: {@code kernel}'s products, no validation. */
  private static ComputeContext own(MatMulKernel kernel) {
    return ComputeContext.processDefault().withKernel(kernel).withValidation(false);
  }

  /** The small VAE's {@link Svi}, wired with {@code modules} beside its {@link VaeModule}. */
  private static Svi svi(Module... modules) {
    List<Module> all = new ArrayList<>(List.of(new VaeModule(SMALL)));
    all.addAll(List.of(modules));
    return Guice.createInjector(all).getInstance(Svi.class);
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
    ComputeContext own = own(counting);
    List<Object> seenA = new ArrayList<>();
    List<Object> seenB = new ArrayList<>();
    Svi a = recording(svi(TrainingModule.context(own)), seenA);
    Svi b = recording(svi(), seenB);
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

  @Test
  void theEvaluatorComputesInTheModelsContextLikeItsSteps() {
    CountingKernel counting = new CountingKernel();
    Svi svi = svi(TrainingModule.context(own(counting)));
    List<Object> seen = new ArrayList<>();
    Objective watched = (model, guide, batch, rng) -> {
      seen.add(MatMul.kernel());
      seen.add(Validation.isEnabled());
      return new Elbo().bound(model, guide, batch, rng);
    };
    DMatrixRMaj x = batch().data().value();

    double inContext = new Evaluator(svi.model(), svi.guide()).inContext(svi.context())
        .meanBound(watched, x, 2, Rngs.create(3));
    int products = counting.calls;
    double outside = new Evaluator(svi.model(), svi.guide()).meanBound(watched, x, 2,
        Rngs.create(3));

    assertThat(products).isPositive();
    assertThat(counting.calls).isEqualTo(products); // the second evaluation used none of them
    assertThat(seen).containsExactly(counting, false, counting, false, MatMul.kernel(), true,
        MatMul.kernel(), true);
    assertThat(inContext).isCloseTo(outside, within(1e-9));
    assertThat(Validation.isEnabled()).isTrue();
  }

  @Test
  void theEvaluatorRefusesAContextInAnotherDtypeThanTheModel() {
    Svi f32 = svi(VaeModule.dtype(DType.FLOAT32));
    Evaluator evaluator = new Evaluator(f32.model(), f32.guide());
    ComputeContext float64 = ComputeContext.processDefault().withDtype(DType.FLOAT64);
    assertThatThrownBy(() -> evaluator.inContext(float64).meanBound(new Elbo(),
        batch().data().value(), 4, Rngs.create(3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Evaluator: the context computes in float64 but the model's parameters are"
            + " float32; give the context the model's dtype (ComputeContext.withDtype)");
    ComputeContext float32 = float64.withDtype(DType.FLOAT32);
    double bound = evaluator.inContext(float32).meanBound(new Elbo(),
        batch().data().value(), 4, Rngs.create(3));
    assertThat(bound).isFinite().isNegative();
    assertThat(evaluator.context()).isSameAs(float32);
  }

  @Test
  void sviRefusesAContextInAnotherDtypeThanTheModel() {
    ComputeContext float32 = ComputeContext.processDefault().withDtype(DType.FLOAT32);
    Svi svi = svi().inContext(float32);
    assertThatThrownBy(() -> svi.step(batch(), Rngs.create(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Svi: the context computes in float32 but the model's parameters are"
            + " float64; give the context the model's dtype (ComputeContext.withDtype)");
    Svi injected = svi(TrainingModule.context(float32));
    assertThatThrownBy(() -> injected.step(batch(), Rngs.create(1)))
        .hasMessageStartingWith("Svi: the context computes in float32");
    assertThat(svi(VaeModule.dtype(DType.FLOAT32), TrainingModule.context(float32)).context())
        .isSameAs(float32);
  }

  /**
   * The order the javadoc expects: a float32 context first, then the model converted; a guide
   * left in float64 is named when a step starts, and once both are converted the figures run.
   */
  @Test
  void aFloat32ContextMayBeGivenBeforeTheModelIsConverted() {
    ComputeContext float32 = ComputeContext.processDefault().withDtype(DType.FLOAT32);
    Svi svi = svi().inContext(float32);
    Evaluator evaluator = new Evaluator(svi.model(), svi.guide()).inContext(float32);
    svi.model().convertTo(DType.FLOAT32);
    assertThatThrownBy(() -> svi.step(batch(), Rngs.create(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Svi: the model's parameters are float32 but the guide's are float64;"
            + " convert both (convertTo)");
    svi.guide().convertTo(DType.FLOAT32);
    // (The Svi's optimizer kept float64 moments from its construction, so only the figures run.)
    assertThat(evaluator.meanBound(new Elbo(), batch().data().value(), 4, Rngs.create(3)))
        .isFinite().isNegative();
  }

  @Test
  void aModelConvertedAfterItsContextWasGivenIsRefusedWhereTheContextIsEntered() {
    Svi svi = svi(TrainingModule.context(ComputeContext.processDefault()
        .withDtype(DType.FLOAT64)));
    Evaluator evaluator = new Evaluator(svi.model(), svi.guide()).inContext(svi.context());
    svi.model().convertTo(DType.FLOAT32);
    svi.guide().convertTo(DType.FLOAT32);

    assertThatThrownBy(() -> svi.step(batch(), Rngs.create(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Svi: the context computes in float64 but the model's parameters are"
            + " float32; give the context the model's dtype (ComputeContext.withDtype)");
    assertThatThrownBy(() -> evaluator.meanBound(new Elbo(), batch().data().value(), 4,
        Rngs.create(3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Evaluator: the context computes in float64 but the model's"
            + " parameters are float32");
  }
}
