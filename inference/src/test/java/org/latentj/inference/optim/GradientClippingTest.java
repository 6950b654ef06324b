package org.latentj.inference.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Collection;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.latentj.nn.Parameter;

class GradientClippingTest {

  private static double[] gradients(Map<String, Parameter> params) {
    double[] out = new double[5];
    int j = 0;
    for (Parameter p : params.values()) {
      for (int i = 0; i < p.grad().getNumElements(); i++) {
        out[j++] = p.grad().data[i];
      }
    }
    return out;
  }

  @Test
  void largeGradientsAreScaledToMaxNorm() {
    Map<String, Parameter> params = Fixtures.threeParameters();
    // Norm sqrt(9 + 16 + 144 + 0 + 0) = 13 across three parameters.
    Fixtures.setGradients(params, 3, -4, 12, 0, 0);
    Collection<Parameter> all = params.values();
    double before = GradientClipping.toMaxNorm(2).clip(all);
    assertThat(before).isEqualTo(13.0);
    double scale = 2 / (13 + 1e-6);
    assertThat(gradients(params)).containsExactly(
        new double[] {3 * scale, -4 * scale, 12 * scale, 0, 0}, within(1e-15));
    assertThat(GradientClipping.globalNorm(all)).isCloseTo(2, within(2e-7))
        .isLessThan(2);
  }

  @Test
  void smallGradientsAreUntouched() {
    Map<String, Parameter> params = Fixtures.threeParameters();
    Fixtures.setGradients(params, 0.3, -0.4, 1.2, 0, 0.01);
    double[] before = gradients(params);
    double norm = GradientClipping.toMaxNorm(5).clip(params.values());
    assertThat(norm).isCloseTo(Math.sqrt(0.09 + 0.16 + 1.44 + 0.0001), within(1e-15));
    assertThat(gradients(params)).containsExactly(before);
    // Exactly at the limit is not above it.
    Fixtures.setGradients(params, 3, 4, 0, 0, 0);
    GradientClipping.toMaxNorm(5).clip(params.values());
    assertThat(gradients(params)).containsExactly(3, 4, 0, 0, 0);
  }

  @Test
  void nonFiniteNormsAreReportedAndNothingIsScaled() {
    Map<String, Parameter> params = Fixtures.threeParameters();
    Fixtures.setGradients(params, 1, Double.POSITIVE_INFINITY, 2, 0, 3);
    assertThat(GradientClipping.toMaxNorm(1).clip(params.values()))
        .isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(gradients(params)).containsExactly(1, Double.POSITIVE_INFINITY, 2, 0, 3);
    Fixtures.setGradients(params, 1, Double.NEGATIVE_INFINITY, Double.NaN, 0, 3);
    assertThat(GradientClipping.toMaxNorm(1).clip(params.values())).isNaN();
    assertThat(gradients(params)).containsExactly(1, Double.NEGATIVE_INFINITY, Double.NaN, 0, 3);
  }

  @Test
  void hugeFiniteGradientsDoNotOverflowTheNorm() {
    Map<String, Parameter> params = Fixtures.threeParameters();
    Fixtures.setGradients(params, 3e200, 0, -4e200, 0, 0);
    double norm = GradientClipping.toMaxNorm(1).clip(params.values());
    assertThat(norm).isCloseTo(5e200, within(1e186));
    assertThat(GradientClipping.globalNorm(params.values())).isCloseTo(1, within(1e-6));
  }

  @Test
  void infiniteMaxNormOnlyMeasures() {
    Map<String, Parameter> params = Fixtures.threeParameters();
    Fixtures.setGradients(params, 3e10, 4e10, 0, 0, 0);
    assertThat(GradientClipping.toMaxNorm(Double.POSITIVE_INFINITY).clip(params.values()))
        .isEqualTo(5e10);
    assertThat(gradients(params)).containsExactly(3e10, 4e10, 0, 0, 0);
  }

  @Test
  void maxNormIsValidated() {
    for (double bad : new double[] {0, -1, Double.NaN}) {
      assertThatThrownBy(() -> GradientClipping.toMaxNorm(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("GradientClipping: maxNorm must be > 0, got " + bad);
    }
    assertThat(GradientClipping.toMaxNorm(1.5).toString())
        .isEqualTo("GradientClipping{maxNorm=1.5, epsilon=1.0E-6}");
  }
}
