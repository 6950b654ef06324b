package org.latentj.distributions;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.distribution.AbstractRealDistribution;
import org.ejml.data.DMatrixRMaj;

/** An elementwise fixture whose every element has a Commons Math distribution as reference. */
abstract class RealDistributionFixture extends ElementwiseFixture {

  RealDistributionFixture(String name, String family, String[] parameterNames,
      DMatrixRMaj... parameters) {
    super(name, family, parameterNames, parameters);
  }

  RealDistributionFixture(String name, String family, int rows, int cols,
      String[] parameterNames, DMatrixRMaj... parameters) {
    super(name, family, rows, cols, parameterNames, parameters);
  }

  /** The reference distribution of element (row, col). */
  abstract AbstractRealDistribution reference(int row, int col);

  @Override
  final double referenceLogDensity(int row, int col, double x) {
    return reference(row, col).logDensity(x);
  }

  @Override
  final double referenceMean(int row, int col) {
    return reference(row, col).getNumericalMean();
  }

  @Override
  final double referenceVariance(int row, int col) {
    return reference(row, col).getNumericalVariance();
  }

  @Override
  final DoubleUnaryOperator cdf(int row, int col) {
    return reference(row, col)::cumulativeProbability;
  }
}
