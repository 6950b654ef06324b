package org.latentj.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.MatrixDimensionException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * Every kernel that loads here against EJML's {@code CommonOps_DDRM}, in all six forms, on shapes
 * from 1x1 to the VAE's 128x784 times 784x400: each element within
 * {@code 1e-12 |op(A)_i| |op(B)^j|} (row i of op(A) and column j of op(B), Euclidean norms), which
 * bounds {@code 1e-12 (|A| |B|)_ij} from above by Cauchy-Schwarz; round-off in a sum of k <= 784
 * products is below {@code k 2^-53 (|A| |B|)_ij < 1e-13 (|A| |B|)_ij}.
 */
class MatMulKernelTest {

  private enum Form { MULT, TRANS_A, TRANS_B, ADD, ADD_TRANS_A, ADD_TRANS_B }

  /** (m, k, n): c is m x n, the inner dimension k. */
  private static final int[][] SHAPES = {
      {1, 1, 1}, {1, 7, 1}, {1, 1, 9}, {9, 1, 1}, {1, 33, 17}, {17, 33, 1}, {2, 3, 4},
      {3, 5, 7}, {4, 4, 4}, {5, 17, 3}, {7, 33, 19}, {13, 1, 29}, {16, 16, 16}, {31, 9, 33},
      {37, 129, 67}, {64, 257, 130}, {129, 300, 41},
      {128, 784, 400}, {128, 400, 40}, {128, 20, 400}};

  private static List<MatMulKernel> kernels() {
    List<MatMulKernel> ks = new ArrayList<>();
    ks.add(new BlockedMatMulKernel(1));
    ks.add(new BlockedMatMulKernel(3));
    if (MatMulKernels.vectorApiPresent()) {
      ks.add(MatMulKernels.vector(1));
      ks.add(MatMulKernels.vector(2));
    }
    try {
      ks.add(NetlibMatMulKernel.load(1));
      ks.add(NetlibMatMulKernel.load(3)); // output rows split over three callers of the BLAS
    } catch (IllegalStateException e) {
      // No native BLAS on this machine: nothing to test for it.
    }
    return ks;
  }

  @Test
  void everyKernelMatchesEjmlInAllSixFormsOnManyShapes() {
    UniformRandomProvider rng = Rngs.create(11);
    List<MatMulKernel> kernels = kernels();
    assertThat(kernels).hasSizeGreaterThanOrEqualTo(3);
    for (int[] shape : SHAPES) {
      for (Form form : Form.values()) {
        checkForm(kernels, form, shape[0], shape[1], shape[2], rng);
      }
    }
  }

  private static void checkForm(List<MatMulKernel> kernels, Form form, int m, int k, int n,
      UniformRandomProvider rng) {
    boolean ta = form == Form.TRANS_A || form == Form.ADD_TRANS_A;
    boolean tb = form == Form.TRANS_B || form == Form.ADD_TRANS_B;
    boolean add = form.ordinal() >= 3;
    DMatrixRMaj a = ta ? Rngs.standardNormal(rng, k, m) : Rngs.standardNormal(rng, m, k);
    DMatrixRMaj b = tb ? Rngs.standardNormal(rng, n, k) : Rngs.standardNormal(rng, k, n);
    DMatrixRMaj start = Rngs.standardNormal(rng, m, n);
    DMatrixRMaj expected = add ? start.copy() : new DMatrixRMaj(1, 1);
    run(new EjmlMatMulKernel(), form, a, b, expected);
    double[] rowNorms = norms(ta ? transpose(a) : a);
    double[] columnNorms = norms(tb ? b : transpose(b));
    for (MatMulKernel kernel : kernels) {
      // Plain forms start from a larger matrix of garbage, to check reshaping and overwriting.
      DMatrixRMaj actual = add ? start.copy() : Rngs.standardNormal(rng, m + 3, n + 2);
      run(kernel, form, a, b, actual);
      assertThat(actual.numRows).isEqualTo(m);
      assertThat(actual.numCols).isEqualTo(n);
      for (int i = 0; i < m * n; i++) {
        double bound = rowNorms[i / n] * columnNorms[i % n];
        double tolerance = 1e-12 * (bound + (add ? Math.abs(start.data[i]) : 0)) + 1e-300;
        if (Math.abs(actual.data[i] - expected.data[i]) > tolerance) {
          throw new AssertionError(kernel + " " + form + " " + m + "x" + k + "x" + n
              + ": element " + (i / n) + "," + (i % n) + " is " + actual.data[i]
              + ", EJML gives " + expected.data[i]);
        }
      }
    }
  }

  private static void run(MatMulKernel kernel, Form form, DMatrixRMaj a, DMatrixRMaj b,
      DMatrixRMaj c) {
    switch (form) {
      case MULT -> kernel.mult(a, b, c);
      case TRANS_A -> kernel.multTransA(a, b, c);
      case TRANS_B -> kernel.multTransB(a, b, c);
      case ADD -> kernel.multAdd(a, b, c);
      case ADD_TRANS_A -> kernel.multAddTransA(a, b, c);
      case ADD_TRANS_B -> kernel.multAddTransB(a, b, c);
    }
  }

  private static DMatrixRMaj transpose(DMatrixRMaj x) {
    return CommonOps_DDRM.transpose(x, null);
  }

