package org.latentj.inference.optim;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;

/**
 * One kind of optimizer state (e.g. Adam's {@code m}), a buffer per parameter in that
 * parameter's dtype: {@link #d(int)} for a float64 parameter, {@link #f(int)} for a float32 one
 * (the other is {@code null}).
 */
final class StateBuffers {

  private final DMatrixRMaj[] d;
  private final FMatrixRMaj[] f;

  StateBuffers(DMatrixRMaj[] d, FMatrixRMaj[] f) {
    this.d = d;
    this.f = f;
  }

  /** The float64 buffer of parameter {@code k}, or {@code null} if that parameter is float32. */
  DMatrixRMaj d(int k) {
    return d[k];
  }

  /** The float32 buffer of parameter {@code k}, or {@code null} if that parameter is float64. */
  FMatrixRMaj f(int k) {
    return f[k];
  }
}
