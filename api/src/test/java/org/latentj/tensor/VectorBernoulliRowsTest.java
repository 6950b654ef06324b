package org.latentj.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * {@link VectorBernoulliRows} against the scalar form, in float32 and float64: its {@code exp}
 * and {@code log1p} within 3 ulps of {@code Math}'s and each lane bit for bit its scalar twin (so
 * a result does not depend on the JIT); a row's value within 8 unit roundoffs of its dtype times
 * the sum of its terms' magnitudes ({@code sum_j |v_j l_j| + softplus(l_j)}), the stored sigmoid
 * within 4 ulps,
 * on logits from -40 to 40 with the extremes (and, apart, infinite, NaN and overflowing logits),
 * rows that leave a scalar tail, and pixels that are
 * exactly 0 or 1 as well as fractions.
 */
class VectorBernoulliRowsTest {

  /** float32: each term is evaluated in float (a few roundings), the sum in float64. */
  static final double FLOAT32_BOUND = 8 * 0x1p-24;

  /** float64: the same bound in double roundoffs. */
  static final double FLOAT64_BOUND = 8 * 0x1p-53;

  private static final VectorBernoulliRows VECTOR = new VectorBernoulliRows();
  private static final float VectorBernoulliRows_MIN_X = -87f;
  private final UniformRandomProvider rng = Rngs.create(17);

  @Test
  void theTestsRunTheVectorRows() {
    assertThat(SigmoidCrossEntropy.ROWS).isInstanceOf(VectorBernoulliRows.class);
  }

  @Test
  void float64ExpIsWithinThreeUlpsAndEachLaneEqualsTheScalarTwin() {
    double[] x = new double[4096];
    for (int i = 0; i < x.length; i++) {
      x[i] = i < 4 ? new double[] {0, -0.0, -708, -709}[i]
          : i < 2048 ? -750 * rng.nextDouble() : -2 * rng.nextDouble();
    }
    double[] lanes = new double[x.length];
    VectorBernoulliRows.expNegAbs(x, 0, lanes, 0, x.length);
    for (int i = 0; i < x.length; i++) {
      double scalar = VectorBernoulliRows.exp(x[i]);
      assertThat(Double.doubleToRawLongBits(lanes[i])).as("exp(%s)", x[i])
          .isEqualTo(Double.doubleToRawLongBits(scalar));
      double exact = Math.exp(x[i]);
      if (x[i] >= -708) {
        assertThat(Math.abs(scalar - exact)).as("exp(%s)", x[i])
            .isLessThanOrEqualTo(3 * Math.ulp(exact));
      } else {
        assertThat(scalar).isZero();
      }
    }
  }

  @Test
  void float64Log1pIsWithinThreeUlpsAndEachLaneEqualsTheScalarTwin() {
    double[] e = new double[4096];
    for (int i = 0; i < e.length; i++) {
      e[i] = i < 5 ? new double[] {0, 1, 0.41421356237309503, 0.4142135623730951,
          Double.MIN_VALUE}[i] : Math.pow(rng.nextDouble(), 1 + rng.nextInt(60));
    }
    double[] lanes = new double[e.length];
    VectorBernoulliRows.log1p(e, 0, lanes, e.length);
    for (int i = 0; i < e.length; i++) {
      double scalar = VectorBernoulliRows.log1p(e[i]);
      assertThat(Double.doubleToRawLongBits(lanes[i])).as("log1p(%s)", e[i])
          .isEqualTo(Double.doubleToRawLongBits(scalar));
      double exact = Math.log1p(e[i]);
      assertThat(Math.abs(scalar - exact)).as("log1p(%s)", e[i])
          .isLessThanOrEqualTo(3 * Math.ulp(exact));
    }
  }

  @Test
  void float64RowsAndSigmoidsMatchTheScalarForm() {
    for (int cols : new int[] {1, 3, 4, 37, 784}) {
      double[] l = logits(cols);
      double[] v = pixels(cols);
      double[] sv = new double[cols];
      double[] ss = new double[cols];
      double vector = VECTOR.row(l, v, 0, cols, sv);
      double scalar = SigmoidCrossEntropy.RowKernel.SCALAR.row(l, v, 0, cols, ss);
      assertThat(Math.abs(vector - scalar)).as("cols %d", cols)
          .isLessThanOrEqualTo(FLOAT64_BOUND * magnitude(l, v));
      for (int j = 0; j < cols; j++) {
        assertThat(Math.abs(sv[j] - ss[j])).as("sigmoid(%s)", l[j])
            .isLessThanOrEqualTo(4 * Math.ulp(ss[j]) + Double.MIN_NORMAL);
      }
    }
  }

  @Test
  void aFloat64BlockEqualsItsRowsBitForBit() {
    int rows = 3;
    int cols = 45;
    double[] l = logits(rows * cols);
    double[] v = pixels(rows * cols);
    double[] sigmoid = new double[rows * cols];
    double[] out = new double[rows];
    VECTOR.rows(l, v, rows, cols, sigmoid, out);
    double[] rowSigmoid = new double[rows * cols];
    for (int i = 0; i < rows; i++) {
      assertThat(out[i]).isEqualTo(VECTOR.row(l, v, i * cols, cols, rowSigmoid));
    }
    assertThat(sigmoid).isEqualTo(rowSigmoid);
  }

