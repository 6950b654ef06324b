package org.latentj.distributions;

import static org.latentj.distributions.Fixtures.filled;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.distribution.AbstractRealDistribution;
import org.apache.commons.math3.distribution.LaplaceDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.model.Distribution;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/**
 * {@link Normal} and {@link Laplace}, each from a scale or from the log of its spread, against
 * Commons Math's distribution of the same location and scale. Parameters: the location and the
 * spread, each {@code n x d} or a shared {@code 1 x d} row.
 */
final class LocationScaleFixture extends RealDistributionFixture {

  /** How a factory takes the spread, and the scale {@code s} a parameter value stands for. */
  enum Spread {
    SCALE("scale", x -> x),
    LOG_SCALE("logScale", Math::exp),
    LOG_VARIANCE("logVariance", x -> Math.exp(x / 2));

    private final String argument;
    private final DoubleUnaryOperator toScale;

    Spread(String argument, DoubleUnaryOperator toScale) {
      this.argument = argument;
      this.toScale = toScale;
    }
  }

  /** A family: its name, location argument, reference and how far support points spread. */
  private record Kind(String family, String location,
      BiFunction<Double, Double, AbstractRealDistribution> reference, double pointSpread) {}

  private static final Kind NORMAL = new Kind("Normal", "mean",
      (mu, s) -> new NormalDistribution(null, mu, s,
          NormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY), 1.5);
  private static final Kind LAPLACE = new Kind("Laplace", "loc",
      (mu, s) -> new LaplaceDistribution(null, mu, s), 2);

  private final Kind kind;
  private final Spread spread;

  private LocationScaleFixture(String name, Kind kind, Spread spread, DMatrixRMaj loc,
      DMatrixRMaj spreadValues) {
    super(name, kind.family(), new String[] {kind.location(), spread.argument}, loc,
        spreadValues);
    this.kind = kind;
    this.spread = spread;
  }

  /** {@code Normal.ofScale} or {@code Normal.ofLogVariance}. */
  static LocationScaleFixture normal(String name, Spread spread, DMatrixRMaj mean,
      DMatrixRMaj spreadValues) {
    return new LocationScaleFixture(name, NORMAL, spread, mean, spreadValues);
  }

  /** {@code Laplace.of} or {@code Laplace.ofLogScale}. */
  static LocationScaleFixture laplace(String name, Spread spread, DMatrixRMaj loc,
      DMatrixRMaj spreadValues) {
    return new LocationScaleFixture(name, LAPLACE, spread, loc, spreadValues);
  }

  @Override
  Distribution build(Tensor... p) {
    if (kind == NORMAL) {
      return spread == Spread.SCALE ? Normal.ofScale(p[0], p[1]) : Normal.ofLogVariance(p[0], p[1]);
    }
    return spread == Spread.SCALE ? Laplace.of(p[0], p[1]) : Laplace.ofLogScale(p[0], p[1]);
  }

  @Override
  LocationScaleFixture with(DMatrixRMaj... p) {
    return new LocationScaleFixture(name(), kind, spread, p[0], p[1]);
  }

  private double scale(int row, int col) {
    return spread.toScale.applyAsDouble(at(1, row, col));
  }

  @Override
  AbstractRealDistribution reference(int row, int col) {
    return kind.reference().apply(at(0, row, col), scale(row, col));
  }

  @Override
  DMatrixRMaj freePoints(UniformRandomProvider rng) {
    DMatrixRMaj x = Rngs.standardNormal(rng, rows(), cols());
    for (int i = 0; i < rows(); i++) {
      for (int j = 0; j < cols(); j++) {
        x.set(i, j, at(0, i, j) + kind.pointSpread() * scale(i, j) * x.get(i, j));
      }
    }
    return x;
  }

  @Override
  double outsideSupport() {
    return Double.NaN;
  }

  /** Scales of 1e-30 and 1e20, or log-spreads of -50 and 50. */
  @Override
  List<DMatrixRMaj[]> extremeParameters() {
    DMatrixRMaj loc = filled(rows(), cols(), 0.25);
    int r = parameters()[1].numRows;
    boolean log = spread != Spread.SCALE;
    return List.of(
        new DMatrixRMaj[] {loc, filled(r, cols(), log ? -50 : 1e-30)},
        new DMatrixRMaj[] {loc, filled(r, cols(), log ? 50 : 1e20)});
  }

  @Override
  List<Invalid> invalidParameters() {
    boolean log = spread != Spread.SCALE;
    String location = parameterName(0);
    String spreadName = parameterName(1);
    int lastSpreadRow = parameters()[1].numRows - 1;
    List<Invalid> invalid = new ArrayList<>();
    DMatrixRMaj[] nanLoc = parameters();
    nanLoc[0].set(rows() - 1, 1, Double.NaN);
    invalid.add(Invalid.value("NaN " + location, location, nanLoc));
    for (int row : new int[] {0, lastSpreadRow}) {
      DMatrixRMaj[] bad = parameters();
      bad[1].set(row, 1, log ? Double.NaN : -0.5);
      invalid.add(Invalid.value((log ? "NaN " : "negative ") + spreadName, spreadName, bad));
    }
    DMatrixRMaj[] zero = parameters();
    zero[1].set(0, 0, log ? Double.POSITIVE_INFINITY : 0.0);
    invalid.add(Invalid.value((log ? "infinite " : "zero ") + spreadName, spreadName, zero));
    DMatrixRMaj[] wideSpread = parameters();
    wideSpread[1] = new DMatrixRMaj(wideSpread[1].numRows, cols() + 1);
    invalid.add(Invalid.shape("mismatched columns", spreadName, wideSpread));
    if (lastSpreadRow > 0) {
      DMatrixRMaj[] tallLoc = parameters();
      tallLoc[0] = new DMatrixRMaj(rows() + 1, cols());
      invalid.add(Invalid.shape("mismatched rows", location, tallLoc));
    }
    return invalid;
  }
}