  /** The Euclidean norm of each row. */
  private static double[] norms(DMatrixRMaj x) {
    double[] out = new double[x.numRows];
    for (int i = 0; i < x.numRows; i++) {
      double s = 0;
      for (int j = 0; j < x.numCols; j++) {
        s += x.get(i, j) * x.get(i, j);
      }
      out[i] = Math.sqrt(s);
    }
    return out;
  }

  @Test
  void resultsDoNotDependOnTheThreadCount() {
    UniformRandomProvider rng = Rngs.create(12);
    DMatrixRMaj a = Rngs.standardNormal(rng, 131, 300);
    DMatrixRMaj b = Rngs.standardNormal(rng, 300, 77);
    DMatrixRMaj one = new DMatrixRMaj(1, 1);
    DMatrixRMaj two = new DMatrixRMaj(1, 1);
    new BlockedMatMulKernel(1).mult(a, b, one);
    new BlockedMatMulKernel(2).mult(a, b, two);
    assertThat(two.data).containsExactly(one.data);
  }

  @Test
  void anEmptyInnerDimensionGivesZerosOrLeavesTheSumAlone() {
    for (MatMulKernel kernel : kernels()) {
      DMatrixRMaj c = new DMatrixRMaj(2, 3);
      CommonOps_DDRM.fill(c, 5);
      kernel.mult(new DMatrixRMaj(2, 0), new DMatrixRMaj(0, 3), c);
      assertThat(c.data).containsOnly(0.0);
      CommonOps_DDRM.fill(c, 5);
      kernel.multAdd(new DMatrixRMaj(2, 0), new DMatrixRMaj(0, 3), c);
      assertThat(c.data).containsOnly(5.0);
    }
  }

  @Test
  void shapeErrorsAndAliasingAreRejectedAsEjmlRejectsThem() {
    for (MatMulKernel kernel : kernels()) {
      DMatrixRMaj a = new DMatrixRMaj(2, 3);
      assertThatThrownBy(() -> kernel.mult(a, new DMatrixRMaj(4, 2), new DMatrixRMaj(2, 2)))
          .isInstanceOf(MatrixDimensionException.class).hasMessageContaining("2x3");
      assertThatThrownBy(() -> kernel.multAdd(a, new DMatrixRMaj(3, 2), new DMatrixRMaj(3, 2)))
          .isInstanceOf(MatrixDimensionException.class).hasMessageContaining("3x2");
      DMatrixRMaj square = new DMatrixRMaj(3, 3);
      assertThatThrownBy(() -> kernel.mult(square, square, square))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void kernelsAreChosenByName() {
    assertThat(MatMulKernels.byName("EJML")).isInstanceOf(EjmlMatMulKernel.class);
    assertThat(MatMulKernels.byName(" blocked ")).isInstanceOf(BlockedMatMulKernel.class);
    assertThat(MatMulKernels.byName("auto")).isNotNull();
    assertThatThrownBy(() -> MatMulKernels.byName("cuda"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'cuda'");
    assertThatThrownBy(() -> new BlockedMatMulKernel(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threads");
  }

  @Test
  void affineEqualsMatmulThenBiasInValueAndGradients() {
    UniformRandomProvider rng = Rngs.create(21);
    DMatrixRMaj xv = Rngs.standardNormal(rng, 6, 5);
    DMatrixRMaj wv = Rngs.standardNormal(rng, 5, 3);
    DMatrixRMaj bv = Rngs.standardNormal(rng, 1, 3);
    DMatrixRMaj seed = Rngs.standardNormal(rng, 6, 3);
    Tensor[] fused = {Tensor.variable(xv.copy()), Tensor.variable(wv.copy()),
        Tensor.variable(bv.copy())};
    Tensor[] apart = {Tensor.variable(xv.copy()), Tensor.variable(wv.copy()),
        Tensor.variable(bv.copy())};
    Tensor y = fused[0].affine(fused[1], fused[2]);
    Tensor z = apart[0].matmul(apart[1]).add(apart[2]);
    assertThat(y.op()).isEqualTo("affine");
    for (int i = 0; i < 18; i++) {
      assertThat(y.value().data[i]).isCloseTo(z.value().data[i], within(1e-12));
    }
    y.backward(seed);
    z.backward(seed);
    for (int t = 0; t < 3; t++) {
      for (int i = 0; i < fused[t].size(); i++) {
        assertThat(fused[t].grad().data[i]).isCloseTo(apart[t].grad().data[i], within(1e-12));
      }
    }
    assertThatThrownBy(() -> fused[0].affine(fused[1], Tensor.zeros(2, 3)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bias is 2x3");
  }

  @Test
  void tensorProductsGoThroughTheInstalledKernel() {
    int[] calls = {0};
    MatMulKernel counting = new GemmKernel() {
      @Override
      void gemm(boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b,
          double[] c, boolean add) {
        calls[0]++;
        new BlockedMatMulKernel(1).gemm(transA, transB, m, n, k, a, b, c, add);
      }
    };
    MatMulKernel previous = MatMul.useKernel(counting);
    try {
      Tensor x = Tensor.variable(Rngs.standardNormal(Rngs.create(3), 4, 5));
      Tensor w = Tensor.variable(Rngs.standardNormal(Rngs.create(4), 5, 2));
      x.matmul(w).sum().backward();
      assertThat(calls[0]).isEqualTo(3); // forward, dX, dW
    } finally {
      MatMul.useKernel(previous);
    }
  }
}
