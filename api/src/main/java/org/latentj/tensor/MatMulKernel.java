package org.latentj.tensor;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;

/**
 * The one seam through which every matrix product of latentj passes, so a faster kernel (a
 * blocked Java kernel, a native BLAS) can replace EJML's without touching any op. Install one
 * with {@link MatMul#useKernel(MatMulKernel)}.
 *
 * <p>Arguments follow EJML's convention: {@code a} and {@code b} are Not modified; {@code c} is
 * Modified. The plain forms overwrite {@code c} (reshaping it); the {@code multAdd} forms add
 * into a {@code c} that already has the result's shape.
 *
 * <p>Each form exists for both dtypes under the same name, as in EJML: the {@link DMatrixRMaj}
 * (float64) forms are abstract; the {@link FMatrixRMaj} (float32) forms default to EJML's
 * {@link CommonOps_FDRM}, so a kernel that has a float32 path of its own (BLAS {@code sgemm})
 * overrides them and every other kernel still multiplies float32 tensors.
 */
public interface MatMulKernel {

  /** {@code c = a * b}. */
  void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);

  /** {@code c = a^T * b}. */
  void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);

  /** {@code c = a * b^T}. */
  void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);

  /** {@code c += a * b}. */
  void multAdd(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);

  /** {@code c += a^T * b}. */
  void multAddTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);

  /** {@code c += a * b^T}. */
  void multAddTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);
  /** {@code c = a * b}, float32. */
  default void mult(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
    CommonOps_FDRM.mult(a, b, c);
  }

  /** {@code c = a^T * b}, float32. */
  default void multTransA(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
    CommonOps_FDRM.multTransA(a, b, c);
  }

  /** {@code c = a * b^T}, float32. */
  default void multTransB(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
    CommonOps_FDRM.multTransB(a, b, c);
  }

  /** {@code c += a * b}, float32. */
  default void multAdd(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
    CommonOps_FDRM.multAdd(a, b, c);
  }

  /** {@code c += a^T * b}, float32. */
  default void multAddTransA(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
    CommonOps_FDRM.multAddTransA(a, b, c);
  }

  /** {@code c += a * b^T}, float32. */
  default void multAddTransB(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
    CommonOps_FDRM.multAddTransB(a, b, c);
  }
}
