package org.latentj.distributions;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * What the fixtures of {@link OneHotCategorical} and {@link RelaxedOneHotCategorical} share:
 * logits ({@code n x K}), draws whose class is categorical with probabilities
 * {@code softmax(l)} (tested by chi-square), saturated logits as extremes.
 */
abstract class CategoricalFixture extends FamilyFixture {

  CategoricalFixture(String name, String family, DMatrixRMaj logits) {
    super(name, family, new String[] {"logits"}, logits);
  }

  /** Row 0: one row of classes is enough for the statistical checks. */
  @Override
  final FamilyFixture sampling() {
    return rows() == 1 ? this : with(firstRows());
  }

  /** {@code log softmax} of row {@code row}'s logits. */
  final double[] logProbs(int row) {
    return References.logSoftmax(References.row(parameters()[0], row));
  }

  /** The class that draw {@code i} stands for; fails unless the draw is a valid value. */
  abstract int drawnClass(DMatrixRMaj draws, int i);

  /** Chi-square of the drawn classes' counts against {@code softmax(l)}. */
  @Override
  final double[] goodnessOfFit(int row, DMatrixRMaj draws) {
    long[] counts = new long[cols()];
    for (int i = 0; i < draws.numRows; i++) {
      counts[drawnClass(draws, i)]++;
    }
    double[] p = References.softmax(References.row(parameters()[0], row));
    return new double[] {new MomentAndFitChecks.ChiSquare().add(counts, p).pValue()};
  }

  /** Logits of +-1000, both signs in every row. */
  @Override
  final List<DMatrixRMaj[]> extremeParameters() {
    return List.of(new DMatrixRMaj[] {Fixtures.alternating(rows(), cols(), 1000)},
        new DMatrixRMaj[] {Fixtures.alternating(rows(), cols(), -1000)});
  }

  /** An infinite logit. */
  @Override
  List<Invalid> invalidParameters() {
    DMatrixRMaj[] infinite = parameters();
    infinite[0].set(rows() - 1, cols() - 1, Double.NEGATIVE_INFINITY);
    return List.of(Invalid.value("infinite logit", "logits", infinite));
  }
}
