package org.latentj.tensor;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link NonFiniteScan.FiniteTest} on the Vector API: sums {@code x - x} over the block, which is
 * 0 for a finite {@code x} and NaN for NaN or an infinity, so the sum is NaN exactly when some
 * element is not finite; one subtraction and one addition per lane, no branch. Loaded only when
 * the JVM has the module ({@link VectorApi}).
 */
final class VectorFiniteTest implements NonFiniteScan.FiniteTest {

  private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

  VectorFiniteTest() {}

  @Override
  public boolean allFinite(double[] d, int n) {
    DoubleVector sum = DoubleVector.zero(D);
    int i = 0;
    for (int upper = D.loopBound(n); i < upper; i += D.length()) {
      DoubleVector x = DoubleVector.fromArray(D, d, i);
      sum = sum.add(x.sub(x));
    }
    double s = sum.reduceLanes(VectorOperators.ADD);
    for (; i < n; i++) {
      s += d[i] - d[i];
    }
    return s == 0;
  }

  @Override
  public boolean allFinite(float[] f, int n) {
    FloatVector sum = FloatVector.zero(F);
    int i = 0;
    for (int upper = F.loopBound(n); i < upper; i += F.length()) {
      FloatVector x = FloatVector.fromArray(F, f, i);
      sum = sum.add(x.sub(x));
    }
    float s = sum.reduceLanes(VectorOperators.ADD);
    for (; i < n; i++) {
      s += f[i] - f[i];
    }
    return s == 0;
  }
}
