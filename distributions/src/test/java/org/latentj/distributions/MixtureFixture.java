package org.latentj.distributions;

import static org.latentj.distributions.Fixtures.filled;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.model.Distribution;
import org.latentj.tensor.Tensor;

/**
 * {@link MixtureOfDiagonalNormals} with mixture weights shared by the batch or one set per row,
 * against a log-sum-exp of Commons Math normal densities. Parameters: mixture logits
 * ({@code 1 x K} or {@code n x K}), means and log-variances ({@code K x d}).
 */
final class MixtureFixture extends FamilyFixture {

  private final boolean shared;

  private MixtureFixture(boolean shared, int rows, DMatrixRMaj... parameters) {
    super("MixtureOfDiagonalNormals(" + (shared ? "shared" : "per-row") + " weights)",
        "MixtureOfDiagonalNormals", rows, parameters[1].numCols,
        new String[] {"mixtureLogits", "means", "logVariances"}, parameters);
    this.shared = shared;
  }

  /** A batch of {@code rows} rows; {@code logits} has one row if shared, else {@code rows}. */
  static MixtureFixture of(int rows, DMatrixRMaj logits, DMatrixRMaj means,
      DMatrixRMaj logVariances) {
    return new MixtureFixture(logits.numRows == 1, rows, logits, means, logVariances);
  }

  @Override
  Distribution build(Tensor... p) {
    return MixtureOfDiagonalNormals.of(p[0], p[1], p[2], rows());
  }

  @Override
  MixtureFixture with(DMatrixRMaj... p) {
    return new MixtureFixture(shared, rows(), p);
  }

  /** One row: the shared weights, or the first row's (still drawn through the per-row path). */
  @Override
  FamilyFixture sampling() {
    if (rows() == 1) {
      return this;
    }
    DMatrixRMaj[] p = parameters();
    p[0] = References.rowMatrix(p[0], 0);
    return new MixtureFixture(shared, 1, p);
  }

  /** Per-row weights repeat with the batch; shared weights, means and variances do not. */
  @Override
  Distribution repeated(int k) {
    Tensor[] t = constants(parameters());
    if (!shared) {
      t[0] = t[0].repeatRows(k);
    }
    return MixtureOfDiagonalNormals.of(t[0], t[1], t[2], rows() * k);
  }

  private double[] weights(int row) {
    return References.softmax(References.row(parameters()[0], shared ? 0 : row));
  }

  private NormalDistribution component(int k, int col) {
    DMatrixRMaj[] p = parameters();
    return new NormalDistribution(null, p[1].get(k, col), Math.exp(0.5 * p[2].get(k, col)));
  }

  @Override
  double referenceLogProb(int row, double[] x) {
    double[] terms = References.logSoftmax(
        References.row(parameters()[0], shared ? 0 : row));
    for (int k = 0; k < terms.length; k++) {
      for (int j = 0; j < x.length; j++) {
        terms[k] += component(k, j).logDensity(x[j]);
      }
    }
    return References.logSumExp(terms);
  }

  /** {@code sum_k pi_k mu_k}. */
  @Override
  double referenceMean(int row, int col) {
    double[] pi = weights(row);
    double m = 0;
    for (int k = 0; k < pi.length; k++) {
      m += pi[k] * component(k, col).getMean();
    }
    return m;
  }

  /** {@code sum_k pi_k (sigma_k^2 + (mu_k - mean)^2)}, the law of total variance. */
  @Override
  double referenceVariance(int row, int col) {
    double[] pi = weights(row);
    double mean = referenceMean(row, col);
    double v = 0;
    for (int k = 0; k < pi.length; k++) {
      NormalDistribution c = component(k, col);
      double offset = c.getMean() - mean;
      v += pi[k] * (c.getNumericalVariance() + offset * offset);
    }
    return v;
  }

  @Override
  boolean closedFormEntropy() {
    return false;
  }

  /**
   * Each coordinate's marginal is a one-dimensional mixture of normals: Kolmogorov-Smirnov on
   * each column's probability integral transform, and on both columns pooled.
   */
  @Override
  double[] goodnessOfFit(int row, DMatrixRMaj draws) {
    double[] pi = weights(row);
    int d = cols();
    double[][] u = new double[d][draws.numRows];
    double[] pValues = new double[d + 1];
    for (int j = 0; j < d; j++) {
      NormalDistribution[] components = new NormalDistribution[pi.length];
      for (int k = 0; k < pi.length; k++) {
        components[k] = component(k, j);
      }
      for (int i = 0; i < draws.numRows; i++) {
        double f = 0;
        for (int k = 0; k < pi.length; k++) {
          f += pi[k] * components[k].cumulativeProbability(draws.get(i, j));
        }
        u[j][i] = f;
      }
      pValues[j] = MomentAndFitChecks.ksUniformPValue(u[j]);
    }
    pValues[d] = MomentAndFitChecks.ksUniformPValue(
        Arrays.stream(u).flatMapToDouble(Arrays::stream).toArray());
    return pValues;
  }

  @Override
  DMatrixRMaj freePoints(UniformRandomProvider rng) {
    return Fixtures.normal(rng, rows(), cols(), 2.5);
  }

  @Override
  double outsideSupport() {
    return Double.NaN;
  }

  /** Saturated weights with tiny and with huge component variances. */
  @Override
  List<DMatrixRMaj[]> extremeParameters() {
    DMatrixRMaj[] p = parameters();
    DMatrixRMaj logits = Fixtures.alternating(p[0].numRows, p[0].numCols, 1000);
    return List.of(
        new DMatrixRMaj[] {logits, p[1], filled(p[2].numRows, p[2].numCols, -50)},
        new DMatrixRMaj[] {logits, p[1], filled(p[2].numRows, p[2].numCols, 50)});
  }

  @Override
  List<Invalid> invalidParameters() {
    DMatrixRMaj[] tooWide = parameters();
    tooWide[2].set(1, 0, MixtureOfDiagonalNormals.MAX_ABS_LOG_VARIANCE + 1);
    DMatrixRMaj[] wrongVariances = parameters();
    wrongVariances[2] = new DMatrixRMaj(wrongVariances[1].numRows, cols() + 1);
    DMatrixRMaj[] wrongLogits = parameters();
    wrongLogits[0] = new DMatrixRMaj(wrongLogits[0].numRows, wrongLogits[0].numCols + 1);
    return List.of(Invalid.value("log-variance beyond the maximum", "logVariances", tooWide),
        Invalid.shape("mismatched log-variances", "logVariances", wrongVariances),
        Invalid.shape("mismatched mixture logits", "mixtureLogits", wrongLogits));
  }
}