  @Test
  void expIsWithinThreeUlpsAndEachLaneEqualsTheScalarTwin() {
    float[] x = new float[4096];
    for (int i = 0; i < x.length; i++) {
      x[i] = i < 3 ? new float[] {0f, -0f, VectorBernoulliRows_MIN_X}[i]
          : (float) (-90 * rng.nextDouble());
    }
    float[] lanes = new float[x.length];
    VectorBernoulliRows.expNegAbs(x, 0, lanes, 0, x.length);
    for (int i = 0; i < x.length; i++) {
      float scalar = VectorBernoulliRows.exp(x[i]);
      assertThat(Float.floatToRawIntBits(lanes[i])).as("exp(%s)", x[i])
          .isEqualTo(Float.floatToRawIntBits(scalar));
      double exact = Math.exp(x[i]);
      if (x[i] >= VectorBernoulliRows_MIN_X) {
        assertThat(Math.abs(scalar - exact)).as("exp(%s)", x[i])
            .isLessThanOrEqualTo(3 * Math.ulp((float) exact));
      } else {
        assertThat(scalar).isZero();
      }
    }
  }

  @Test
  void log1pIsWithinThreeUlpsAndEachLaneEqualsTheScalarTwin() {
    float[] e = new float[4096];
    for (int i = 0; i < e.length; i++) {
      e[i] = i < 4 ? new float[] {0f, 1f, 0.41421356f, Float.MIN_VALUE}[i]
          : (float) Math.pow(rng.nextDouble(), 1 + rng.nextInt(30));
    }
    float[] lanes = new float[e.length];
    VectorBernoulliRows.log1p(e, 0, lanes, e.length);
    for (int i = 0; i < e.length; i++) {
      float scalar = VectorBernoulliRows.log1p(e[i]);
      assertThat(Float.floatToRawIntBits(lanes[i])).as("log1p(%s)", e[i])
          .isEqualTo(Float.floatToRawIntBits(scalar));
      double exact = Math.log1p(e[i]);
      assertThat(Math.abs(scalar - exact)).as("log1p(%s)", e[i])
          .isLessThanOrEqualTo(3 * Math.ulp((float) exact));
    }
  }

  @Test
  void float32RowsAndSigmoidsMatchTheScalarForm() {
    for (int cols : new int[] {1, 7, 8, 37, 784}) {
      float[] l = floats(logits(cols));
      float[] v = floats(pixels(cols));
      float[] sv = new float[cols];
      float[] ss = new float[cols];
      double vector = VECTOR.row(l, v, 0, cols, sv);
      double scalar = SigmoidCrossEntropy.RowKernel.SCALAR.row(l, v, 0, cols, ss);
      assertThat(Math.abs(vector - scalar)).as("cols %d", cols)
          .isLessThanOrEqualTo(FLOAT32_BOUND * magnitude(widen(l), widen(v)));
      for (int j = 0; j < cols; j++) {
        assertThat(Math.abs(sv[j] - ss[j])).as("sigmoid(%s)", l[j])
            .isLessThanOrEqualTo(4 * Math.ulp(ss[j]) + Float.MIN_NORMAL);
      }
    }
  }

  @Test
  void aBlockEqualsItsRowsBitForBit() {
    int rows = 3;
    int cols = 45;
    float[] l = floats(logits(rows * cols));
    float[] v = floats(pixels(rows * cols));
    float[] sigmoid = new float[rows * cols];
    float[] out = new float[rows];
    VECTOR.rows(l, v, rows, cols, sigmoid, out);
    float[] noSigmoid = new float[rows];
    VECTOR.rows(l, v, rows, cols, null, noSigmoid);
    float[] rowSigmoid = new float[rows * cols];
    for (int i = 0; i < rows; i++) {
      assertThat(out[i]).isEqualTo((float) VECTOR.row(l, v, i * cols, cols, rowSigmoid));
      assertThat(noSigmoid[i]).isEqualTo(out[i]);
    }
    assertThat(sigmoid).isEqualTo(rowSigmoid);
  }

  @Test
  void aRowStartingInsideTheArrayReadsOnlyItsElements() {
    float[] l = floats(logits(50));
    float[] v = floats(pixels(50));
    float[] sigmoid = new float[50];
    double middle = VECTOR.row(l, v, 10, 30, sigmoid);
    double scalar = SigmoidCrossEntropy.RowKernel.SCALAR.row(l, v, 10, 30, null);
    assertThat(Math.abs(middle - scalar)).isLessThanOrEqualTo(1e-4);
    assertThat(sigmoid[9]).isZero();
    assertThat(sigmoid[40]).isZero();
    assertThat(sigmoid[10]).isPositive();
  }

