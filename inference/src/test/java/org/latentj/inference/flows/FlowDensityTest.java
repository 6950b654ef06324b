package org.latentj.inference.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.commons.math3.distribution.AbstractRealDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.latentj.distributions.Normal;
import org.latentj.distributions.StandardNormal;
import org.latentj.distributions.TransformedDistribution;
import org.latentj.tensor.GradMode;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/**
 * A flow's samples against its density. In 1-D: a Kolmogorov-Smirnov test of pushed-forward
 * draws against the CDF got by integrating {@code exp(logProb)} on a grid (so the density, the
 * inverse and the sampler must agree). In 2-D, for every flow including IAF (whose density is
 * known only at its own draws): {@code E_{y ~ p}[g(y) / p(y)] = 1} for a normalized g (a narrow Normal where p has mass), which
 * fails if the log-determinant has the wrong sign or scale.
 */
class FlowDensityTest {

  static List<FlowCases.Case> oneDimensional() {
    return FlowCases.invertible(1, 1).stream().filter(c -> c.context() == null).toList();
  }

  static List<FlowCases.Case> twoDimensional() {
    return FlowCases.all(2, 1).stream().filter(c -> c.context() == null).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oneDimensional")
  void oneDimensionalDrawsFollowTheIntegratedDensity(FlowCases.Case c) {
    int n = 4000;
    double[] draws;
    try (GradMode.Scope off = GradMode.disable()) {
      draws = TransformedDistribution.of(StandardNormal.of(n, 1), c.bijection())
          .sample(Rngs.create(21)).value().data;
      GridCdf cdf = GridCdf.of(c, -15, 15, 30001);
      assertThat(cdf.total).as("the density integrates to 1").isBetween(0.999, 1.001);
      double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(cdf, draws);
      assertThat(p).as(c.name()).isGreaterThan(0.01);
      // and the test has power: the draws are not standard normal
      double pBase = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(
          new org.apache.commons.math3.distribution.NormalDistribution(), draws);
      assertThat(pBase).as(c.name() + " differs from its base").isLessThan(0.01);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("twoDimensional")
  void importanceWeightsOfANormalizedDensityAverageToOne(FlowCases.Case c) {
    int n = 20000;
    try (GradMode.Scope off = GradMode.disable()) {
      TransformedDistribution p = TransformedDistribution.of(StandardNormal.of(n, 2),
          c.bijection());
      Tensor y = p.sample(Rngs.create(5));
      // g: narrow, at the draws' coordinate-wise median, so g / p stays bounded wherever g has
      // mass (a wide g would put mass where p is thin and make the weights heavy-tailed)
      Normal g = Normal.ofScale(medianRow(y).add(Tensor.zeros(n, 2)), Tensor.filled(1, 2, 0.3));
      double[] logW = g.logProb(y).sub(p.logProb(y)).value().data;
      double mean = 0;
      double square = 0;
      for (double lw : logW) {
        double w = Math.exp(lw);
        mean += w / n;
        square += w * w / n;
      }
      double se = Math.sqrt((square - mean * mean) / n);
      assertThat(se).as(c.name()).isLessThan(0.05);
      assertThat(Math.abs(mean - 1)).as(c.name() + " mean weight " + mean)
          .isLessThan(4 * se);
    }
  }

  private static Tensor medianRow(Tensor y) {
    double[] median = new double[y.cols()];
    for (int j = 0; j < y.cols(); j++) {
      double[] column = new double[y.rows()];
      for (int i = 0; i < y.rows(); i++) {
        column[i] = y.get(i, j);
      }
      java.util.Arrays.sort(column);
      median[j] = column[column.length / 2];
    }
    return Tensor.row(median);
  }

  /** The CDF of a 1-D flow by the trapezoid rule on exp(logProb) over a grid. */
  private static final class GridCdf extends AbstractRealDistribution {
    private final double[] x;
    private final double[] cumulative;
    private final double total;

    private GridCdf(double[] x, double[] cumulative) {
      super(null);
      this.x = x;
      this.cumulative = cumulative;
      this.total = cumulative[cumulative.length - 1];
    }

    static GridCdf of(FlowCases.Case c, double lo, double hi, int points) {
      double[] x = new double[points];
      Tensor grid = Tensor.zeros(points, 1);
      for (int i = 0; i < points; i++) {
        x[i] = lo + (hi - lo) * i / (points - 1);
        grid.value().data[i] = x[i];
      }
      double[] logP = TransformedDistribution.of(StandardNormal.of(points, 1), c.bijection())
          .logProb(grid).value().data;
      double[] cum = new double[points];
      for (int i = 1; i < points; i++) {
        cum[i] = cum[i - 1]
            + 0.5 * (Math.exp(logP[i]) + Math.exp(logP[i - 1])) * (x[i] - x[i - 1]);
      }
      return new GridCdf(x, cum);
    }

    @Override
    public double cumulativeProbability(double v) {
      if (v <= x[0]) {
        return 0;
      }
      if (v >= x[x.length - 1]) {
        return 1;
      }
      double step = x[1] - x[0];
      int i = (int) ((v - x[0]) / step);
      double f = (v - x[i]) / step;
      return (cumulative[i] + f * (cumulative[i + 1] - cumulative[i])) / total;
    }

    @Override
    public double density(double v) {
      throw new UnsupportedOperationException();
    }

    @Override
    public double getNumericalMean() {
      return Double.NaN;
    }

    @Override
    public double getNumericalVariance() {
      return Double.NaN;
    }

    @Override
    public double getSupportLowerBound() {
      return x[0];
    }

    @Override
    public double getSupportUpperBound() {
      return x[x.length - 1];
    }

    @Override
    public boolean isSupportLowerBoundInclusive() {
      return true;
    }

    @Override
    public boolean isSupportUpperBoundInclusive() {
      return true;
    }

    @Override
    public boolean isSupportConnected() {
      return true;
    }
  }
}
