package org.latentj.distributions;

import java.util.List;
import org.apache.commons.math3.distribution.AbstractRealDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.model.Distribution;
import org.latentj.tensor.Tensor;

/** {@link StandardNormal}, which has no parameters, against Commons Math's unit normal. */
final class StandardNormalFixture extends RealDistributionFixture {

  private static final NormalDistribution UNIT =
      new NormalDistribution(null, 0, 1, NormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);

  StandardNormalFixture(int rows, int cols) {
    super("StandardNormal", "StandardNormal", rows, cols, new String[0]);
  }

  @Override
  Distribution build(Tensor... p) {
    return StandardNormal.of(rows(), cols());
  }

  @Override
  Distribution repeated(int k) {
    return StandardNormal.of(rows() * k, cols());
  }

  @Override
  StandardNormalFixture with(DMatrixRMaj... p) {
    return this;
  }

  @Override
  AbstractRealDistribution reference(int row, int col) {
    return UNIT;
  }

  @Override
  DMatrixRMaj freePoints(UniformRandomProvider rng) {
    return Fixtures.normal(rng, rows(), cols(), 1.5);
  }

  @Override
  double outsideSupport() {
    return Double.POSITIVE_INFINITY;
  }

  @Override
  List<DMatrixRMaj[]> extremeParameters() {
    return List.of();
  }

  @Override
  List<Invalid> invalidParameters() {
    return List.of();
  }
}