  /**
   * One extreme logit among ordinary ones, in a lane and in the scalar tail, with a pixel 0, 1 or
   * a fraction: the row equals the scalar form's when that is infinite or NaN, else is within the
   * bound (the Kahan correction was NaN after an infinite term, and a float lane overflowed).
   */
  @Test
  void float64ExtremeLogitsGiveTheScalarFormsRow() {
    double[] extremes = {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN, -709,
        709, -750, 1e300, -1e300, -Double.MAX_VALUE, Double.MAX_VALUE};
    int cols = 37;
    for (double extreme : extremes) {
      for (double pixel : new double[] {0, 1, 0.25}) {
        for (int at : new int[] {0, cols - 1}) {
          double[] l = logits(cols);
          double[] v = pixels(cols);
          l[at] = extreme;
          v[at] = pixel;
          if (at == 0) {
            l[1] = extreme;
            v[1] = pixel;
          }
          double[] sv = new double[cols];
          double[] ss = new double[cols];
          double vector = VECTOR.row(l, v, 0, cols, sv);
          double scalar = SigmoidCrossEntropy.RowKernel.SCALAR.row(l, v, 0, cols, ss);
          String what = "l " + extreme + ", v " + pixel + " at " + at;
          if (Double.isFinite(scalar)) {
            assertThat(Math.abs(vector - scalar)).as(what)
                .isLessThanOrEqualTo(FLOAT64_BOUND * magnitude(l, v));
          } else {
            assertThat((Double) vector).as(what).isEqualTo((Double) scalar);
          }
          // Below the smallest normal the lanes' exp is 0, as in the ordinary rows' bound.
          if (Double.isNaN(ss[at])) {
            assertThat(sv[at]).as("sigmoid, " + what).isNaN();
          } else {
            assertThat(Math.abs(sv[at] - ss[at])).as("sigmoid, " + what)
                .isLessThanOrEqualTo(4 * Math.ulp(ss[at]) + Double.MIN_NORMAL);
          }
        }
      }
    }
  }

  /** As the float64 test, with float32 logits up to the largest float. */
  @Test
  void float32ExtremeLogitsGiveTheScalarFormsRow() {
    float[] extremes = {Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, Float.NaN, -88f, 88f,
        -1e30f, 1e30f, -Float.MAX_VALUE, Float.MAX_VALUE};
    int cols = 37;
    for (float extreme : extremes) {
      for (float pixel : new float[] {0f, 1f, 0.25f}) {
        for (int at : new int[] {0, cols - 1}) {
          float[] l = floats(logits(cols));
          float[] v = floats(pixels(cols));
          l[at] = extreme;
          v[at] = pixel;
          if (at == 0) {
            l[1] = extreme;
            v[1] = pixel;
          }
          float[] sv = new float[cols];
          float[] ss = new float[cols];
          double vector = VECTOR.row(l, v, 0, cols, sv);
          double scalar = SigmoidCrossEntropy.RowKernel.SCALAR.row(l, v, 0, cols, ss);
          String what = "l " + extreme + ", v " + pixel + " at " + at;
          if (Double.isFinite(scalar)) {
            assertThat(Math.abs(vector - scalar)).as(what)
                .isLessThanOrEqualTo(FLOAT32_BOUND * magnitude(widen(l), widen(v)));
          } else {
            assertThat((Double) vector).as(what).isEqualTo((Double) scalar);
          }
          // Below the smallest normal the lanes' exp is 0, as in the ordinary rows' bound.
          if (Float.isNaN(ss[at])) {
            assertThat(sv[at]).as("sigmoid, " + what).isNaN();
          } else {
            assertThat(Math.abs(sv[at] - ss[at])).as("sigmoid, " + what)
                .isLessThanOrEqualTo(4 * Math.ulp(ss[at]) + Float.MIN_NORMAL);
          }
        }
      }
    }
  }

  /** {@code sum_j |v_j l_j| + softplus(l_j)}: the scale of a row's rounding error. */
  private static double magnitude(double[] l, double[] v) {
    double m = 0;
    for (int j = 0; j < l.length; j++) {
      m += Math.abs(v[j] * l[j]) + Math.max(l[j], 0) + Math.log1p(Math.exp(-Math.abs(l[j])));
    }
    return m;
  }

  private double[] logits(int n) {
    double[] l = new double[n];
    for (int j = 0; j < n; j++) {
      l[j] = j == 0 ? -40 : j == 1 ? 40 : j == 2 ? 0 : 80 * rng.nextDouble() - 40;
    }
    return l;
  }

  private double[] pixels(int n) {
    double[] v = new double[n];
    for (int j = 0; j < n; j++) {
      int kind = rng.nextInt(3);
      v[j] = kind == 0 ? 0 : kind == 1 ? 1 : rng.nextDouble();
    }
    return v;
  }

  private static float[] floats(double[] x) {
    float[] f = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      f[i] = (float) x[i];
    }
    return f;
  }

  private static double[] widen(float[] f) {
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }
}
