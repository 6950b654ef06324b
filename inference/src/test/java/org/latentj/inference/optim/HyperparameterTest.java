package org.latentj.inference.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.model.Optimizer;
import org.latentj.nn.Parameter;

/** Settings are validated with messages naming the algorithm and argument, and printed. */
class HyperparameterTest {

  private static void rejects(ThrowingCallable call, String... fragments) {
    var thrown = assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class);
    for (String f : fragments) {
      thrown.hasMessageContaining(f);
    }
  }

  @Test
  void ratesRejectNanInfinityAndNegatives() {
    for (double bad : new double[] {Double.NaN, -1e-3, Double.POSITIVE_INFINITY}) {
      rejects(() -> Sgd.builder().learningRate(bad), "Sgd", "learningRate", String.valueOf(bad));
      rejects(() -> Adagrad.builder().learningRate(bad), "Adagrad", "learningRate");
      rejects(() -> RmsProp.builder().learningRate(bad), "RmsProp", "learningRate");
      rejects(() -> Adam.builder().learningRate(bad), "Adam", "learningRate");
      rejects(() -> AdamW.builder().learningRate(bad), "AdamW", "learningRate");
      rejects(() -> Sgd.builder().weightDecay(bad), "Sgd", "weightDecay");
      rejects(() -> Adagrad.builder().weightDecay(bad), "Adagrad", "weightDecay");
      rejects(() -> RmsProp.builder().weightDecay(bad), "RmsProp", "weightDecay");
      rejects(() -> Adam.builder().weightDecay(bad), "Adam", "weightDecay");
      rejects(() -> AdamW.builder().weightDecay(bad), "AdamW", "weightDecay");
      rejects(() -> Adagrad.builder().initialAccumulator(bad), "initialAccumulator");
      rejects(() -> Adam.builder().eps(bad), "Adam", "eps");
    }
  }

  @Test
  void epsMustBePositive() {
    rejects(() -> Adagrad.builder().eps(0), "Adagrad: eps must be finite and > 0, got 0.0");
    rejects(() -> RmsProp.builder().eps(0), "RmsProp", "eps");
    rejects(() -> AdamW.builder().eps(-1e-8), "AdamW", "eps");
  }

  @Test
  void decayFactorsMustLieInZeroOne() {
    for (double bad : new double[] {Double.NaN, -0.1, 1.0, 1.5}) {
      rejects(() -> Adam.builder().beta1(bad), "Adam: beta1 must be in [0, 1)");
      rejects(() -> Adam.builder().beta2(bad), "Adam: beta2 must be in [0, 1)");
      rejects(() -> AdamW.builder().beta2(bad), "AdamW: beta2");
      rejects(() -> RmsProp.builder().alpha(bad), "RmsProp: alpha");
      rejects(() -> RmsProp.builder().momentum(bad), "RmsProp: momentum");
      rejects(() -> Sgd.builder().momentum(bad), "Sgd: momentum");
    }
  }

  @Test
  void nesterovNeedsMomentum() {
    rejects(() -> Sgd.builder().nesterov(true).build(Fixtures.threeParameters()),
        "Sgd: nesterov needs momentum > 0");
  }

  @Test
  void parameterSetMustBeNonEmptyAndDistinct() {
    rejects(() -> Adam.builder().build(Map.of()), "Adam: no parameters to optimize");
    Parameter shared = new Parameter("w", new DMatrixRMaj(1, 1));
    Map<String, Parameter> twice = new LinkedHashMap<>();
    twice.put("a.w", shared);
    twice.put("b.w", shared);
    rejects(() -> Sgd.builder().build(twice), "Sgd: parameter 'b.w' is the same object as 'a.w'");
  }

  @Test
  void setLearningRateIsValidated() {
    Optimizer adam = Adam.builder().build(Fixtures.threeParameters());
    rejects(() -> adam.setLearningRate(Double.NaN), "Adam", "learningRate", "NaN");
    adam.setLearningRate(0.25);
    assertThat(adam.learningRate()).isEqualTo(0.25);
  }

  @Test
  void toStringListsEveryHyperparameter() {
    Map<String, Parameter> p = Fixtures.threeParameters();
    assertThat(Sgd.builder().learningRate(0.1).momentum(0.9).nesterov(true).weightDecay(0.01)
        .build(p).toString()).isEqualTo("Sgd{learningRate=0.1, momentum=0.9, nesterov=true,"
            + " weightDecay=0.01, parameters=3 (5 values), steps=0}");
    assertThat(Adagrad.builder().build(p).toString()).isEqualTo("Adagrad{learningRate=0.01,"
        + " eps=1.0E-10, initialAccumulator=0.0, weightDecay=0.0, parameters=3 (5 values),"
        + " steps=0}");
    assertThat(RmsProp.builder().build(p).toString()).isEqualTo("RmsProp{learningRate=0.01,"
        + " alpha=0.99, eps=1.0E-8, momentum=0.0, centered=false, weightDecay=0.0,"
        + " parameters=3 (5 values), steps=0}");
    assertThat(Adam.builder().eps(1e-4).build(p).toString()).isEqualTo("Adam{learningRate=0.001,"
        + " beta1=0.9, beta2=0.999, eps=1.0E-4, weightDecay=0.0, parameters=3 (5 values),"
        + " steps=0}");
    assertThat(AdamW.builder().build(p).toString()).isEqualTo("AdamW{learningRate=0.001,"
        + " beta1=0.9, beta2=0.999, eps=1.0E-8, weightDecay=0.01, parameters=3 (5 values),"
        + " steps=0}");
  }

  @Test
  void aBuilderMakesIndependentOptimizers() {
    Adam.Builder settings = Adam.builder().learningRate(0.1);
    Map<String, Parameter> p = Fixtures.threeParameters();
    Adam first = settings.build(p);
    Fixtures.randomGradients(p, org.latentj.tensor.Rngs.create(1));
    first.step();
    Adam second = settings.build(Fixtures.threeParameters());
    assertThat(second.steps()).isZero();
    second.state().values().forEach(m -> assertThat(m.data).containsOnly(0.0));
  }
}
