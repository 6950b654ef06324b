package org.latentj.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * {@link NonFiniteScan#firstIndex} and its vector pre-test {@link VectorFiniteTest}: every
 * non-finite kind at every position of blocks with and without a scalar tail, among values up
 * to the largest finite ones (whose {@code x - x} is still 0).
 */
class NonFiniteScanTest {

  private static final VectorFiniteTest VECTOR = new VectorFiniteTest();
  private static final double[] BAD = {Double.NaN, Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY};

  @Test
  void theTestsRunTheVectorPreTest() {
    assertThat(VectorApi.enabled()).as("surefire passes --add-modules jdk.incubator.vector")
        .isTrue();
  }

  @Test
  void findsEachNonFiniteKindAtEachPositionInFloat64() {
    UniformRandomProvider rng = Rngs.create(3);
    for (int n : new int[] {0, 1, 3, 4, 8, 13, 33}) {
      double[] d = finite(rng, n);
      assertThat(VECTOR.allFinite(d, n)).isTrue();
      assertThat(NonFiniteScan.firstIndex(d, n)).isEqualTo(-1);
      for (int at = 0; at < n; at++) {
        for (double bad : BAD) {
          double[] e = d.clone();
          e[at] = bad;
          assertThat(VECTOR.allFinite(e, n)).as("n %d, %s at %d", n, bad, at).isFalse();
          assertThat(NonFiniteScan.firstIndex(e, n)).isEqualTo(at);
          // Only the leading n count.
          assertThat(NonFiniteScan.firstIndex(e, at)).isEqualTo(-1);
        }
      }
    }
  }

  @Test
  void findsEachNonFiniteKindAtEachPositionInFloat32() {
    UniformRandomProvider rng = Rngs.create(4);
    for (int n : new int[] {0, 1, 3, 8, 16, 21, 70}) {
      float[] f = new float[n];
      double[] d = finite(rng, n);
      for (int i = 0; i < n; i++) {
        f[i] = (float) Math.max(-Float.MAX_VALUE, Math.min(Float.MAX_VALUE, d[i]));
      }
      assertThat(VECTOR.allFinite(f, n)).isTrue();
      assertThat(NonFiniteScan.firstIndex(f, n)).isEqualTo(-1);
      for (int at = 0; at < n; at++) {
        for (double bad : BAD) {
          float[] e = f.clone();
          e[at] = (float) bad;
          assertThat(VECTOR.allFinite(e, n)).as("n %d, %s at %d", n, bad, at).isFalse();
          assertThat(NonFiniteScan.firstIndex(e, n)).isEqualTo(at);
          assertThat(NonFiniteScan.firstIndex(e, at)).isEqualTo(-1);
        }
      }
    }
  }

  @Test
  void theFirstOfSeveralIsReported() {
    double[] d = new double[40];
    d[31] = Double.NaN;
    d[17] = Double.POSITIVE_INFINITY;
    assertThat(NonFiniteScan.firstIndex(d, 40)).isEqualTo(17);
    assertThat(NonFiniteScan.at(d[17], 17, 8)).isEqualTo("Infinity at row 2, column 1");
  }

  /** Finite values of every magnitude, with zeros and the extremes. */
  private static double[] finite(UniformRandomProvider rng, int n) {
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      int kind = rng.nextInt(5);
      d[i] = kind == 0 ? 0 : kind == 1 ? (rng.nextBoolean() ? Double.MAX_VALUE : -Double.MAX_VALUE)
          : (2 * rng.nextDouble() - 1) * Math.pow(10, rng.nextInt(600) - 300);
    }
    return d;
  }
}
