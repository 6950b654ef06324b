package org.latentj.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class TensorTest {

  @Test
  void softplusAndLogSigmoidStayFiniteAtPlusMinus1000() {
    Tensor x = Tensor.variable(new DMatrixRMaj(1, 4, true, -1000, -30, 30, 1000));
    Tensor sp = x.softplus();
    Tensor ls = x.logSigmoid();
    assertThat(sp.value().data).containsExactly(0.0, Math.log1p(Math.exp(-30)),
        30 + Math.log1p(Math.exp(-30)), 1000.0);
    assertThat(ls.value().data[0]).isEqualTo(-1000.0);
    assertThat(ls.value().data[3]).isEqualTo(0.0);
    sp.add(ls).sum().backward();
    // d/dx [softplus(x) + logSigmoid(x)] = sigmoid(x) + sigmoid(-x) = 1 everywhere.
    for (double g : x.grad().data) {
      assertThat(g).isFinite().isCloseTo(1.0, within(1e-12));
    }
  }

  @Test
  void sigmoidSaturatesWithoutNaN() {
    Tensor x = Tensor.variable(new DMatrixRMaj(1, 2, true, -1000, 1000));
    Tensor s = x.sigmoid();
    assertThat(s.value().data).containsExactly(0.0, 1.0);
    s.sum().backward();
    assertThat(x.grad().data).containsExactly(0.0, 0.0);
  }

  @Test
  void logSumExpIsStableForLargeInputsAndAllMinusInfinity() {
    Tensor x = Tensor.of(new double[][] {{1000, 1000}, {Double.NEGATIVE_INFINITY,
        Double.NEGATIVE_INFINITY}});
    Tensor y = x.rowLogSumExp();
    assertThat(y.get(0, 0)).isCloseTo(1000 + Math.log(2), within(1e-9));
    assertThat(y.get(1, 0)).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void gradientAccumulatesOverUsesAndOverCalls() {
    Tensor x = Tensor.variable(new DMatrixRMaj(1, 1, true, 3.0));
    x.mul(x).backward(); // d(x^2)/dx = 6
    assertThat(x.grad().data[0]).isEqualTo(6.0);
    x.mul(2.0).backward(); // adds 2
    assertThat(x.grad().data[0]).isEqualTo(8.0);
    x.zeroGrad();
    assertThat(x.grad().data[0]).isEqualTo(0.0);
  }

  @Test
  void secondBackwardOverTheSameGraphIsExact() {
    Tensor x = Tensor.variable(new DMatrixRMaj(1, 1, true, 3.0));
    Tensor y = x.exp().mul(2.0); // intermediate exp node is shared by both passes
    y.backward();
    double once = x.grad().data[0];
    y.backward();
    assertThat(x.grad().data[0]).isEqualTo(2 * once);
  }

  @Test
  void detachStopsGradient() {
    Tensor x = Tensor.variable(new DMatrixRMaj(1, 1, true, 3.0));
    x.mul(x.detach()).backward();
    assertThat(x.grad().data[0]).isEqualTo(3.0);
  }

  @Test
  void constantsRecordNoGraph() {
    Tensor c = Tensor.scalar(2.0).exp();
    assertThat(c.requiresGrad()).isFalse();
    assertThatThrownBy(() -> c.backward())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not depend on any tensor that requires a gradient");
  }

  @Test
  void gradModeDisabledRecordsNothing() {
    Tensor x = Tensor.variable(new DMatrixRMaj(1, 1, true, 3.0));
    try (GradMode.Scope off = GradMode.disable()) {
      assertThat(x.exp().requiresGrad()).isFalse();
    }
    assertThat(x.exp().requiresGrad()).isTrue();
  }

  @Test
  void backwardNeedsScalarOrSeed() {
    Tensor x = Tensor.variable(new DMatrixRMaj(2, 2));
    assertThatThrownBy(() -> x.exp().backward())
        .hasMessageContaining("1x1").hasMessageContaining("2x2").hasMessageContaining("exp");
  }

  @Test
  void shapeErrorsNameOpAndBothShapes() {
    Tensor a = Tensor.zeros(3, 4);
    Tensor b = Tensor.zeros(2, 4);
    assertThatThrownBy(() -> a.add(b)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("add").hasMessageContaining("3x4").hasMessageContaining("2x4");
    assertThatThrownBy(() -> a.matmul(b)).hasMessageContaining("matmul")
        .hasMessageContaining("3x4").hasMessageContaining("2x4");
    assertThatThrownBy(() -> a.matmulTransB(Tensor.zeros(2, 3)))
        .hasMessageContaining("matmulTransB").hasMessageContaining("2x3");
    assertThatThrownBy(() -> Tensor.concatColumns(a, b)).hasMessageContaining("concatColumns")
        .hasMessageContaining("3x4").hasMessageContaining("2x4");
    assertThatThrownBy(() -> a.groupLogSumExp(2)).hasMessageContaining("groupLogSumExp")
        .hasMessageContaining("groups of 2");
    assertThatThrownBy(() -> a.columns(2, 5)).hasMessageContaining("columns")
        .hasMessageContaining("[2, 5)");
  }

  @Test
  void repeatRowsLaysParticlesOutPerExample() {
    Tensor x = Tensor.column(1, 2).repeatRows(3);
    assertThat(x.value().data).containsExactly(1, 1, 1, 2, 2, 2);
    assertThat(x.groupSum(3).value().data).containsExactly(3, 6);
  }

  @Test
  void broadcastingAddsBiasRowAndPerExampleColumn() {
    Tensor x = Tensor.of(new double[][] {{1, 2}, {3, 4}});
    assertThat(x.add(Tensor.row(10, 20)).value().data).containsExactly(11, 22, 13, 24);
    assertThat(x.mul(Tensor.column(2, 3)).value().data).containsExactly(2, 4, 9, 12);
    assertThat(Tensor.column(1, 2).sub(Tensor.row(1, 2, 3)).value().data)
        .containsExactly(0, -1, -2, 1, 0, -1);
  }

  @Test
  void installedKernelIsUsedByEveryProduct() {
    int[] calls = new int[1];
    MatMulKernel ejml = new EjmlMatMulKernel();
    MatMulKernel counting = new MatMulKernel() {
      @Override public void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        calls[0]++; ejml.mult(a, b, c); }
      @Override public void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        calls[0]++; ejml.multTransA(a, b, c); }
      @Override public void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        calls[0]++; ejml.multTransB(a, b, c); }
      @Override public void multAdd(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        calls[0]++; ejml.multAdd(a, b, c); }
      @Override public void multAddTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        calls[0]++; ejml.multAddTransA(a, b, c); }
      @Override public void multAddTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        calls[0]++; ejml.multAddTransB(a, b, c); }
    };
    MatMulKernel previous = MatMul.useKernel(counting);
    try {
      Tensor a = Tensor.variable(new DMatrixRMaj(2, 3));
      Tensor b = Tensor.variable(new DMatrixRMaj(3, 2));
      a.matmul(b).sum().backward();
      assertThat(calls[0]).isEqualTo(3); // forward, and one product per input in backward
    } finally {
      MatMul.useKernel(previous);
    }
  }
}
