package org.latentj.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.latentj.testing.DtypeCheck;
import org.latentj.testing.Matrices;

/**
 * Every op of {@link Tensor} in float32 against the same op in float64, on the same
 * (float32-representable) inputs: the tables of {@link OpGradientTest}, checked by
 * {@link DtypeCheck#standard()} (values within 1e-5, gradients within 1e-4, relative with a floor
 * of 1). The finite-difference checks stay in float64, in {@link OpGradientTest}.
 */
class Float32OpTest {

  @ParameterizedTest(name = "{0} at {1}")
  @MethodSource("org.latentj.tensor.OpGradientTest#unaryOps")
  void unaryOpAgreesWithFloat64(String name, String shape, OpGradientTest.Unary op, int[] s) {
    UniformRandomProvider rng = Rngs.create(name.hashCode() * 31L + s[0] * 7L + s[1]);
    DMatrixRMaj x = op.domain().draw(rng, s[0], s[1]);
    DtypeCheck.standard().check(name + " at " + shape, in -> op.op().apply(in[0]), x);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("org.latentj.tensor.OpGradientTest#binaryOps")
  void broadcastingOpAgreesWithFloat64(String name, String shapes, OpGradientTest.Binary op,
      int[][] p) {
    UniformRandomProvider rng = Rngs.create(name.hashCode() + 1000L * p[0][0] + 100L * p[0][1]
        + 10L * p[1][0] + p[1][1]);
    DMatrixRMaj a = op.left().draw(rng, p[0][0], p[0][1]);
    DMatrixRMaj b = op.right().draw(rng, p[1][0], p[1][1]);
    DtypeCheck.standard().check(name + " " + shapes, op.op(), a, b);
  }

  /**
   * The products at the table's shapes and at a VAE layer's (a 784-term inner sum), the latter
   * compared normwise: its elements can cancel to far below the size of their terms.
   */
  static Stream<Arguments> products() {
    return Stream.concat(OpGradientTest.products(),
        Stream.of("matmul", "matmulTransA", "matmulTransB", "affine", "affineRelu")
            .map(form -> Arguments.of(form, new int[] {16, 784, 40})));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("products")
  void productAgreesWithFloat64(String form, int[] s) {
    DtypeCheck check = s[1] > 100 ? DtypeCheck.standard().normwise() : DtypeCheck.standard();
    check.check(form, OpGradientTest.product(form), OpGradientTest.productInputs(form, s));
  }

  @ParameterizedTest(name = "{0}x{1} in groups of {2}")
  @MethodSource("org.latentj.tensor.OpGradientTest#groupedReductions")
  void groupedReductionsAgreeWithFloat64(int rows, int cols, int k) {
    DMatrixRMaj x = Matrices.normal(Rngs.create(rows * 100L + cols * 10L + k), rows, cols);
    DtypeCheck.standard().check("groupSum", in -> in[0].groupSum(k), x);
    DtypeCheck.standard().check("groupLogSumExp", in -> in[0].groupLogSumExp(k), x);
    DtypeCheck.standard().check("repeat then groupLogSumExp",
        in -> in[0].repeatRows(k).mul(2.0).groupLogSumExp(k), x);
  }

  @Test
  void concatAndBernoulliLikelihoodAgreeWithFloat64() {
    UniformRandomProvider rng = Rngs.create(3);
    DtypeCheck.standard().check("concatColumns",
        in -> Tensor.concatColumns(in[0], in[1].tanh(), in[2]),
        Matrices.normal(rng, 3, 1), Matrices.normal(rng, 3, 4), Matrices.normal(rng, 3, 2));
    DtypeCheck.standard().check("bernoulliLogLikelihoodRows",
        in -> in[0].bernoulliLogLikelihoodRows(in[1]),
        Matrices.uniform(rng, 8, 784, -6, 6), Matrices.uniform(rng, 8, 784, 0, 1));
    DtypeCheck.standard().check("to float64 and back",
        in -> in[0].to(DType.FLOAT64).exp().to(in[0].dtype()), Matrices.normal(rng, 3, 4));
  }

  @Test
  void opsKeepFloat32AndFloat32ValuesRefuseFloat64Accessors() {
    Tensor x = Tensor.variable(new FMatrixRMaj(2, 3));
    Tensor y = x.exp().affine(Tensor.zeros(3, 4, DType.FLOAT32), Tensor.zeros(1, 4, DType.FLOAT32))
        .rowSums().sum();
    assertThat(y.dtype()).isEqualTo(DType.FLOAT32);
    y.backward();
    assertThat(x.gradF().numRows).isEqualTo(2);
    assertThatThrownBy(x::value).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("float32").hasMessageContaining("valueF()");
    assertThatThrownBy(x::grad).hasMessageContaining("gradF()");
    assertThatThrownBy(() -> Tensor.scalar(1.0).valueF()).hasMessageContaining("float64");
  }

  @Test
  void mixedDtypesFailNamingTheOpAndBothDtypes() {
    Tensor d = Tensor.zeros(2, 2);
    Tensor f = Tensor.zeros(2, 2, DType.FLOAT32);
    assertThatThrownBy(() -> d.add(f)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("add").hasMessageContaining("float64")
        .hasMessageContaining("float32");
    assertThatThrownBy(() -> f.matmul(d)).hasMessageContaining("matmul: operands are float32");
    assertThatThrownBy(() -> Tensor.concatColumns(d, f)).hasMessageContaining("concatColumns");
    assertThatThrownBy(() -> f.bernoulliLogLikelihoodRows(d))
        .hasMessageContaining("bernoulliLogLikelihoodRows");
    assertThat(d.to(DType.FLOAT32).add(f).dtype()).isEqualTo(DType.FLOAT32);
  }

  @Test
  void repeatRowsRecordsItsSourceInFloat32() {
    Tensor x = Tensor.variable(new FMatrixRMaj(2, 3));
    Tensor r = x.repeatRows(4);
    assertThat(r.repetition()).isPresent();
    assertThat(r.repetition().get().source()).isSameAs(x);
    assertThat(r.repetition().get().times()).isEqualTo(4);
  }
}
