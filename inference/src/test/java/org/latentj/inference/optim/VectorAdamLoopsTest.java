package org.latentj.inference.optim;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.latentj.tensor.Rngs;

/**
 * {@link VectorAdamLoops} against the scalar loop, bit for bit, in both dtypes: random values
 * over many magnitudes (tiny second moments, large gradients, zeros), lengths that leave a
 * scalar tail, a start that is not a multiple of the vector length, Adam's and AdamW's
 * coefficients, and many steps in a row so a difference in one step would compound.
 */
class VectorAdamLoopsTest {

  private static final AdamKernel.Loops VECTOR = new VectorAdamLoops();

  @Test
  void theTestsRunTheVectorLoops() {
    // surefire passes --add-modules jdk.incubator.vector; without it this test would compare
    // the scalar loop with itself.
    assertThat(AdamKernel.LOOPS).isInstanceOf(VectorAdamLoops.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 7, 8, 9, 16, 37, 1000})
  void float64IsBitIdenticalToTheScalarLoop(int n) {
    UniformRandomProvider rng = Rngs.create(11 + n);
    double[][] scalar = {values(rng, n), new double[n], new double[n]};
    double[][] vector = {scalar[0].clone(), new double[n], new double[n]};
    for (int t = 1; t <= 20; t++) {
      AdamKernel.Coefficients c = coefficients(t, t % 2 == 0);
      double[] g = values(rng, n);
      int from = Math.min(n, 3);
      AdamKernel.Loops.SCALAR.update(scalar[0], g, scalar[1], scalar[2], from, n, c);
      VECTOR.update(vector[0], g, vector[1], vector[2], from, n, c);
      for (int k = 0; k < 3; k++) {
        assertThat(bits(vector[k])).as("step %d, array %d", t, k).isEqualTo(bits(scalar[k]));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 7, 8, 9, 16, 37, 1000})
  void float32IsBitIdenticalToTheScalarLoop(int n) {
    UniformRandomProvider rng = Rngs.create(23 + n);
    float[][] scalar = {floats(values(rng, n)), new float[n], new float[n]};
    float[][] vector = {scalar[0].clone(), new float[n], new float[n]};
    for (int t = 1; t <= 20; t++) {
      AdamKernel.Coefficients c = coefficients(t, t % 2 == 0);
      float[] g = floats(values(rng, n));
      int from = Math.min(n, 3);
      AdamKernel.Loops.SCALAR.update(scalar[0], g, scalar[1], scalar[2], from, n, c);
      VECTOR.update(vector[0], g, vector[1], vector[2], from, n, c);
      for (int k = 0; k < 3; k++) {
        assertThat(vector[k]).as("step %d, array %d", t, k).isEqualTo(scalar[k]);
      }
    }
  }

  @Test
  void theUpdateMovesTheParameters() {
    // Guards the comparison above against two loops that both do nothing.
    double[] p = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    double[] g = {1, 1, 1, 1, 1, 1, 1, 1, 1};
    VECTOR.update(p, g, new double[9], new double[9], 0, 9, coefficients(1, false));
    assertThat(p[0]).isCloseTo(1 - 0.01, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(p[8]).isCloseTo(9 - 0.01, org.assertj.core.data.Offset.offset(1e-9));
  }

  /** Adam's coefficients at step {@code t} (lr 0.01), or AdamW's shrink with l2 = 0. */
  private static AdamKernel.Coefficients coefficients(int t, boolean adamW) {
    double beta1 = 0.9;
    double beta2 = 0.999;
    double lr = 0.01;
    return new AdamKernel.Coefficients().set(beta1, beta2, 1e-8, adamW ? 1 - lr * 0.1 : 1,
        adamW ? 0 : 0.05, lr / (1 - Math.pow(beta1, t)), Math.sqrt(1 - Math.pow(beta2, t)));
  }

  /** Uniform values in (-1, 1) scaled by 10^[-30, 10], with some exact zeros. */
  private static double[] values(UniformRandomProvider rng, int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = rng.nextInt(10) == 0 ? 0 : (2 * rng.nextDouble() - 1) * Math.pow(10, rng.nextInt(41) - 30);
    }
    return x;
  }

  private static float[] floats(double[] x) {
    float[] f = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      f[i] = (float) x[i];
    }
    return f;
  }

  private static long[] bits(double[] x) {
    long[] b = new long[x.length];
    for (int i = 0; i < x.length; i++) {
      b[i] = Double.doubleToRawLongBits(x[i]);
    }
    return b;
  }
}
