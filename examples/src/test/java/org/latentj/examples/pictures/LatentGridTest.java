package org.latentj.examples.pictures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.latentj.examples.pictures.LatentGrid.Interpolation;

class LatentGridTest {

  private static final NormalDistribution PHI = new NormalDistribution(null, 0, 1);

  private static DMatrixRMaj row(double... values) {
    return new DMatrixRMaj(1, values.length, true, values);
  }

  private static DMatrixRMaj rowOf(DMatrixRMaj m, int i) {
    return CommonOps_DDRM.extractRow(m, i, null);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 5, 10, 11, 20})
  void quantilesAreMidpointsOfEqualMassSlicesAndExactlySymmetric(int n) {
    double[] q = LatentGrid.normalQuantiles(n);
    assertThat(q).hasSize(n);
    for (int i = 0; i < n; i++) {
      assertThat(PHI.cumulativeProbability(q[i])).as("Phi(q_%d)", i)
          .isCloseTo((i + 0.5) / n, within(1e-12));
      assertThat(q[n - 1 - i]).isEqualTo(-q[i]);
      if (i > 0) {
        assertThat(q[i]).isGreaterThan(q[i - 1]);
      }
    }
    if (n % 2 == 1) {
      assertThat(q[n / 2]).isEqualTo(0.0);
    }
  }

  /** Of 1,000 evenly spread draws, quantile p is p (to the spacing), at the same p as Phi's. */
  @Test
  void sampleQuantilesAreAtTheSameProbabilities() {
    double[] draws = new double[1000];
    for (int i = 0; i < draws.length; i++) {
      draws[(i * 7) % 1000] = (i + 0.5) / 1000; // shuffled: the quantiles sort them
    }
    double[] q = LatentGrid.sampleQuantiles(draws, 4);
    assertThat(q).containsExactly(new double[] {0.125, 0.375, 0.625, 0.875}, within(1e-12));
    assertThat(LatentGrid.sampleQuantiles(new double[] {2.0}, 3)).containsExactly(2, 2, 2);
    assertThatThrownBy(() -> LatentGrid.sampleQuantiles(new double[] {1, Double.NaN}, 2))
        .hasMessageContaining("not finite");
    DMatrixRMaj z = LatentGrid.manifold(new double[] {1, 2}, new double[] {-5, 5});
    assertThat(z.data).containsExactly(1, 5, 2, 5, 1, -5, 2, -5);
    assertThatThrownBy(() -> LatentGrid.manifold(new double[] {1, 2}, new double[] {1}))
        .hasMessageContaining("got 2 and 1");
  }

  @Test
  void twentyPointsReachTheTwoAndAHalfPercentQuantiles() {
    double[] q = LatentGrid.normalQuantiles(20);
    assertThat(q[0]).isCloseTo(-1.959963984540054, within(1e-9)); // Phi^-1(0.025)
  }

  @Test
  void manifoldIsInDisplayOrderWithLargestZ2OnTop() {
    int n = 3;
    double[] q = LatentGrid.normalQuantiles(n);
    DMatrixRMaj z = LatentGrid.manifold(n);
    assertThat(z.numRows).isEqualTo(n * n);
    assertThat(z.numCols).isEqualTo(2);
    // Top-left: smallest z1, largest z2; the centre of an odd grid is the origin.
    assertThat(z.get(0, 0)).isEqualTo(q[0]);
    assertThat(z.get(0, 1)).isEqualTo(q[n - 1]);
    assertThat(z.get(4, 0)).isEqualTo(0.0);
    assertThat(z.get(4, 1)).isEqualTo(0.0);
    assertThat(z.get(8, 0)).isEqualTo(q[n - 1]);
    assertThat(z.get(8, 1)).isEqualTo(q[0]);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4, 7})
  void manifoldIsMonotoneAndPointSymmetric(int n) {
    DMatrixRMaj z = LatentGrid.manifold(n);
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < n; c++) {
        int k = r * n + c;
        if (c > 0) {
          assertThat(z.get(k, 0)).as("z1 grows to the right").isGreaterThan(z.get(k - 1, 0));
          assertThat(z.get(k, 1)).as("z2 constant along a row").isEqualTo(z.get(k - 1, 1));
        }
        if (r > 0) {
          assertThat(z.get(k, 1)).as("z2 falls downwards").isLessThan(z.get(k - n, 1));
          assertThat(z.get(k, 0)).as("z1 constant down a column").isEqualTo(z.get(k - n, 0));
        }
        int mirror = (n - 1 - r) * n + (n - 1 - c);
        assertThat(z.get(mirror, 0)).isEqualTo(-z.get(k, 0));
        assertThat(z.get(mirror, 1)).isEqualTo(-z.get(k, 1));
      }
    }
  }

  @Test
  void badGridSizesAreErrors() {
    assertThatThrownBy(() -> LatentGrid.manifold(0)).hasMessageContaining("got 0");
    assertThatThrownBy(() -> LatentGrid.normalQuantiles(-2)).hasMessageContaining("got -2");
  }

  @Test
  void linearInterpolationHasExactEndpointsAndEqualSteps() {
    DMatrixRMaj z0 = row(0.1, -2.0, 3.3);
    DMatrixRMaj z1 = row(-1.7, 0.4, 3.3);
    int steps = 7;
    DMatrixRMaj path = LatentGrid.interpolation(z0, z1, steps);
    assertThat(path.numRows).isEqualTo(steps);
    assertThat(path.numCols).isEqualTo(3);
    assertThat(rowOf(path, 0).data).containsExactly(z0.data);
    assertThat(rowOf(path, steps - 1).data).containsExactly(z1.data);
    for (int i = 1; i < steps; i++) {
      for (int j = 0; j < 3; j++) {
        assertThat(path.get(i, j) - path.get(i - 1, j))
            .isCloseTo((z1.get(j) - z0.get(j)) / (steps - 1), within(1e-12));
      }
    }
  }

  @Test
  void slerpBetweenUnitAxesFollowsTheCircle() {
    DMatrixRMaj path = LatentGrid.interpolation(row(1, 0), row(0, 1), 3,
        Interpolation.SPHERICAL);
    assertThat(path.get(1, 0)).isCloseTo(Math.sqrt(0.5), within(1e-15));
    assertThat(path.get(1, 1)).isCloseTo(Math.sqrt(0.5), within(1e-15));
  }

  @Test
  void slerpKeepsNormsAndMovesAtConstantAngularSpeed() {
    DMatrixRMaj z0 = row(1.0, 2.0, -2.0); // norm 3
    DMatrixRMaj z1 = row(0.0, -3.0, 0.0); // norm 3
    int steps = 9;
    DMatrixRMaj path = LatentGrid.interpolation(z0, z1, steps, Interpolation.SPHERICAL);
    assertThat(rowOf(path, 0).data).containsExactly(z0.data);
    assertThat(rowOf(path, steps - 1).data).containsExactly(z1.data);
    double total = angle(z0, z1);
    for (int i = 0; i < steps; i++) {
      DMatrixRMaj zi = rowOf(path, i);
      assertThat(NormOps_DDRM.normF(zi)).as("norm of row %d", i).isCloseTo(3.0, within(1e-12));
      assertThat(angle(z0, zi)).as("angle of row %d", i)
          .isCloseTo(total * i / (steps - 1), within(1e-12));
    }
  }

  @Test
  void slerpOfParallelEndpointsIsLinear() {
    DMatrixRMaj z0 = row(1, 2);
    DMatrixRMaj z1 = row(3, 6);
    DMatrixRMaj arc = LatentGrid.interpolation(z0, z1, 5, Interpolation.SPHERICAL);
    DMatrixRMaj line = LatentGrid.interpolation(z0, z1, 5, Interpolation.LINEAR);
    for (int i = 0; i < arc.data.length; i++) {
      assertThat(arc.data[i]).isCloseTo(line.data[i], within(1e-12));
    }
  }

  @Test
  void slerpRejectsZeroAndOppositeEndpoints() {
    assertThatThrownBy(() -> LatentGrid.interpolation(row(0, 0), row(1, 0), 3,
        Interpolation.SPHERICAL)).hasMessageContaining("z0 is zero");
    assertThatThrownBy(() -> LatentGrid.interpolation(row(1, 2), row(-2, -4), 3,
        Interpolation.SPHERICAL)).hasMessageContaining("opposite directions");
    // Linear interpolation through the origin is fine.
    DMatrixRMaj line = LatentGrid.interpolation(row(1, 2), row(-1, -2), 3);
    assertThat(rowOf(line, 1).data).containsExactly(0.0, 0.0);
  }

  @Test
  void badInterpolationArgumentsAreErrors() {
    assertThatThrownBy(() -> LatentGrid.interpolation(row(1, 2), row(1, 2, 3), 3))
        .hasMessageContaining("z0 is 1x2 but z1 is 1x3");
    assertThatThrownBy(() -> LatentGrid.interpolation(new DMatrixRMaj(2, 2), row(1, 2), 3))
        .hasMessageContaining("z0 must be 1 x d");
    assertThatThrownBy(() -> LatentGrid.interpolation(row(1, 2), row(1, Double.NaN), 3))
        .hasMessageContaining("z1 holds NaN at column 1");
    assertThatThrownBy(() -> LatentGrid.interpolation(row(1, 2), row(3, 4), 1))
        .hasMessageContaining("steps must be >= 2");
  }

  /** Angle between two 3-vectors as atan2(|a x b|, a . b), accurate near 0 unlike acos. */
  private static double angle(DMatrixRMaj a, DMatrixRMaj b) {
    double cx = a.get(1) * b.get(2) - a.get(2) * b.get(1);
    double cy = a.get(2) * b.get(0) - a.get(0) * b.get(2);
    double cz = a.get(0) * b.get(1) - a.get(1) * b.get(0);
    return Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), CommonOps_DDRM.dot(a, b));
  }
}
