package org.latentj.testing;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.tensor.Rngs;

/** Seeded random matrices for tests. */
public final class Matrices {

  private Matrices() {}

  /** Entries uniform on {@code [lo, hi)}. */
  public static DMatrixRMaj uniform(UniformRandomProvider rng, int rows, int cols, double lo,
      double hi) {
    DMatrixRMaj m = new DMatrixRMaj(rows, cols);
    for (int i = 0; i < m.data.length; i++) {
      m.data[i] = lo + (hi - lo) * rng.nextDouble();
    }
    return m;
  }

  /** Standard normal entries. */
  public static DMatrixRMaj normal(UniformRandomProvider rng, int rows, int cols) {
    return Rngs.standardNormal(rng, rows, cols);
  }

  /** Entries uniform on {@code [lo, hi)} with random sign, so none is near zero. */
  public static DMatrixRMaj awayFromZero(UniformRandomProvider rng, int rows, int cols, double lo,
      double hi) {
    DMatrixRMaj m = uniform(rng, rows, cols, lo, hi);
    for (int i = 0; i < m.data.length; i++) {
      if (rng.nextBoolean()) {
        m.data[i] = -m.data[i];
      }
    }
    return m;
  }
}
