package org.latentj.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.tensor.DType;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;
import org.latentj.testing.DtypeCheck;
import org.latentj.testing.Matrices;

/** Layers built in float32, and modules converted between dtypes. */
class Float32ModuleTest {

  private static Mlp mlp(DType dtype) {
    return new Mlp(new int[] {5, 7, 3}, Activation.TANH, Initializer.glorotUniform(),
        Rngs.create(1), dtype);
  }

  @Test
  void oneSeedGivesTheSameWeightsRoundedInFloat32() {
    Mlp wide = mlp(DType.FLOAT64);
    Mlp narrow = mlp(DType.FLOAT32);
    assertThat(narrow.dtype()).isEqualTo(DType.FLOAT32);
    for (String name : wide.parameters().keySet()) {
      Parameter w = wide.parameters().get(name);
      Parameter n = narrow.parameters().get(name);
      assertThat(n.dtype()).isEqualTo(DType.FLOAT32);
      for (int i = 0; i < w.rows() * w.cols(); i++) {
        assertThat(n.valueF().data[i]).isEqualTo((float) w.value().data[i]);
      }
    }
  }

  @Test
  void aFloat32MlpAgreesWithItsFloat64Twin() {
    Mlp wide = mlp(DType.FLOAT64);
    Mlp narrow = mlp(DType.FLOAT32);
    DMatrixRMaj x = Matrices.normal(Rngs.create(2), 4, 5);
    Tensor y64 = wide.forward(Tensor.constant(x));
    Tensor y32 = narrow.forward(Tensor.constant(x, DType.FLOAT32));
    assertThat(y32.dtype()).isEqualTo(DType.FLOAT32);
    for (int i = 0; i < y64.size(); i++) {
      assertThat(y32.get(i)).isCloseTo(y64.get(i), org.assertj.core.data.Offset.offset(1e-5));
    }
    // The layer's own ops, both dtypes, through the table's checker.
    DtypeCheck.standard().check("linear layer",
        in -> in[0].affine(in[1], in[2]).tanh(), x, Matrices.normal(Rngs.create(3), 5, 7),
        Matrices.normal(Rngs.create(4), 1, 7));
  }

  @Test
  void convertToChangesEveryParameterAndBack() {
    Mlp m = mlp(DType.FLOAT64);
    DMatrixRMaj before = m.parameters().get("layer0.weight").value().copy();
    m.convertTo(DType.FLOAT32);
    assertThat(m.dtype()).isEqualTo(DType.FLOAT32);
    Tensor y = m.forward(Tensor.zeros(2, 5, DType.FLOAT32));
    y.sum().backward();
    assertThat(m.parameters().get("layer0.bias").gradF()).isNotNull();
    m.convertTo(DType.FLOAT64);
    DMatrixRMaj after = m.parameters().get("layer0.weight").value();
    for (int i = 0; i < before.data.length; i++) {
      assertThat(after.data[i]).isEqualTo((double) (float) before.data[i]);
    }
  }

  @Test
  void aMixedModuleNamesTwoParameters() {
    Mlp m = mlp(DType.FLOAT64);
    m.parameters().get("layer2.bias").convertTo(DType.FLOAT32);
    assertThatThrownBy(m::dtype).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("layer0.weight").hasMessageContaining("layer2.bias");
    assertThatThrownBy(() -> m.forward(Tensor.zeros(1, 5)))
        .hasMessageContaining("affine: operands are float64");
  }
}
