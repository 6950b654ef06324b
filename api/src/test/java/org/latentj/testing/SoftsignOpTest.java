package org.latentj.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.tensor.DType;
import org.latentj.tensor.DifferentiableOp;
import org.latentj.tensor.OpContext;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/**
 * A user-written op, outside {@code org.latentj.tensor}, through the public
 * {@link DifferentiableOp} API: {@code softsign(x) = x / (1 + |x|)}, whose derivative
 * {@code 1 / (1 + |x|)^2} backward computes from the denominator forward saved. Checked like
 * every built-in op: by finite differences in float64 and against float64 in float32.
 */
class SoftsignOpTest {

  /** {@code y = x / (1 + |x|)}; saves {@code 1 + |x|} for {@code dy/dx = 1 / (1 + |x|)^2}. */
  static final DifferentiableOp SOFTSIGN = new DifferentiableOp() {
    @Override
    public String name() {
      return "softsign";
    }

    @Override
    public DMatrixRMaj forward(OpContext ctx, DMatrixRMaj... in) {
      DMatrixRMaj x = in[0];
      DMatrixRMaj y = new DMatrixRMaj(x.numRows, x.numCols);
      DMatrixRMaj denominator = new DMatrixRMaj(x.numRows, x.numCols);
      for (int i = 0; i < x.getNumElements(); i++) {
        denominator.data[i] = 1 + Math.abs(x.data[i]);
        y.data[i] = x.data[i] / denominator.data[i];
      }
      if (ctx.needsGrad(0)) {
        ctx.save(denominator);
      }
      return y;
    }

    @Override
    public void backward(OpContext ctx, DMatrixRMaj gradOut, DMatrixRMaj... grads) {
      double[] d = ctx.saved(0).data;
      for (int i = 0; i < d.length; i++) {
        grads[0].data[i] += gradOut.data[i] / (d[i] * d[i]);
      }
    }
  };

  /** {@code a * b} elementwise: two inputs, either of which may take no gradient. */
  static final DifferentiableOp PRODUCT = new DifferentiableOp() {
    @Override
    public String name() {
      return "product";
    }

    @Override
    public DMatrixRMaj forward(OpContext ctx, DMatrixRMaj... in) {
      DMatrixRMaj y = new DMatrixRMaj(in[0].numRows, in[0].numCols);
      for (int i = 0; i < y.data.length; i++) {
        y.data[i] = in[0].data[i] * in[1].data[i];
      }
      return y;
    }

    @Override
    public void backward(OpContext ctx, DMatrixRMaj gradOut, DMatrixRMaj... grads) {
      for (int k = 0; k < 2; k++) {
        if (grads[k] != null) {
          double[] other = ctx.input(1 - k).data;
          for (int i = 0; i < other.length; i++) {
            grads[k].data[i] += gradOut.data[i] * other[i];
          }
        }
      }
    }
  };

  private final UniformRandomProvider rng = Rngs.create(11);

  @Test
  void softsignMatchesFiniteDifferences() {
    GradientCheck.standard().check("softsign", in -> Tensor.apply(SOFTSIGN, in[0]),
        Matrices.awayFromZero(rng, 3, 4, 0.1, 3));
    // Composed with built-in ops and used twice: gradients add up.
    GradientCheck.standard().check("softsign composed",
        in -> Tensor.apply(SOFTSIGN, in[0].matmul(in[1])).add(Tensor.apply(SOFTSIGN, in[0]))
            .rowSums(),
        Matrices.awayFromZero(rng, 3, 3, 0.1, 2), Matrices.normal(rng, 3, 3));
    GradientCheck.standard().check("product", in -> Tensor.apply(PRODUCT, in[0], in[1]),
        Matrices.normal(rng, 2, 5), Matrices.normal(rng, 2, 5));
  }

  @Test
  void softsignInFloat32AgreesWithFloat64() {
    DtypeCheck.standard().check("softsign", in -> Tensor.apply(SOFTSIGN, in[0]),
        Matrices.awayFromZero(rng, 3, 4, 0.1, 3));
    Tensor x = Tensor.variable(Tensor.constant(Matrices.normal(rng, 2, 2), DType.FLOAT32)
        .valueF());
    Tensor y = Tensor.apply(SOFTSIGN, x);
    assertThat(y.dtype()).isEqualTo(DType.FLOAT32);
    assertThat(y.op()).isEqualTo("softsign");
  }

  @Test
  void anInputThatTakesNoGradientGetsNone() {
    Tensor a = Tensor.variable(Matrices.normal(rng, 2, 2));
    Tensor b = Tensor.constant(Matrices.normal(rng, 2, 2));
    Tensor.apply(PRODUCT, a, b).sum().backward();
    for (int i = 0; i < 4; i++) {
      assertThat(a.grad().data[i]).isEqualTo(b.value().data[i]);
    }
    assertThat(b.requiresGrad()).isFalse();
  }

  @Test
  void mistakesAreReportedByTheOpsName() {
    Tensor d = Tensor.zeros(2, 2);
    assertThatThrownBy(() -> Tensor.apply(PRODUCT, d, d.to(DType.FLOAT32)))
        .hasMessageContaining("product: operands are float64");
    DifferentiableOp identity = new DifferentiableOp() {
      @Override
      public String name() {
        return "lazyIdentity";
      }

      @Override
      public DMatrixRMaj forward(OpContext ctx, DMatrixRMaj... in) {
        return in[0];
      }

      @Override
      public void backward(OpContext ctx, DMatrixRMaj gradOut, DMatrixRMaj... grads) {}
    };
    assertThatThrownBy(() -> Tensor.apply(identity, d)).hasMessageContaining("lazyIdentity")
        .hasMessageContaining("new matrix");
  }
}
