package org.latentj.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.latentj.testing.GradientCheck;
import org.latentj.testing.Matrices;

/** The fused Bernoulli log-likelihood against its composed form and finite differences. */
class SigmoidCrossEntropyTest {

  private final UniformRandomProvider rng = Rngs.create(11);

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource({"1, 1", "1, 7", "5, 1", "4, 9"})
  void equalsTheComposedOpsInValueAndGradient(int rows, int cols) {
    DMatrixRMaj l = Matrices.uniform(rng, rows, cols, -8, 8);
    DMatrixRMaj x = Matrices.uniform(rng, rows, cols, 0, 1);
    Tensor fusedL = Tensor.variable(l.copy());
    Tensor fusedX = Tensor.variable(x.copy());
    Tensor composedL = Tensor.variable(l.copy());
    Tensor composedX = Tensor.variable(x.copy());
    Tensor fused = fusedL.bernoulliLogLikelihoodRows(fusedX);
    Tensor composed = composedX.mul(composedL).sub(composedL.softplus()).rowSums();
    DMatrixRMaj seed = Matrices.normal(rng, rows, 1);
    fused.backward(seed);
    composed.backward(seed);
    for (int i = 0; i < rows; i++) {
      assertThat(fused.get(i, 0)).isCloseTo(composed.get(i, 0), within(1e-12));
    }
    for (int k = 0; k < rows * cols; k++) {
      assertThat(fusedL.grad().data[k]).isCloseTo(composedL.grad().data[k], within(1e-12));
      assertThat(fusedX.grad().data[k]).isCloseTo(composedX.grad().data[k], within(1e-12));
    }
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource({"1, 1", "3, 5"})
  void matchesFiniteDifferencesInLogitsAndValues(int rows, int cols) {
    GradientCheck.standard().check("bernoulliLogLikelihoodRows",
        in -> in[0].bernoulliLogLikelihoodRows(in[1]),
        Matrices.uniform(rng, rows, cols, -5, 5), Matrices.uniform(rng, rows, cols, 0, 1));
  }

  @Test
  void constantLogitsPassTheGradientToTheValuesOnly() {
    Tensor l = Tensor.row(-2, 0.5, 3);
    Tensor x = Tensor.variable(new DMatrixRMaj(1, 3, true, 0.1, 0.9, 0.4));
    l.bernoulliLogLikelihoodRows(x).backward();
    assertThat(x.grad().data).containsExactly(-2, 0.5, 3);
  }

  @Test
  void staysFiniteAtExtremeLogits() {
    Tensor l = Tensor.variable(new DMatrixRMaj(1, 4, true, -1000, 1000, -40, 40));
    Tensor x = Tensor.row(0, 1, 1, 0);
    Tensor y = l.bernoulliLogLikelihoodRows(x);
    y.backward();
    assertThat(y.item()).isCloseTo(-40 - 40 - 2 * Math.log1p(Math.exp(-40)), within(1e-9));
    double e = Math.exp(-40);
    assertThat(l.grad().data).containsExactly(new double[] {0, 0, 1 - e / (1 + e),
        -1 / (1 + e)}, within(1e-15));
  }

  @Test
  void namesBothShapesWhenTheyDiffer() {
    assertThatThrownBy(() -> Tensor.zeros(2, 3).bernoulliLogLikelihoodRows(Tensor.zeros(2, 4)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2x3").hasMessageContaining("2x4");
  }
}
