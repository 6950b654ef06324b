package org.latentj.distributions;

import static org.latentj.distributions.Fixtures.filled;

import java.util.List;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.model.Distribution;
import org.latentj.tensor.Tensor;

/** {@link Poisson} from log-rates, against Commons Math's Poisson. */
final class PoissonFixture extends ElementwiseFixture {

  PoissonFixture(DMatrixRMaj logRate) {
    super("Poisson", "Poisson", new String[] {"logRate"}, logRate);
  }

  @Override
  Distribution build(Tensor... p) {
    return Poisson.ofLogRate(p[0]);
  }

  @Override
  PoissonFixture with(DMatrixRMaj... p) {
    return new PoissonFixture(p[0]);
  }

  /** Row 0: one row of four rates is enough for the statistical checks. */
  @Override
  FamilyFixture sampling() {
    return rows() == 1 ? this : with(firstRows());
  }

  private double rate(int row, int col) {
    return Math.exp(at(0, row, col));
  }

  private PoissonDistribution reference(int row, int col) {
    return new PoissonDistribution(null, rate(row, col), PoissonDistribution.DEFAULT_EPSILON,
        PoissonDistribution.DEFAULT_MAX_ITERATIONS);
  }

  @Override
  double referenceLogDensity(int row, int col, double k) {
    return reference(row, col).logProbability((int) k);
  }

  @Override
  double referenceMean(int row, int col) {
    return rate(row, col);
  }

  @Override
  double referenceVariance(int row, int col) {
    return rate(row, col);
  }

  @Override
  boolean continuous() {
    return false;
  }

  @Override
  boolean closedFormEntropy() {
    return false;
  }

  /** {@code P(k)} up to 8 standard deviations (and 10 counts) above the mean. */
  @Override
  double[] probabilities(int row, int col) {
    double rate = rate(row, col);
    PoissonDistribution ref = reference(row, col);
    double[] p = new double[(int) Math.ceil(rate + 8 * Math.sqrt(rate) + 10) + 1];
    for (int k = 0; k < p.length; k++) {
      p[k] = ref.probability(k);
    }
    return p;
  }

  /** Counts up to about three times the rate. */
  @Override
  DMatrixRMaj freePoints(UniformRandomProvider rng) {
    DMatrixRMaj k = new DMatrixRMaj(rows(), cols());
    for (int i = 0; i < rows(); i++) {
      for (int j = 0; j < cols(); j++) {
        k.set(i, j, Math.floor(rng.nextDouble() * (3 * rate(i, j) + 5)));
      }
    }
    return k;
  }

  @Override
  DMatrixRMaj middlePoints() {
    return filled(rows(), cols(), 1.0);
  }

  @Override
  double outsideSupport() {
    return 2.5;
  }

  /** The largest log-rate validation accepts, and its negative (a rate of 1e-304). */
  @Override
  List<DMatrixRMaj[]> extremeParameters() {
    return List.of(
        new DMatrixRMaj[] {filled(rows(), cols(), Poisson.MAX_LOG_RATE)},
        new DMatrixRMaj[] {filled(rows(), cols(), -Poisson.MAX_LOG_RATE)});
  }

  @Override
  List<Invalid> invalidParameters() {
    DMatrixRMaj[] tooLarge = parameters();
    tooLarge[0].set(1, 1, Poisson.MAX_LOG_RATE + 1);
    DMatrixRMaj[] infinite = parameters();
    infinite[0].set(2, 3, Double.POSITIVE_INFINITY);
    return List.of(Invalid.value("log-rate above the maximum", "logRate", tooLarge),
        Invalid.value("infinite log-rate", "logRate", infinite));
  }
}
