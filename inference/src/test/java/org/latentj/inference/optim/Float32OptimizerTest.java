package org.latentj.inference.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.latentj.model.Optimizer;
import org.latentj.nn.Parameter;
import org.latentj.tensor.DType;
import org.latentj.tensor.Rngs;

/**
 * Every optimizer (Adam, AdamW, Sgd, Adagrad, RMSprop) on float32 parameters: float32 state, a
 * trajectory within 1e-5 of the float64 one over ten steps from the same
 * (float32-representable) start and gradients, and a state round trip that continues
 * bit-for-bit; gradient clipping.
 */
class Float32OptimizerTest {

  static List<Fixtures.Config> float32Configurations() {
    return Fixtures.everyConfiguration();
  }

  private static Map<String, Parameter> parameters(DType dtype) {
    Map<String, Parameter> m = new LinkedHashMap<>();
    Fixtures.threeParameters().forEach((name, p) -> m.put(name, Parameter.of(p.name(),
        p.value(), dtype)));
    return m;
  }

  /** The same standard normal gradients, rounded to float32, into parameters of either dtype. */
  private static void gradients(Map<String, Parameter> params, UniformRandomProvider rng) {
    for (Parameter p : params.values()) {
      DMatrixRMaj g = Rngs.standardNormal(rng, p.rows(), p.cols());
      for (int i = 0; i < g.data.length; i++) {
        float r = (float) g.data[i];
        if (p.dtype() == DType.FLOAT64) {
          p.grad().data[i] = r;
        } else {
          p.gradF().data[i] = r;
        }
      }
    }
  }

  /** {@code steps} steps of both optimizers on the same gradients, drawn from {@code seed}. */
  private static void lockstep(Optimizer a, Map<String, Parameter> pa, Optimizer b,
      Map<String, Parameter> pb, long seed, int steps) {
    UniformRandomProvider ra = Rngs.create(seed);
    UniformRandomProvider rb = Rngs.create(seed);
    for (int t = 0; t < steps; t++) {
      gradients(pa, ra);
      gradients(pb, rb);
      a.step();
      b.step();
    }
  }

  private static double[] flat(Map<String, Parameter> params) {
    return params.values().stream().flatMapToDouble(p -> {
      double[] v = new double[p.rows() * p.cols()];
      for (int i = 0; i < v.length; i++) {
        v[i] = p.tensor().get(i);
      }
      return java.util.Arrays.stream(v);
    }).toArray();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("float32Configurations")
  void float32TrajectoryFollowsFloat64(Fixtures.Config config) {
    Map<String, Parameter> wide = parameters(DType.FLOAT64);
    Map<String, Parameter> narrow = parameters(DType.FLOAT32);
    Optimizer a = config.build(wide);
    Optimizer b = config.build(narrow);
    lockstep(a, wide, b, narrow, 5, 10);
    double[] x = flat(wide);
    double[] y = flat(narrow);
    for (int i = 0; i < x.length; i++) {
      assertThat(y[i]).as("element %d", i).isCloseTo(x[i], offset(1e-5 * Math.max(1, Math.abs(x[i]))));
    }
    for (String key : b.state().keySet()) {
      assertThat(b.stateDtype(key)).as(key).isEqualTo(DType.FLOAT32);
      assertThat(a.stateDtype(key)).as(key).isEqualTo(DType.FLOAT64);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("float32Configurations")
  void float32StateRoundTripContinuesBitForBit(Fixtures.Config config) {
    Map<String, Parameter> params = parameters(DType.FLOAT32);
    Optimizer original = config.build(params);
    UniformRandomProvider rng = Rngs.create(11);
    for (int t = 0; t < 3; t++) {
      gradients(params, rng);
      original.step();
    }
    Map<String, Parameter> copy = new LinkedHashMap<>();
    params.forEach((name, p) -> copy.put(name, new Parameter(p.name(), p.valueF().copy())));
    Optimizer restored = config.build(copy);
    restored.loadState(original.state(), original.scalarState());
    lockstep(original, params, restored, copy, 12, 3);
    assertThat(flat(copy)).containsExactly(flat(params));
  }

  @Test
  void float32ParametersKeepFloat32Values() {
    Map<String, Parameter> params = parameters(DType.FLOAT32);
    Optimizer adam = Adam.builder().build(params);
    gradients(params, Rngs.create(1));
    adam.step();
    FMatrixRMaj w = params.get("enc.w").valueF();
    assertThat(w.data[0]).isNotEqualTo(0.5f);
  }
  @Test
  void clippingFloat32GradientsAgreesWithFloat64() {
    Map<String, Parameter> wide = parameters(DType.FLOAT64);
    Map<String, Parameter> narrow = parameters(DType.FLOAT32);
    gradients(wide, Rngs.create(3));
    gradients(narrow, Rngs.create(3));
    GradientClipping clip = GradientClipping.toMaxNorm(0.5);
    assertThat(clip.clip(narrow.values())).isEqualTo(clip.clip(wide.values()));
    for (String name : wide.keySet()) {
      DMatrixRMaj g = wide.get(name).grad();
      FMatrixRMaj f = narrow.get(name).gradF();
      for (int i = 0; i < g.getNumElements(); i++) {
        assertThat((double) f.data[i]).isCloseTo(g.data[i], offset(1e-7));
      }
    }
  }
}
