package org.latentj.tensor;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;

/** Conversions between the float64 (D) and float32 (F) storages, and the {@code to} op. */
final class Storage {

  private Storage() {}

  /** A float32 copy of {@code m} (Not modified), each element rounded to nearest. */
  static FMatrixRMaj narrow(DMatrixRMaj m) {
    FMatrixRMaj out = new FMatrixRMaj(m.numRows, m.numCols);
    narrow(m.data, out.data, m.getNumElements());
    return out;
  }

  /** A float64 copy of {@code m} (Not modified), exact. */
  static DMatrixRMaj widen(FMatrixRMaj m) {
    DMatrixRMaj out = new DMatrixRMaj(m.numRows, m.numCols);
    widen(m.data, out.data, m.getNumElements());
    return out;
  }

  /** {@code y[i] = (float) x[i]} for {@code i < n}. */
  static void narrow(double[] x, float[] y, int n) {
    for (int i = 0; i < n; i++) {
      y[i] = (float) x[i];
    }
  }

  /** {@code y[i] = x[i]} for {@code i < n}. */
  static void widen(float[] x, double[] y, int n) {
    for (int i = 0; i < n; i++) {
      y[i] = x[i];
    }
  }

  /** {@code y[i] += (float) x[i]} for {@code i < n}: a float64 gradient into a float32 one. */
  static void addNarrowed(double[] x, float[] y, int n) {
    for (int i = 0; i < n; i++) {
      y[i] += (float) x[i];
    }
  }

  /** {@code y[i] += x[i]} for {@code i < n}: a float32 gradient into a float64 one. */
  static void addWidened(float[] x, double[] y, int n) {
    for (int i = 0; i < n; i++) {
      y[i] += x[i];
    }
  }

  /** {@code a} converted to {@code dtype} (which differs from its own); gradients convert back. */
  static Tensor convert(Tensor a, DType dtype) {
    int n = a.size();
    if (dtype == DType.FLOAT32) {
      FMatrixRMaj out = narrow(a.value());
      return Tensor.result("toFloat32", out,
          g -> addWidened(g.data, a.gradBuffer().data, n), a);
    }
    DMatrixRMaj out = widen(a.valueF());
    return Tensor.result("toFloat64", out,
        g -> addNarrowed(g.data, a.gradBufferF().data, n), a);
  }
}
