package org.latentj.distributions;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.model.Distribution;
import org.latentj.tensor.Tensor;

/** {@link OneHotCategorical} from logits, against {@code log softmax} in double. */
final class OneHotCategoricalFixture extends CategoricalFixture {

  OneHotCategoricalFixture(DMatrixRMaj logits) {
    super("OneHotCategorical", "OneHotCategorical", logits);
  }

  @Override
  Distribution build(Tensor... p) {
    return OneHotCategorical.ofLogits(p[0]);
  }

  @Override
  OneHotCategoricalFixture with(DMatrixRMaj... p) {
    return new OneHotCategoricalFixture(p[0]);
  }

  private double probability(int row, int col) {
    return Math.exp(logProbs(row)[col]);
  }

  @Override
  boolean continuous() {
    return false;
  }

  @Override
  double referenceLogProb(int row, double[] value) {
    double[] lp = logProbs(row);
    double s = 0;
    for (int j = 0; j < value.length; j++) {
      s += value[j] * lp[j];
    }
    return s;
  }

  @Override
  double referenceMean(int row, int col) {
    return probability(row, col);
  }

  @Override
  double referenceVariance(int row, int col) {
    double p = probability(row, col);
    return p * (1 - p);
  }

  /** The index of the 1 of a one-hot draw. */
  @Override
  int drawnClass(DMatrixRMaj draws, int i) {
    int drawn = -1;
    for (int j = 0; j < cols(); j++) {
      double x = draws.get(i, j);
      if (x == 1.0 && drawn < 0) {
        drawn = j;
      } else if (x != 0.0) {
        throw new AssertionError("draw " + i + " is not one-hot: " + x + " in column " + j);
      }
    }
    if (drawn < 0) {
      throw new AssertionError("draw " + i + " has no 1");
    }
    return drawn;
  }

  @Override
  DMatrixRMaj freePoints(UniformRandomProvider rng) {
    DMatrixRMaj x = new DMatrixRMaj(rows(), cols());
    for (int i = 0; i < rows(); i++) {
      x.set(i, rng.nextInt(cols()), 1.0);
    }
    return x;
  }

  /** Row {@code i} is class {@code i mod K}. */
  @Override
  DMatrixRMaj middlePoints() {
    DMatrixRMaj x = new DMatrixRMaj(rows(), cols());
    for (int i = 0; i < rows(); i++) {
      x.set(i, i % cols(), 1.0);
    }
    return x;
  }

  @Override
  double outsideSupport() {
    return 0.5;
  }
}
