package org.latentj.tensor;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SigmoidCrossEntropy.RowKernel} on the Vector API: float32 rows with each term in float
 * lanes, float64 rows in double lanes, added with a compensated (Kahan) sum per lane, the lanes
 * in float64. {@code exp} and {@code log1p} are written here from
 * additions, multiplications, one division and exponent bits ({@link #expNegAbs},
 * {@link #log1p(float[], int, float[], int)}),
 * not taken from the Vector API's {@code EXP} and {@code LOG1P}: those run the SVML routines once
 * compiled but {@code Math.exp} per lane before, so a run's numbers would depend on when the JIT
 * compiled the loop, and one seed would no longer fix the result. Basic IEEE operations give
 * the same bits interpreted and compiled, and the scalar twins here ({@link #exp(float)},
 * {@link #log1p(float)}) give the leftover elements the same bits as a lane would.
 *
 * <p>float64 rows use the same reductions with longer polynomials (degree 13 for {@code exp}, to
 * {@code s^19} for {@code log1p}): within 3 ulps of {@code Math}'s as float32's. Loaded only when
 * the JVM has the module ({@link VectorApi}).
 */
final class VectorBernoulliRows implements SigmoidCrossEntropy.RowKernel {

  private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

  private static final float LOG2E = 1.44269504f;
  /** 1.5 2^23: a float in [2^23, 2^24) has no fraction bits, so adding it rounds to an integer. */
  private static final float ROUNDER = 0x1.8p23f;
  private static final int ROUNDER_BITS = Float.floatToRawIntBits(ROUNDER);
  /** ln 2 in two parts (Cody and Waite): {@code n LN2_HI} is exact for the exponents used. */
  private static final float LN2_HI = 0.693359375f;
  private static final float LN2_LO = -2.12194440e-4f;
  private static final float LN2 = 0.6931472f;
  /** Below it {@code exp} is under the smallest normal float; it returns 0 there. */
  private static final float MIN_X = -87f;
  /** sqrt(2) - 1: above it {@link #log1p} reduces {@code 1 + e} by a factor 2. */
  private static final float SQRT2_M1 = 0.41421356f;

  /** The float64 constants, as the float ones: 1.5 2^52 rounds a double to an integer. */
  private static final double LOG2E_D = 1.4426950408889634;
  private static final double ROUNDER_D = 0x1.8p52;
  private static final long ROUNDER_D_BITS = Double.doubleToRawLongBits(ROUNDER_D);
  /** fdlibm's ln 2 in two parts; {@code n LN2_HI_D} is exact for {@code |n| < 2^21}. */
  private static final double LN2_HI_D = 6.93147180369123816490e-01;
  private static final double LN2_LO_D = 1.90821492927058770002e-10;
  /** Below it {@code exp} is under the smallest normal double; it returns 0 there. */
  private static final double MIN_X_D = -708;
  private static final double SQRT2_M1_D = 0.41421356237309503;

  VectorBernoulliRows() {}

  @Override
  public double row(double[] l, double[] v, int k, int cols, double[] sigmoid) {
    double[] e = new double[cols];
    double[] log1p = new double[cols];
    expNegAbs(l, k, e, 0, cols);
    log1p(e, 0, log1p, cols);
    double sum = terms(l, v, k, log1p, 0, cols);
    if (sigmoid != null) {
      sigmoids(l, k, e, 0, sigmoid, k, cols);
    }
    return sum;
  }

  /** The float64 block in passes over arrays, as {@link #rows(float[], float[], int, int, float[], float[])}. */
  @Override
  public void rows(double[] l, double[] v, int rows, int cols, double[] sigmoid, double[] out) {
    int n = rows * cols;
    double[] e = Workspace.doubles(rows, cols).data;
    double[] log1p = Workspace.doubles(rows, cols).data;
    expNegAbs(l, 0, e, 0, n);
    log1p(e, 0, log1p, n);
    for (int i = 0; i < rows; i++) {
      out[i] = terms(l, v, i * cols, log1p, i * cols, cols);
    }
    if (sigmoid != null) {
      sigmoids(l, 0, e, 0, sigmoid, 0, n);
    }
  }

  @Override
  public double row(float[] l, float[] v, int k, int cols, float[] sigmoid) {
    float[] e = new float[cols];
    float[] log1p = new float[cols];
    expNegAbs(l, k, e, 0, cols);
    log1p(e, 0, log1p, cols);
    double sum = terms(l, v, k, log1p, 0, cols);
    if (sigmoid != null) {
      sigmoids(l, k, e, 0, sigmoid, k, cols);
    }
    return sum;
  }

  /**
   * The whole matrix in passes over arrays, each a method called once whose loop holds every
   * vector operation itself: a vector passed to or returned from a call that C2 does not inline
   * is boxed, and whether it inlines depended on the order of compilation (once 3 MB of boxes per
   * VAE step).
   */
  @Override
  public void rows(float[] l, float[] v, int rows, int cols, float[] sigmoid, float[] out) {
    int n = rows * cols;
    float[] e = Workspace.floats(rows, cols).data;
    float[] log1p = Workspace.floats(rows, cols).data;
    expNegAbs(l, 0, e, 0, n);
    log1p(e, 0, log1p, n);
    for (int i = 0; i < rows; i++) {
      out[i] = (float) terms(l, v, i * cols, log1p, i * cols, cols);
    }
    if (sigmoid != null) {
      sigmoids(l, 0, e, 0, sigmoid, 0, n);
    }
  }

  /**
   * {@code e[at + j] = exp(-|l[k + j]|)} for {@code j < n}, within 3 ulps of {@code Math.exp}:
   * {@code x = n ln 2 + r} with {@code |r| <= ln 2 / 2}, the Taylor polynomial of degree 6 for
   * {@code e^r}, times {@code 2^n} made from exponent bits; 0 below {@value #MIN_X}.
   */
  static void expNegAbs(float[] l, int k, float[] e, int at, int n) {
    int j = 0;
    for (int upper = F.loopBound(n); j < upper; j += F.length()) {
      FloatVector x = FloatVector.fromArray(F, l, k + j).abs().neg();
      FloatVector xc = x.max(MIN_X);
      // Adding 1.5 2^23 rounds x log2(e) to the nearest integer and leaves it in the low bits
      // (no float-to-int conversion, which this JDK does not compile on AVX2).
      FloatVector t = xc.mul(LOG2E).add(ROUNDER);
      FloatVector nf = t.sub(ROUNDER);
      FloatVector r = xc.sub(nf.mul(LN2_HI)).sub(nf.mul(LN2_LO));
      FloatVector p = r.mul(1 / 720f).add(1 / 120f).mul(r).add(1 / 24f).mul(r).add(1 / 6f)
          .mul(r).add(0.5f).mul(r).add(1f).mul(r).add(1f);
      FloatVector scale = t.reinterpretAsInts().sub(ROUNDER_BITS - 127)
          .lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
      p.mul(scale).blend(0f, x.compare(VectorOperators.LT, MIN_X)).intoArray(e, at + j);
    }
    for (; j < n; j++) {
      e[at + j] = exp(-Math.abs(l[k + j]));
    }
  }

  /**
   * {@code out[at + j] = log(1 + e[at + j])} for {@code 0 <= e <= 1}, within 3 ulps of
   * {@code Math.log1p}: {@code 1 + e = 2^k (1 + f)} with {@code f = e} or {@code (e - 1) / 2}
   * (both exact or nearly, so the small {@code e} lose nothing to forming {@code 1 + e}), then
   * {@code log(1 + f) = 2 atanh(s)}, {@code s = f / (2 + f)}, {@code |s| <= 0.172}, to the term
   * in {@code s^9}.
   */
  static void log1p(float[] e, int at, float[] out, int n) {
    int j = 0;
    for (int upper = F.loopBound(n); j < upper; j += F.length()) {
      FloatVector x = FloatVector.fromArray(F, e, at + j);
      VectorMask<Float> halve = x.compare(VectorOperators.GT, SQRT2_M1);
      FloatVector f = x.blend(x.sub(1f).mul(0.5f), halve);
      FloatVector s = f.div(f.add(2f));
      FloatVector s2 = s.mul(s);
      FloatVector poly = s2.mul(1 / 9f).add(1 / 7f).mul(s2).add(1 / 5f).mul(s2).add(1 / 3f)
          .mul(s2).add(1f);
      s.add(s).mul(poly).add(FloatVector.zero(F).blend(LN2, halve)).intoArray(out, at + j);
    }
    for (; j < n; j++) {
      out[at + j] = log1p(e[at + j]);
    }
  }

  /**
   * The sum of {@code v l - (max(l, 0) + log1p)} over {@code n} elements: Kahan's compensated
   * sum in each lane, then the lanes in float64, so the float lanes lose no more than float64
   * would.
   */
  private static double terms(float[] l, float[] v, int k, float[] log1p, int at, int n) {
    FloatVector sum = FloatVector.zero(F);
    FloatVector lost = FloatVector.zero(F);
    int j = 0;
    for (int upper = F.loopBound(n); j < upper; j += F.length()) {
      FloatVector li = FloatVector.fromArray(F, l, k + j);
      FloatVector term = FloatVector.fromArray(F, v, k + j).mul(li)
          .sub(li.max(0f).add(FloatVector.fromArray(F, log1p, at + j)));
      FloatVector y = term.sub(lost);
      FloatVector t = sum.add(y);
      lost = t.sub(sum).sub(y);
      sum = t;
    }
    double s = 0;
    for (int lane = 0; lane < F.length(); lane++) {
      s += (double) sum.lane(lane) - lost.lane(lane);
    }
    for (; j < n; j++) {
      s += v[k + j] * l[k + j] - (Math.max(l[k + j], 0f) + log1p[at + j]);
    }
    return Double.isFinite(s) ? s : inOrder(l, v, k, log1p, at, n);
  }

  /**
   * The row's terms in float64 one after another, as the scalar form adds them: for a row whose
   * lanes came out infinite or NaN. Kahan's correction {@code t - sum - y} is NaN once a term
   * (or a float lane's sum) is infinite, so an infinite row would read NaN; added in order, a
   * row is -inf or NaN exactly when the scalar form's is, and a float lane that overflowed is
   * finite again in float64.
   */
  private static double inOrder(float[] l, float[] v, int k, float[] log1p, int at, int n) {
    double s = 0;
    for (int j = 0; j < n; j++) {
      double li = l[k + j];
      s += v[k + j] * li - (Math.max(li, 0.0) + log1p[at + j]);
    }
    return s;
  }

  /** {@code sigmoid[to + j]} from {@code l[k + j]} and {@code e[at + j] = exp(-|l|)}. */
  private static void sigmoids(float[] l, int k, float[] e, int at, float[] sigmoid, int to,
      int n) {
    int j = 0;
    for (int upper = F.loopBound(n); j < upper; j += F.length()) {
      FloatVector li = FloatVector.fromArray(F, l, k + j);
      FloatVector ej = FloatVector.fromArray(F, e, at + j);
      FloatVector r = FloatVector.broadcast(F, 1f).div(ej.add(1f));
      // sigmoid(l) = r for l >= 0, e r below (and for NaN, as the scalar form).
      r.mul(ej).blend(r, li.compare(VectorOperators.GE, 0f)).intoArray(sigmoid, to + j);
    }
    for (; j < n; j++) {
      float r = 1f / (e[at + j] + 1f);
      sigmoid[to + j] = l[k + j] >= 0f ? r : r * e[at + j];
    }
  }

  /** One lane of {@link #expNegAbs} on {@code x = -|l|}, with the same operations. */
  static float exp(float x) {
    float xc = Math.max(x, MIN_X);
    float t = xc * LOG2E + ROUNDER;
    float nf = t - ROUNDER;
    float r = xc - nf * LN2_HI - nf * LN2_LO;
    float p = ((((((r * (1 / 720f) + 1 / 120f) * r + 1 / 24f) * r + 1 / 6f) * r + 0.5f) * r
        + 1f) * r) + 1f;
    float scale = Float.intBitsToFloat((Float.floatToRawIntBits(t) - (ROUNDER_BITS - 127)) << 23);
    return x < MIN_X ? 0f : p * scale;
  }

  /** One lane of {@link #log1p(float[], int, float[], int)}, with the same operations. */
  static float log1p(float e) {
    boolean halve = e > SQRT2_M1;
    float f = halve ? (e - 1f) * 0.5f : e;
    float s = f / (f + 2f);
    float s2 = s * s;
    float poly = (((s2 * (1 / 9f) + 1 / 7f) * s2 + 1 / 5f) * s2 + 1 / 3f) * s2 + 1f;
    return (s + s) * poly + (halve ? LN2 : 0f);
  }

  // ---------------------------------------------------------------- float64 lanes

  /**
   * {@code e[at + j] = exp(-|l[k + j]|)}, float64, within 3 ulps of {@code Math.exp}: as the
   * float form, with the Taylor polynomial of degree 13 (its remainder below 2^-57 on
   * {@code |r| <= ln 2 / 2}); 0 below {@value #MIN_X_D}.
   */
  static void expNegAbs(double[] l, int k, double[] e, int at, int n) {
    int j = 0;
    for (int upper = D.loopBound(n); j < upper; j += D.length()) {
      DoubleVector x = DoubleVector.fromArray(D, l, k + j).abs().neg();
      DoubleVector xc = x.max(MIN_X_D);
      DoubleVector t = xc.mul(LOG2E_D).add(ROUNDER_D);
      DoubleVector nf = t.sub(ROUNDER_D);
      DoubleVector r = xc.sub(nf.mul(LN2_HI_D)).sub(nf.mul(LN2_LO_D));
      DoubleVector p = r.mul(1 / 6227020800.0).add(1 / 479001600.0).mul(r).add(1 / 39916800.0)
          .mul(r).add(1 / 3628800.0).mul(r).add(1 / 362880.0).mul(r).add(1 / 40320.0).mul(r)
          .add(1 / 5040.0).mul(r).add(1 / 720.0).mul(r).add(1 / 120.0).mul(r).add(1 / 24.0)
          .mul(r).add(1 / 6.0).mul(r).add(0.5).mul(r).add(1.0).mul(r).add(1.0);
      DoubleVector scale = t.reinterpretAsLongs().sub(ROUNDER_D_BITS - 1023)
          .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
      p.mul(scale).blend(0.0, x.compare(VectorOperators.LT, MIN_X_D)).intoArray(e, at + j);
    }
    for (; j < n; j++) {
      e[at + j] = exp(-Math.abs(l[k + j]));
    }
  }

  /**
   * {@code out[at + j] = log(1 + e[at + j])} for {@code 0 <= e <= 1}, float64, within 3 ulps of
   * {@code Math.log1p}: as the float form, the series to the term in {@code s^19} (remainder
   * below 2^-55 relative), and {@code ln 2} added in two parts.
   */
  static void log1p(double[] e, int at, double[] out, int n) {
    int j = 0;
    DoubleVector zero = DoubleVector.zero(D);
    for (int upper = D.loopBound(n); j < upper; j += D.length()) {
      DoubleVector x = DoubleVector.fromArray(D, e, at + j);
      VectorMask<Double> halve = x.compare(VectorOperators.GT, SQRT2_M1_D);
      DoubleVector f = x.blend(x.sub(1.0).mul(0.5), halve);
      DoubleVector s = f.div(f.add(2.0));
      DoubleVector s2 = s.mul(s);
      DoubleVector poly = s2.mul(1 / 19.0).add(1 / 17.0).mul(s2).add(1 / 15.0).mul(s2)
          .add(1 / 13.0).mul(s2).add(1 / 11.0).mul(s2).add(1 / 9.0).mul(s2).add(1 / 7.0)
          .mul(s2).add(1 / 5.0).mul(s2).add(1 / 3.0).mul(s2).add(1.0);
      s.add(s).mul(poly).add(zero.blend(LN2_LO_D, halve)).add(zero.blend(LN2_HI_D, halve))
          .intoArray(out, at + j);
    }
    for (; j < n; j++) {
      out[at + j] = log1p(e[at + j]);
    }
  }

  /** As the float form's sum, in double lanes. */
  private static double terms(double[] l, double[] v, int k, double[] log1p, int at, int n) {
    DoubleVector sum = DoubleVector.zero(D);
    DoubleVector lost = DoubleVector.zero(D);
    int j = 0;
    for (int upper = D.loopBound(n); j < upper; j += D.length()) {
      DoubleVector li = DoubleVector.fromArray(D, l, k + j);
      DoubleVector term = DoubleVector.fromArray(D, v, k + j).mul(li)
          .sub(li.max(0.0).add(DoubleVector.fromArray(D, log1p, at + j)));
      DoubleVector y = term.sub(lost);
      DoubleVector t = sum.add(y);
      lost = t.sub(sum).sub(y);
      sum = t;
    }
    double s = 0;
    for (int lane = 0; lane < D.length(); lane++) {
      s += sum.lane(lane) - lost.lane(lane);
    }
    for (; j < n; j++) {
      s += v[k + j] * l[k + j] - (Math.max(l[k + j], 0.0) + log1p[at + j]);
    }
    return Double.isFinite(s) ? s : inOrder(l, v, k, log1p, at, n);
  }

  /** The float64 row's terms one after another, as the float form's {@code inOrder}. */
  private static double inOrder(double[] l, double[] v, int k, double[] log1p, int at, int n) {
    double s = 0;
    for (int j = 0; j < n; j++) {
      s += v[k + j] * l[k + j] - (Math.max(l[k + j], 0.0) + log1p[at + j]);
    }
    return s;
  }

  /** {@code sigmoid[to + j]} from {@code l[k + j]} and {@code e[at + j] = exp(-|l|)}, float64. */
  private static void sigmoids(double[] l, int k, double[] e, int at, double[] sigmoid, int to,
      int n) {
    int j = 0;
    for (int upper = D.loopBound(n); j < upper; j += D.length()) {
      DoubleVector li = DoubleVector.fromArray(D, l, k + j);
      DoubleVector ej = DoubleVector.fromArray(D, e, at + j);
      DoubleVector r = DoubleVector.broadcast(D, 1.0).div(ej.add(1.0));
      r.mul(ej).blend(r, li.compare(VectorOperators.GE, 0.0)).intoArray(sigmoid, to + j);
    }
    for (; j < n; j++) {
      double r = 1.0 / (e[at + j] + 1.0);
      sigmoid[to + j] = l[k + j] >= 0.0 ? r : r * e[at + j];
    }
  }

  /** One lane of the float64 {@link #expNegAbs(double[], int, double[], int, int)}. */
  static double exp(double x) {
    double xc = Math.max(x, MIN_X_D);
    double t = xc * LOG2E_D + ROUNDER_D;
    double nf = t - ROUNDER_D;
    double r = xc - nf * LN2_HI_D - nf * LN2_LO_D;
    double p = r * (1 / 6227020800.0) + 1 / 479001600.0;
    p = p * r + 1 / 39916800.0;
    p = p * r + 1 / 3628800.0;
    p = p * r + 1 / 362880.0;
    p = p * r + 1 / 40320.0;
    p = p * r + 1 / 5040.0;
    p = p * r + 1 / 720.0;
    p = p * r + 1 / 120.0;
    p = p * r + 1 / 24.0;
    p = p * r + 1 / 6.0;
    p = p * r + 0.5;
    p = p * r + 1.0;
    p = p * r + 1.0;
    double scale = Double.longBitsToDouble(
        (Double.doubleToRawLongBits(t) - (ROUNDER_D_BITS - 1023)) << 52);
    return x < MIN_X_D ? 0.0 : p * scale;
  }

  /** One lane of the float64 {@link #log1p(double[], int, double[], int)}. */
  static double log1p(double e) {
    boolean halve = e > SQRT2_M1_D;
    double f = halve ? (e - 1.0) * 0.5 : e;
    double s = f / (f + 2.0);
    double s2 = s * s;
    double poly = s2 * (1 / 19.0) + 1 / 17.0;
    poly = poly * s2 + 1 / 15.0;
    poly = poly * s2 + 1 / 13.0;
    poly = poly * s2 + 1 / 11.0;
    poly = poly * s2 + 1 / 9.0;
    poly = poly * s2 + 1 / 7.0;
    poly = poly * s2 + 1 / 5.0;
    poly = poly * s2 + 1 / 3.0;
    poly = poly * s2 + 1.0;
    return (s + s) * poly + (halve ? LN2_LO_D : 0.0) + (halve ? LN2_HI_D : 0.0);
  }
}
