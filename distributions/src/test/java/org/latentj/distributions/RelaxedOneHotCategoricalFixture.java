package org.latentj.distributions;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.model.Distribution;
import org.latentj.tensor.Tensor;

/**
 * {@link RelaxedOneHotCategorical} at a fixed temperature, against the Concrete density written
 * as PyTorch's {@code ExpRelaxedCategorical} plus the exponential map. Values are softmax images
 * of free coordinates, so they stay on the simplex under finite differences.
 */
final class RelaxedOneHotCategoricalFixture extends CategoricalFixture {

  private final double temperature;

  RelaxedOneHotCategoricalFixture(double temperature, DMatrixRMaj logits) {
    super("RelaxedOneHotCategorical(tau=" + temperature + ")", "RelaxedOneHotCategorical",
        logits);
    this.temperature = temperature;
  }

  @Override
  Distribution build(Tensor... p) {
    return RelaxedOneHotCategorical.of(temperature, p[0]);
  }

  @Override
  RelaxedOneHotCategoricalFixture with(DMatrixRMaj... p) {
    return new RelaxedOneHotCategoricalFixture(temperature, p[0]);
  }

  @Override
  boolean closedFormMoments() {
    return false;
  }

  @Override
  boolean closedFormEntropy() {
    return false;
  }

  /** The Concrete log-density, as PyTorch's ExpRelaxedCategorical plus the exp transform. */
  @Override
  double referenceLogProb(int row, double[] y) {
    int k = y.length;
    double[] l = logProbs(row);
    double[] score = new double[k];
    double sumScore = 0;
    double sumLogY = 0;
    for (int j = 0; j < k; j++) {
      double x = Math.log(y[j]);
      score[j] = l[j] - temperature * x;
      sumScore += score[j];
      sumLogY += x;
    }
    double lse = References.logSumExp(score);
    double logScale = Gamma.logGamma(k) + (k - 1) * Math.log(temperature);
    return sumScore - k * lse + logScale - sumLogY;
  }

  /** Gumbel-max: the argmax of a draw is categorical with probabilities softmax(l). */
  @Override
  int drawnClass(DMatrixRMaj draws, int i) {
    int best = 0;
    for (int j = 1; j < cols(); j++) {
      if (draws.get(i, j) > draws.get(i, best)) {
        best = j;
      }
    }
    return best;
  }

  @Override
  DMatrixRMaj freePoints(UniformRandomProvider rng) {
    return Fixtures.normal(rng, rows(), cols(), 2);
  }

  @Override
  Tensor toValue(Tensor free) {
    return free.softmax();
  }

  /** The centre of the simplex. */
  @Override
  DMatrixRMaj middlePoints() {
    return Fixtures.filled(rows(), cols(), 1.0 / cols());
  }

  @Override
  double outsideSupport() {
    return 1.5;
  }

  /** An infinite logit, and a single class. */
  @Override
  List<Invalid> invalidParameters() {
    List<Invalid> invalid = new ArrayList<>(super.invalidParameters());
    invalid.add(Invalid.shape("mismatched: one class", "logits", new DMatrixRMaj(rows(), 1)));
    return invalid;
  }
}
