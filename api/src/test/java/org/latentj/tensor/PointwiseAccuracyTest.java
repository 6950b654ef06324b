package org.latentj.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The fast {@code log1p} behind softplus and logSigmoid, against {@link StrictMath#log1p}. */
class PointwiseAccuracyTest {

  @Test
  void log1pUnitIsWithinFourUlpsOfFdlibmOnAGeometricGridAndExactBelowTwoToMinus29() {
    double worst = 0;
    for (double e = 1.0; e > 1e-300; e *= 0.9993) {
      double expected = StrictMath.log1p(e);
      double actual = Pointwise.log1pUnit(e);
      if (e < 0x1p-29) {
        assertThat(actual).as("e = %s", e).isEqualTo(expected);
      }
      worst = Math.max(worst, Math.abs(actual - expected) / Math.ulp(expected));
    }
    assertThat(worst).isLessThanOrEqualTo(4.0);
    assertThat(Pointwise.log1pUnit(0.0)).isEqualTo(0.0);
    assertThat(Pointwise.log1pUnit(1.0)).isCloseTo(Math.log(2), org.assertj.core.api.Assertions
        .within(1e-16));
  }

  @Test
  void softplusMatchesItsDefinitionAcrossTheRange() {
    for (double x = -745; x <= 745; x += 0.37) {
      double expected = Math.max(x, 0) + StrictMath.log1p(Math.exp(-Math.abs(x)));
      double actual = Pointwise.softplus(x);
      assertThat(Math.abs(actual - expected)).as("x = %s", x)
          .isLessThanOrEqualTo(4 * Math.ulp(expected));
    }
  }
}
