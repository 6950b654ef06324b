package org.latentj.inference.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.latentj.model.Optimizer;
import org.latentj.nn.Parameter;
import org.latentj.tensor.Rngs;

/** Checkpoints: state() / loadState() resume bit-for-bit, and bad state fails clearly. */
class StateRoundTripTest {

  static List<Fixtures.Config> configurations() {
    return Fixtures.everyConfiguration();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configurations")
  void freshOptimizerContinuesBitForBit(Fixtures.Config config) {
    Map<String, Parameter> params = Fixtures.threeParameters();
    Optimizer original = config.build(params);
    UniformRandomProvider rng = Rngs.create(11);
    for (int t = 0; t < 3; t++) {
      Fixtures.randomGradients(params, rng);
      original.step();
    }
    original.setLearningRate(original.learningRate() * 0.5);
    Map<String, DMatrixRMaj> saved = original.state();
    Map<String, Double> savedScalars = original.scalarState();
    Map<String, Parameter> restoredParams = Fixtures.copyOf(params);

    Optimizer restored = config.build(restoredParams);
    restored.loadState(saved, savedScalars);
    assertThat(restored.steps()).isEqualTo(3);
    assertThat(restored.learningRate()).isEqualTo(original.learningRate());
    assertThat(restored.toString()).isEqualTo(original.toString());

    UniformRandomProvider a = Rngs.create(12);
    UniformRandomProvider b = Rngs.create(12);
    for (int t = 0; t < 4; t++) {
      Fixtures.randomGradients(params, a);
      Fixtures.randomGradients(restoredParams, b);
      original.step();
      restored.step();
    }
    assertThat(Fixtures.values(restoredParams)).containsExactly(Fixtures.values(params));
    Map<String, DMatrixRMaj> left = original.state();
    Map<String, DMatrixRMaj> right = restored.state();
    assertThat(right.keySet()).containsExactlyElementsOf(left.keySet());
    left.forEach((key, m) -> assertThat(right.get(key).data).as(key).containsExactly(m.data));
    assertThat(restored.scalarState()).isEqualTo(original.scalarState());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configurations")
  void stateIsASnapshotKeyedByKindAndParameterName(Fixtures.Config config) {
    Map<String, Parameter> params = Fixtures.threeParameters();
    Optimizer optimizer = config.build(params);
    Fixtures.randomGradients(params, Rngs.create(3));
    optimizer.step();
    Map<String, DMatrixRMaj> snapshot = optimizer.state();
    for (String key : snapshot.keySet()) {
      String name = key.substring(key.indexOf('/') + 1);
      assertThat(params).as(key).containsKey(name);
      assertThat(snapshot.get(key).numRows).isEqualTo(params.get(name).rows());
      assertThat(snapshot.get(key).numCols).isEqualTo(params.get(name).cols());
    }
    Map<String, DMatrixRMaj> copy = new LinkedHashMap<>();
    snapshot.forEach((k, m) -> copy.put(k, m.copy()));
    optimizer.step();
    // Later steps do not reach the snapshot ...
    copy.forEach((k, m) -> assertThat(snapshot.get(k).data).as(k).containsExactly(m.data));
    // ... nor do the caller's edits reach the optimizer.
    snapshot.values().forEach(m -> m.fill(123));
    optimizer.state().forEach((k, m) -> assertThat(m.data).as(k).doesNotContain(123.0));
    assertThat(optimizer.scalarState()).containsEntry("steps", 2.0)
        .containsEntry("learningRate", optimizer.learningRate());
  }

  @Test
  void everyBufferOfEachAlgorithmIsListed() {
    Map<String, Parameter> params = Fixtures.threeParameters();
    assertThat(Adam.builder().build(params).state().keySet()).containsExactly(
        "m/enc.w", "m/enc.b", "m/dec.s", "v/enc.w", "v/enc.b", "v/dec.s");
    assertThat(Sgd.builder().build(params).state()).isEmpty();
    assertThat(Sgd.builder().momentum(0.5).build(params).state().keySet()).containsExactly(
        "momentum/enc.w", "momentum/enc.b", "momentum/dec.s");
    assertThat(Adagrad.builder().build(params).state().keySet()).containsExactly(
        "sumSquares/enc.w", "sumSquares/enc.b", "sumSquares/dec.s");
    assertThat(RmsProp.builder().momentum(0.5).centered(true).build(params).state().keySet())
        .containsExactly("squareAvg/enc.w", "squareAvg/enc.b", "squareAvg/dec.s",
            "gradAvg/enc.w", "gradAvg/enc.b", "gradAvg/dec.s",
            "momentum/enc.w", "momentum/enc.b", "momentum/dec.s");
    assertThat(Adagrad.builder().initialAccumulator(0.25).build(params).state()
        .get("sumSquares/enc.b").data).containsExactly(0.25, 0.25);
  }

  private static Adam steppedAdam(Map<String, Parameter> params) {
    Adam adam = Adam.builder().build(params);
    Fixtures.randomGradients(params, Rngs.create(5));
    adam.step();
    return adam;
  }

  @Test
  void unknownBufferNameFails() {
    Adam adam = steppedAdam(Fixtures.threeParameters());
    Map<String, DMatrixRMaj> state = adam.state();
    state.put("m/enc.typo", state.remove("m/enc.w"));
    assertThatThrownBy(() -> adam.loadState(state, adam.scalarState()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Adam.loadState").hasMessageContaining("unknown buffer 'm/enc.typo'");
  }

  @Test
  void missingBufferFails() {
    Adam adam = steppedAdam(Fixtures.threeParameters());
    Map<String, DMatrixRMaj> state = adam.state();
    state.remove("v/dec.s");
    assertThatThrownBy(() -> adam.loadState(state, adam.scalarState()))
        .hasMessageContaining("missing buffer 'v/dec.s' (expected 1x1)");
  }

  @Test
  void wrongShapeFailsNamingBothShapes() {
    Adam adam = steppedAdam(Fixtures.threeParameters());
    Map<String, DMatrixRMaj> state = adam.state();
    state.put("v/enc.b", new DMatrixRMaj(1, 2));
    assertThatThrownBy(() -> adam.loadState(state, adam.scalarState()))
        .hasMessageContaining("buffer 'v/enc.b' is 1x2, expected 2x1");
  }

  @Test
  void impossibleValuesFailNamingBufferRowAndColumn() {
    Adam adam = steppedAdam(Fixtures.threeParameters());
    Map<String, DMatrixRMaj> state = adam.state();
    state.get("m/enc.w").set(0, 1, Double.NaN);
    assertThatThrownBy(() -> adam.loadState(state, adam.scalarState()))
        .hasMessageContaining("buffer 'm/enc.w' holds NaN at row 0, column 1");
    Map<String, DMatrixRMaj> negative = adam.state();
    negative.get("v/enc.b").set(1, 0, -1);
    assertThatThrownBy(() -> adam.loadState(negative, adam.scalarState()))
        .hasMessageContaining("buffer 'v/enc.b' holds -1.0 at row 1, column 0")
        .hasMessageContaining(">= 0");
  }

  @Test
  void badScalarsFail() {
    Adam adam = steppedAdam(Fixtures.threeParameters());
    Map<String, Double> scalars = adam.scalarState();
    scalars.put("steps", 2.5);
    assertThatThrownBy(() -> adam.loadState(adam.state(), scalars))
        .hasMessageContaining("scalar 'steps' must be a whole number >= 0, got 2.5");
    Map<String, Double> missing = adam.scalarState();
    missing.remove("learningRate");
    assertThatThrownBy(() -> adam.loadState(adam.state(), missing))
        .hasMessageContaining("missing scalar 'learningRate'");
    Map<String, Double> unknown = adam.scalarState();
    unknown.put("beta1", 0.9);
    assertThatThrownBy(() -> adam.loadState(adam.state(), unknown))
        .hasMessageContaining("unknown scalar 'beta1'");
    Map<String, Double> negativeRate = adam.scalarState();
    negativeRate.put("learningRate", -1.0);
    assertThatThrownBy(() -> adam.loadState(adam.state(), negativeRate))
        .hasMessageContaining("learningRate").hasMessageContaining("-1.0");
  }

  @Test
  void failedLoadChangesNothing() {
    Map<String, Parameter> params = Fixtures.threeParameters();
    Adam adam = steppedAdam(params);
    Map<String, DMatrixRMaj> before = adam.state();
    Map<String, DMatrixRMaj> bad = adam.state();
    bad.values().forEach(m -> m.fill(0.5));
    bad.put("v/dec.s", new DMatrixRMaj(2, 2));
    Map<String, Double> scalars = Map.of("steps", 40.0, "learningRate", 0.5);
    assertThatThrownBy(() -> adam.loadState(bad, scalars))
        .isInstanceOf(IllegalArgumentException.class);
    Map<String, DMatrixRMaj> after = adam.state();
    before.forEach((k, m) -> assertThat(after.get(k).data).as(k).containsExactly(m.data));
    assertThat(adam.steps()).isEqualTo(1);
    assertThat(adam.learningRate()).isEqualTo(1e-3);
  }
}
