package org.latentj.distributions;

import static org.latentj.distributions.Fixtures.filled;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.model.Distribution;
import org.latentj.tensor.Tensor;

/** {@link Bernoulli} from logits, against the textbook form in {@code p}. */
final class BernoulliFixture extends ElementwiseFixture {

  BernoulliFixture(DMatrixRMaj logits) {
    super("Bernoulli.ofLogits", "Bernoulli", new String[] {"logits"}, logits);
  }

  @Override
  Distribution build(Tensor... p) {
    return Bernoulli.ofLogits(p[0]);
  }

  @Override
  BernoulliFixture with(DMatrixRMaj... p) {
    return new BernoulliFixture(p[0]);
  }

  private double p(int row, int col) {
    return 1 / (1 + Math.exp(-at(0, row, col)));
  }

  /** The textbook form with p, valid at moderate logits. */
  @Override
  double referenceLogDensity(int row, int col, double x) {
    double p = p(row, col);
    return x * Math.log(p) + (1 - x) * Math.log(1 - p);
  }

  @Override
  double referenceMean(int row, int col) {
    return p(row, col);
  }

  @Override
  double referenceVariance(int row, int col) {
    return p(row, col) * (1 - p(row, col));
  }

  @Override
  boolean continuous() {
    return false;
  }

  @Override
  double[] probabilities(int row, int col) {
    double p = p(row, col);
    return new double[] {1 - p, p};
  }

  @Override
  double largestValue(int row, int col) {
    return 1;
  }

  /** Grey levels, with about a third of them exactly 0 or 1. */
  @Override
  DMatrixRMaj freePoints(UniformRandomProvider rng) {
    DMatrixRMaj x = new DMatrixRMaj(rows(), cols());
    for (int i = 0; i < x.data.length; i++) {
      double u = rng.nextDouble();
      x.data[i] = u < 1.0 / 3 ? Math.rint(rng.nextDouble()) : 0.02 + 0.96 * rng.nextDouble();
    }
    return x;
  }

  @Override
  double outsideSupport() {
    return 1.5;
  }

  @Override
  List<DMatrixRMaj[]> extremeParameters() {
    return List.of(
        new DMatrixRMaj[] {filled(rows(), cols(), 1000)},
        new DMatrixRMaj[] {filled(rows(), cols(), -1000)});
  }

  @Override
  List<Invalid> invalidParameters() {
    DMatrixRMaj[] nan = parameters();
    nan[0].set(1, 2, Double.NaN);
    DMatrixRMaj[] inf = parameters();
    inf[0].set(0, 0, Double.NEGATIVE_INFINITY);
    return List.of(Invalid.value("NaN logit", "logits", nan),
        Invalid.value("infinite logit", "logits", inf));
  }
}
