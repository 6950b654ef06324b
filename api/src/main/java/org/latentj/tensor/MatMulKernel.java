package org.latentj.tensor;

import org.ejml.data.DMatrixRMaj;

/**
 * The one seam through which every matrix product of latentj passes, so a faster kernel (a
 * blocked Java kernel, a native BLAS) can replace EJML's without touching any op. Install one
 * with {@link MatMul#useKernel(MatMulKernel)}.
 *
 * <p>Arguments follow EJML's convention: {@code a} and {@code b} are Not modified; {@code c} is
 * Modified. The plain forms overwrite {@code c} (reshaping it); the {@code multAdd} forms add
 * into a {@code c} that already has the result's shape.
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
}
