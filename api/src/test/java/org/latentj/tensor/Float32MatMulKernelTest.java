package org.latentj.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * The float32 ({@link FMatrixRMaj}) forms of every kernel that loads here, in all six forms,
 * against EJML's float64 product of the same float32-representable inputs: each element within
 * {@code (k + 2) 2^-23 (|op(A)| |op(B)|)_ij}, twice the worst-case round-off of a float32 sum of
 * k products, bounded through the row and column norms as in {@link MatMulKernelTest}. And the
 * seam: float32 tensor products reach the installed kernel's float32 forms.
 */
class Float32MatMulKernelTest {

  private static final int[][] SHAPES = {{1, 1, 1}, {2, 3, 4}, {7, 33, 19}, {37, 129, 67},
      {128, 784, 40}, {128, 20, 400}};

  private static List<MatMulKernel> kernels() {
    List<MatMulKernel> ks = new ArrayList<>();
    for (String name : List.of("ejml", "blocked", "vector", "netlib")) {
      try {
        ks.add(MatMulKernels.byName(name, 2));
      } catch (IllegalStateException e) {
        // Not available on this machine.
      }
    }
    return ks;
  }

  @Test
  void everyKernelsFloat32FormsMatchFloat64() {
    UniformRandomProvider rng = Rngs.create(21);
    for (MatMulKernel kernel : kernels()) {
      for (int[] s : SHAPES) {
        for (int form = 0; form < 6; form++) {
          check(kernel, form, s[0], s[1], s[2], rng);
        }
      }
    }
  }

  private static void check(MatMulKernel kernel, int form, int m, int k, int n,
      UniformRandomProvider rng) {
    boolean ta = form % 3 == 1;
    boolean tb = form % 3 == 2;
    boolean add = form >= 3;
    FMatrixRMaj a = rounded(ta ? Rngs.standardNormal(rng, k, m) : Rngs.standardNormal(rng, m, k));
    FMatrixRMaj b = rounded(tb ? Rngs.standardNormal(rng, n, k) : Rngs.standardNormal(rng, k, n));
    FMatrixRMaj c = add ? rounded(Rngs.standardNormal(rng, m, n)) : new FMatrixRMaj(m + 1, n + 2);
    DMatrixRMaj expected = add ? widen(c) : new DMatrixRMaj(m, n);
    DMatrixRMaj a64 = widen(a);
    DMatrixRMaj b64 = widen(b);
    DMatrixRMaj product = new DMatrixRMaj(m, n);
    if (ta && tb) {
      throw new IllegalStateException("no such form");
    } else if (ta) {
      CommonOps_DDRM.multTransA(a64, b64, product);
    } else if (tb) {
      CommonOps_DDRM.multTransB(a64, b64, product);
    } else {
      CommonOps_DDRM.mult(a64, b64, product);
    }
    CommonOps_DDRM.addEquals(expected, product);
    switch (form) {
      case 0 -> kernel.mult(a, b, c);
      case 1 -> kernel.multTransA(a, b, c);
      case 2 -> kernel.multTransB(a, b, c);
      case 3 -> kernel.multAdd(a, b, c);
      case 4 -> kernel.multAddTransA(a, b, c);
      default -> kernel.multAddTransB(a, b, c);
    }
    assertThat(c.numRows).isEqualTo(m);
    assertThat(c.numCols).isEqualTo(n);
    DMatrixRMaj opA = ta ? CommonOps_DDRM.transpose(a64, null) : a64;
    DMatrixRMaj opB = tb ? b64 : CommonOps_DDRM.transpose(b64, null);
    for (int i = 0; i < m * n; i++) {
      double bound = norm(opA, i / n) * norm(opB, i % n) + (add ? 1 : 0) * Math.abs(expected.data[i]);
      double tolerance = (k + 2) * 0x1p-23 * bound + 1e-30;
      assertThat((double) c.data[i]).as("%s form %d %dx%dx%d element %d", kernel, form, m, k, n,
          i).isCloseTo(expected.data[i], org.assertj.core.data.Offset.offset(tolerance));
    }
  }

  @Test
  void float32TensorProductsReachTheKernelsFloat32Forms() {
    AtomicInteger floatCalls = new AtomicInteger();
    MatMulKernel ejml = new EjmlMatMulKernel();
    MatMulKernel counting = new MatMulKernel() {
      @Override public void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        ejml.mult(a, b, c);
      }

      @Override public void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        ejml.multTransA(a, b, c);
      }

      @Override public void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        ejml.multTransB(a, b, c);
      }

      @Override public void multAdd(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        ejml.multAdd(a, b, c);
      }

      @Override public void multAddTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        ejml.multAddTransA(a, b, c);
      }

      @Override public void multAddTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        ejml.multAddTransB(a, b, c);
      }

      @Override public void multAdd(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
        floatCalls.incrementAndGet();
        MatMulKernel.super.multAdd(a, b, c);
      }

      @Override public void multAddTransA(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
        floatCalls.incrementAndGet();
        MatMulKernel.super.multAddTransA(a, b, c);
      }

      @Override public void multAddTransB(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
        floatCalls.incrementAndGet();
        MatMulKernel.super.multAddTransB(a, b, c);
      }
    };
    MatMulKernel previous = MatMul.useKernel(counting);
    try {
      Tensor x = Tensor.variable(new FMatrixRMaj(4, 3));
      Tensor w = Tensor.variable(new FMatrixRMaj(3, 2));
      x.affine(w, Tensor.variable(new FMatrixRMaj(1, 2))).sum().backward();
      // Forward multAdd; backward multAddTransB for dx and multAddTransA for dw.
      assertThat(floatCalls.get()).isEqualTo(3);
    } finally {
      MatMul.useKernel(previous);
    }
  }

  private static FMatrixRMaj rounded(DMatrixRMaj m) {
    return Tensor.constant(m, DType.FLOAT32).valueF();
  }

  private static DMatrixRMaj widen(FMatrixRMaj m) {
    return Tensor.constant(m).to(DType.FLOAT64).value();
  }

  private static double norm(DMatrixRMaj x, int row) {
    double s = 0;
    for (int j = 0; j < x.numCols; j++) {
      s += x.get(row, j) * x.get(row, j);
    }
    return Math.sqrt(s);
  }
}
