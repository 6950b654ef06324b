package org.latentj.inference.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.latentj.model.Optimizer;
import org.latentj.nn.Parameter;
import org.latentj.tensor.DType;
import org.latentj.tensor.Rngs;

/**
 * {@link FusedStep}: the fused pass is the plain step followed by zeroing, bit for bit, in both
 * dtypes and across Adam's chunks; a non-finite gradient is found where it is and the step is
 * not counted.
 */
class FusedStepTest {

  static List<Fixtures.Config> configurations() {
    return Fixtures.everyConfiguration();
  }

  /** The three fixture parameters plus a 50x50 one, three of AdamKernel's chunks long. */
  private static Map<String, Parameter> parameters(DType dtype) {
    Map<String, Parameter> m = new LinkedHashMap<>();
    Fixtures.threeParameters().forEach((name, p) -> m.put(name,
        Parameter.of(p.name(), p.value(), dtype)));
    DMatrixRMaj big = Rngs.standardNormal(Rngs.create(4), 50, 50);
    m.put("dec.big", Parameter.of("big", big, dtype));
    return m;
  }

  private static void gradients(Map<String, Parameter> params, UniformRandomProvider rng) {
    for (Parameter p : params.values()) {
      DMatrixRMaj g = Rngs.standardNormal(rng, p.rows(), p.cols());
      for (int i = 0; i < g.data.length; i++) {
        set(p, i, g.data[i]);
      }
    }
  }

  private static void set(Parameter p, int i, double x) {
    if (p.dtype() == DType.FLOAT64) {
      p.grad().data[i] = x;
    } else {
      p.gradF().data[i] = (float) x;
    }
  }

  private static double[] flat(Map<String, Parameter> params, boolean gradient) {
    return params.values().stream().flatMapToDouble(p -> {
      int n = p.rows() * p.cols();
      double[] out = new double[n];
      for (int i = 0; i < n; i++) {
        out[i] = p.dtype() == DType.FLOAT64
            ? (gradient ? p.grad() : p.value()).data[i]
            : (gradient ? p.gradF() : p.valueF()).data[i];
      }
      return java.util.Arrays.stream(out);
    }).toArray();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configurations")
  void theFusedPassIsTheStepThenZeroingBitForBit(Fixtures.Config config) {
    for (DType dtype : DType.values()) {
      Map<String, Parameter> plain = parameters(dtype);
      Map<String, Parameter> fused = parameters(dtype);
      Optimizer a = config.build(plain);
      FusedStep b = (FusedStep) config.build(fused);
      UniformRandomProvider ra = Rngs.create(9);
      UniformRandomProvider rb = Rngs.create(9);
      for (int t = 0; t < 4; t++) {
        gradients(plain, ra);
        gradients(fused, rb);
        a.step();
        a.zeroGrad();
        assertThat(b.stepIfFiniteThenZeroGrad()).isNull();
        assertThat(flat(fused, false)).as("%s %s step %d", config, dtype, t)
            .containsExactly(flat(plain, false));
        assertThat(flat(fused, true)).containsOnly(0.0);
      }
      assertThat(((Optimizer) b).steps()).isEqualTo(4);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configurations")
  void aNonFiniteGradientIsFoundWhereItIsAndTheStepIsNotCounted(Fixtures.Config config) {
    for (DType dtype : DType.values()) {
      Map<String, Parameter> params = parameters(dtype);
      FusedStep opt = (FusedStep) config.build(params);
      gradients(params, Rngs.create(2));
      // Row 31, column 7 of the 50x50 parameter: element 1557, in the second chunk.
      set(params.get("dec.big"), 31 * 50 + 7, Double.POSITIVE_INFINITY);
      FusedStep.NonFinite bad = opt.stepIfFiniteThenZeroGrad();
      assertThat(bad).isEqualTo(new FusedStep.NonFinite("dec.big", 31, 7,
          Double.POSITIVE_INFINITY));
      assertThat(((Optimizer) opt).steps()).isZero();
    }
  }
}
