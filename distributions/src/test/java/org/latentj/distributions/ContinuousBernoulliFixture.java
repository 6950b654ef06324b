package org.latentj.distributions;

import static org.latentj.distributions.Fixtures.filled;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.model.Distribution;
import org.latentj.tensor.Tensor;

/** {@link ContinuousBernoulli} from logits, against {@link CbReference}. */
final class ContinuousBernoulliFixture extends ElementwiseFixture {

  ContinuousBernoulliFixture(DMatrixRMaj logits) {
    super("ContinuousBernoulli.ofLogits", "ContinuousBernoulli", new String[] {"logits"},
        logits);
  }

  @Override
  Distribution build(Tensor... p) {
    return ContinuousBernoulli.ofLogits(p[0]);
  }

  @Override
  ContinuousBernoulliFixture with(DMatrixRMaj... p) {
    return new ContinuousBernoulliFixture(p[0]);
  }

  @Override
  double referenceLogDensity(int row, int col, double x) {
    return CbReference.logDensity(at(0, row, col), x);
  }

  @Override
  double referenceMean(int row, int col) {
    return CbReference.moment(at(0, row, col), 1);
  }

  @Override
  double referenceVariance(int row, int col) {
    double mean = referenceMean(row, col);
    return CbReference.moment(at(0, row, col), 2) - mean * mean;
  }

  @Override
  DoubleUnaryOperator cdf(int row, int col) {
    double l = at(0, row, col);
    return x -> CbReference.cdf(l, x);
  }

  @Override
  DMatrixRMaj freePoints(UniformRandomProvider rng) {
    DMatrixRMaj x = new DMatrixRMaj(rows(), cols());
    for (int i = 0; i < x.data.length; i++) {
      x.data[i] = 0.02 + 0.96 * rng.nextDouble();
    }
    return x;
  }

  @Override
  double outsideSupport() {
    return -0.25;
  }

  @Override
  List<DMatrixRMaj[]> extremeParameters() {
    return List.of(
        new DMatrixRMaj[] {filled(rows(), cols(), 1000)},
        new DMatrixRMaj[] {filled(rows(), cols(), -1000)},
        new DMatrixRMaj[] {filled(rows(), cols(), 0.0)},
        new DMatrixRMaj[] {filled(rows(), cols(), 1e-300)});
  }

  @Override
  List<Invalid> invalidParameters() {
    DMatrixRMaj[] nan = parameters();
    nan[0].set(0, 1, Double.NaN);
    return List.of(Invalid.value("NaN logit", "logits", nan));
  }
}
