package org.latentj.distributions;

import static org.latentj.distributions.Fixtures.filled;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.model.Distribution;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/**
 * {@link StudentT} with a fixed or a learned {@code df}, against Commons Math's standard t
 * shifted and scaled. Parameters: {@code loc, scale} or {@code df, loc, scale}; {@code loc}
 * fixes the batch, {@code scale} and a learned {@code df} may be shared rows.
 */
final class StudentTFixture extends ElementwiseFixture {

  /** The fixed degrees of freedom, or NaN when they are the first parameter. */
  private final double fixedDf;
  /** Learned df the statistical checks draw with (all above 4, so moments exist), or null. */
  private final DMatrixRMaj samplingDf;

  private StudentTFixture(String name, double fixedDf, DMatrixRMaj samplingDf,
      DMatrixRMaj... parameters) {
    super(name, "StudentT", Double.isNaN(fixedDf) ? new String[] {"df", "loc", "scale"}
        : new String[] {"loc", "scale"}, parameters);
    this.fixedDf = fixedDf;
    this.samplingDf = samplingDf;
  }

  static StudentTFixture fixedDf(double df, DMatrixRMaj loc, DMatrixRMaj scale) {
    return new StudentTFixture("StudentT(df=" + df + ")", df, null, loc, scale);
  }

  /** Draws for the statistical checks come from row 0 with {@code samplingDf} ({@code 1 x d}). */
  static StudentTFixture learnedDf(DMatrixRMaj df, DMatrixRMaj loc, DMatrixRMaj scale,
      DMatrixRMaj samplingDf) {
    return new StudentTFixture("StudentT(learned df)", Double.NaN, samplingDf, df, loc, scale);
  }

  private boolean learned() {
    return Double.isNaN(fixedDf);
  }

  private int locIndex() {
    return learned() ? 1 : 0;
  }

  private double df(int row, int col) {
    return learned() ? at(0, row, col) : fixedDf;
  }

  private double loc(int row, int col) {
    return at(locIndex(), row, col);
  }

  private double scale(int row, int col) {
    return at(locIndex() + 1, row, col);
  }

  @Override
  Distribution build(Tensor... p) {
    return learned() ? StudentT.ofLearnedDf(p[0], p[1], p[2]) : StudentT.of(fixedDf, p[0], p[1]);
  }

  @Override
  StudentTFixture with(DMatrixRMaj... p) {
    return new StudentTFixture(name(), fixedDf, samplingDf, p);
  }

  /** Row 0, with {@link #samplingDf} for a learned df. */
  @Override
  FamilyFixture sampling() {
    if (rows() == 1) {
      return this;
    }
    DMatrixRMaj[] first = firstRows();
    if (learned()) {
      first[0] = samplingDf;
    }
    return with(first);
  }

  /** {@code loc} repeats; {@code scale} and a learned {@code df} stay shared if one row. */
  @Override
  Distribution repeated(int k) {
    DMatrixRMaj[] p = parameters();
    Tensor[] t = constants(p);
    for (int i = 0; i < p.length; i++) {
      if (i == locIndex() || p[i].numRows > 1) {
        t[i] = t[i].repeatRows(k);
      }
    }
    return build(t);
  }

  @Override
  double referenceLogDensity(int row, int col, double x) {
    double s = scale(row, col);
    return new TDistribution(null, df(row, col)).logDensity((x - loc(row, col)) / s)
        - Math.log(s);
  }

  /** {@code loc} where {@code df > 1}, NaN (undefined) elsewhere. */
  @Override
  double referenceMean(int row, int col) {
    return df(row, col) > 1 ? loc(row, col) : Double.NaN;
  }

  /** {@code s^2 df / (df - 2)} where {@code df > 2}, infinite for {@code 1 < df <= 2}, or NaN. */
  @Override
  double referenceVariance(int row, int col) {
    double v = df(row, col);
    double s = scale(row, col);
    return v > 2 ? s * s * v / (v - 2) : v > 1 ? Double.POSITIVE_INFINITY : Double.NaN;
  }

  @Override
  boolean finiteMoments() {
    for (int i = 0; i < rows(); i++) {
      for (int j = 0; j < cols(); j++) {
        if (!(df(i, j) > 2)) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  DoubleUnaryOperator cdf(int row, int col) {
    TDistribution t = new TDistribution(null, df(row, col));
    double loc = loc(row, col);
    double s = scale(row, col);
    return x -> t.cumulativeProbability((x - loc) / s);
  }

  /** {@code loc} and {@code scale}: a learned df gets no gradient through a draw. */
  @Override
  int[] rsampleParameters() {
    return learned() ? new int[] {1, 2} : new int[] {0, 1};
  }

  @Override
  DMatrixRMaj freePoints(UniformRandomProvider rng) {
    DMatrixRMaj x = Rngs.standardNormal(rng, rows(), cols());
    for (int i = 0; i < rows(); i++) {
      for (int j = 0; j < cols(); j++) {
        x.set(i, j, loc(i, j) + 3 * scale(i, j) * x.get(i, j));
      }
    }
    return x;
  }

  @Override
  double outsideSupport() {
    return learned() ? Double.POSITIVE_INFINITY : Double.NaN;
  }

  /** Tiny and huge scales, and for a learned df a huge one and one just above 2. */
  @Override
  List<DMatrixRMaj[]> extremeParameters() {
    DMatrixRMaj loc = filled(rows(), cols(), 0.25);
    int scaleRows = parameters()[locIndex() + 1].numRows;
    DMatrixRMaj tiny = filled(scaleRows, cols(), 1e-30);
    DMatrixRMaj huge = filled(scaleRows, cols(), 1e20);
    if (!learned()) {
      return List.of(new DMatrixRMaj[] {loc, tiny}, new DMatrixRMaj[] {loc, huge});
    }
    return List.of(
        new DMatrixRMaj[] {filled(rows(), cols(), 1e12), loc, tiny},
        new DMatrixRMaj[] {filled(rows(), cols(), 2.5), loc, huge});
  }

  @Override
  List<Invalid> invalidParameters() {
    int scale = locIndex() + 1;
    DMatrixRMaj[] infiniteLoc = parameters();
    infiniteLoc[locIndex()].set(2, 1, Double.POSITIVE_INFINITY);
    DMatrixRMaj[] zeroScale = parameters();
    zeroScale[scale].set(0, 2, 0.0);
    DMatrixRMaj[] wideScale = parameters();
    wideScale[scale] = filled(1, cols() + 1, 1.0);
    if (!learned()) {
      return List.of(Invalid.value("infinite loc", "loc", infiniteLoc),
          Invalid.value("zero scale", "scale", zeroScale),
          Invalid.shape("mismatched scale", "scale", wideScale));
    }
    DMatrixRMaj[] negativeDf = parameters();
    negativeDf[0].set(1, 2, -2.0);
    DMatrixRMaj[] tallDf = parameters();
    tallDf[0] = filled(rows() + 1, cols(), 3.0);
    return List.of(Invalid.value("infinite loc", "loc", infiniteLoc),
        Invalid.value("zero scale", "scale", zeroScale),
        Invalid.shape("mismatched scale", "scale", wideScale),
        Invalid.value("negative df", "df", negativeDf),
        Invalid.shape("mismatched df", "df", tallDf));
  }
}
