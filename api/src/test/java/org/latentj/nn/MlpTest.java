package org.latentj.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;
import org.latentj.testing.GradientCheck;
import org.latentj.testing.Matrices;

class MlpTest {

  @Test
  void reluLayersRunFusedWithTheSameValuesAndGradientsAsLayerByLayer() {
    UniformRandomProvider rng = Rngs.create(3);
    Mlp mlp = new Mlp(new int[] {5, 7, 6, 3}, Activation.RELU, Initializer.glorotNormal(), rng);
    for (Parameter p : mlp.parameters().values()) {
      Rngs.fillStandardNormal(rng, p.value());
    }
    Sequential plain = new Sequential(mlp.layers());
    Tensor x = Tensor.variable(Matrices.normal(rng, 8, 5));
    Tensor fused = mlp.forward(x);
    Tensor reference = plain.forward(x);
    assertThat(fused.op()).isEqualTo("affine");
    assertThat(fused.value().data).containsExactly(reference.value().data);
    fused.sum().backward();
    DMatrixRMaj gradFused = x.grad().copy();
    DMatrixRMaj weightFused = mlp.parameters().get("layer0.weight").grad().copy();
    x.zeroGrad();
    mlp.zeroGrad();
    reference.sum().backward();
    assertThat(gradFused.data).containsExactly(x.grad().data);
    assertThat(weightFused.data)
        .containsExactly(mlp.parameters().get("layer0.weight").grad().data);
  }

  @Test
  void parametersAreNamedByPathInOrder() {
    Mlp mlp = new Mlp(new int[] {4, 3, 2}, Activation.TANH, Initializer.glorotUniform(),
        Rngs.create(1));
    assertThat(mlp.parameters().keySet()).containsExactly(
        "layer0.weight", "layer0.bias", "layer2.weight", "layer2.bias");
    assertThat(mlp.parameterCount()).isEqualTo(4 * 3 + 3 + 3 * 2 + 2);
    assertThat(mlp.parameters().get("layer0.weight").value().numRows).isEqualTo(4);
  }

  @ParameterizedTest
  @EnumSource(Activation.class)
  void wholeNetworkPassesGradientCheck(Activation activation) {
    UniformRandomProvider rng = Rngs.create(7);
    Mlp mlp = new Mlp(new int[] {3, 5, 4, 2}, activation, Initializer.glorotNormal(), rng);
    // Non-zero biases so every path of the network is exercised.
    for (Parameter p : mlp.parameters().values()) {
      Rngs.fillStandardNormal(rng, p.value());
    }
    Tensor x = Tensor.variable(Matrices.normal(rng, 6, 3));
    List<Tensor> leaves = new ArrayList<>();
    leaves.add(x);
    mlp.parameters().values().forEach(p -> leaves.add(p.tensor()));
    GradientCheck.standard().checkLeaves("mlp " + activation, () -> mlp.forward(x), leaves);
  }

  @Test
  void fitsASmallRegressionByPlainGradientDescent() {
    UniformRandomProvider rng = Rngs.create(2024);
    int n = 64;
    DMatrixRMaj xs = Matrices.uniform(rng, n, 2, -1, 1);
    DMatrixRMaj ys = new DMatrixRMaj(n, 1);
    for (int i = 0; i < n; i++) {
      ys.data[i] = Math.sin(2 * xs.get(i, 0)) + 0.5 * xs.get(i, 1) * xs.get(i, 0);
    }
    Tensor x = Tensor.constant(xs);
    Tensor y = Tensor.constant(ys);
    Mlp mlp = new Mlp(new int[] {2, 32, 32, 1}, Activation.TANH, Initializer.glorotUniform(),
        rng);

    double first = Double.NaN;
    double last = Double.NaN;
    double rate = 0.1;
    for (int step = 0; step < 3000; step++) {
      mlp.zeroGrad();
      Tensor loss = mlp.forward(x).sub(y).square().mean();
      loss.backward();
      for (Parameter p : mlp.parameters().values()) {
        double[] w = p.value().data;
        double[] g = p.grad().data;
        for (int k = 0; k < w.length; k++) {
          w[k] -= rate * g[k];
        }
      }
      if (step == 0) {
        first = loss.item();
      }
      last = loss.item();
    }
    assertThat(last).isLessThan(first / 100);
  }

  @Test
  void linearRejectsWrongInputWidth() {
    Linear linear = new Linear(4, 3, Initializer.zeros(), Rngs.create(1));
    assertThatThrownBy(() -> linear.forward(Tensor.zeros(2, 5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Linear(4 -> 3)").hasMessageContaining("2x5");
  }

  @Test
  void sameSeedGivesSameNetwork() {
    Mlp a = new Mlp(new int[] {5, 4, 3}, Activation.RELU, Initializer.heNormal(), Rngs.create(9));
    Mlp b = new Mlp(new int[] {5, 4, 3}, Activation.RELU, Initializer.heNormal(), Rngs.create(9));
    assertThat(a.parameters().get("layer0.weight").value().data)
        .containsExactly(b.parameters().get("layer0.weight").value().data);
  }
}
