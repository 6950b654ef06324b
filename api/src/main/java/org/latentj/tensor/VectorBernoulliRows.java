package org.latentj.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SigmoidCrossEntropy.RowKernel} on the Vector API for float32 rows: each term in float
 * lanes, added with a compensated (Kahan) sum per lane, the lanes in float64. {@code exp} and {@code log1p} are written here from
 * additions, multiplications, one division and exponent bits ({@link #expNegAbs},
 * {@link #log1p(float[], int, float[], int)}),
 * not taken from the Vector API's {@code EXP} and {@code LOG1P}: those run the SVML routines once
 * compiled but {@code Math.exp} per lane before, so a run's numbers would depend on when the JIT
 * compiled the loop, and one seed would no longer fix the result. Basic IEEE operations give
 * the same bits interpreted and compiled, and the scalar twins here ({@link #exp(float)},
 * {@link #log1p(float)}) give the leftover elements the same bits as a lane would.
 *
 * <p>float64 rows keep the scalar form (no float64 polynomial is written yet). Loaded only when
 * the JVM has the module ({@link VectorApi}).
 */
final class VectorBernoulliRows implements SigmoidCrossEntropy.RowKernel {

  private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

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

  VectorBernoulliRows() {}

  @Override
  public double row(double[] l, double[] v, int k, int cols, double[] sigmoid) {
    return SigmoidCrossEntropy.RowKernel.SCALAR.row(l, v, k, cols, sigmoid);
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


}
