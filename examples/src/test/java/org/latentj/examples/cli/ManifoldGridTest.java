package org.latentj.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.examples.pictures.LatentGrid;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.tensor.Rngs;

/** The manifold's grid is laid at the prior's own quantiles, and its caption says which. */
class ManifoldGridTest {

  private static Vae vae(String prior) {
    return Vae.build(VaeSettings.builder().inputSize(6).hiddenSizes(List.of(4)).latentSize(2)
        .prior(prior).seed(3).build());
  }

  @Test
  void theStandardNormalPriorGetsItsExactQuantiles() {
    ManifoldGrid grid = ManifoldGrid.of(vae("standard-normal"), 5);
    assertThat(grid.points().data).isEqualTo(LatentGrid.manifold(5).data);
    assertThat(grid.caption()).isEqualTo(
        "5 x 5 grid of N(0, 1) quantiles in z1 and z2 (the prior's own)");
  }

  /**
   * Under a mixture prior, the grid's columns and rows sit at the probabilities (i + 1/2) / n of
   * its marginals: of 20,000 fresh draws (another stream than the grid's), the share below each
   * coordinate is within 0.015 (4 standard errors) of its probability, which N(0, I)'s
   * quantiles miss.
   */
  @Test
  void aLearnedPriorGetsItsOwnMarginalQuantiles() {
    Vae vae = vae("mog:3");
    // Components far apart, as training leaves them: no longer a near-Normal marginal.
    vae.svi().model().parameters().forEach((name, p) -> {
      if (name.endsWith("means")) {
        for (int i = 0; i < p.value().data.length; i++) {
          p.value().data[i] = 3 * (i % 3 - 1);
        }
      }
    });
    int n = 6;
    ManifoldGrid grid = ManifoldGrid.of(vae, n);
    assertThat(grid.caption()).isEqualTo("6 x 6 grid of the mog:3 prior's marginal quantiles in"
        + " z1 and z2, estimated from 20,000 seeded draws of it");
    DMatrixRMaj fresh = vae.samplePrior(20_000, Rngs.create(99));
    double[] normal = LatentGrid.normalQuantiles(n);
    double worstNormal = 0;
    for (int i = 0; i < n; i++) {
      double p = (i + 0.5) / n;
      double z1 = grid.points().get(i, 0);              // top row, column i
      double z2 = grid.points().get((n - 1 - i) * n, 1); // first column, row n-1-i
      assertThat(below(fresh, 0, z1)).as("P(z1 < q1_%d)", i).isCloseTo(p,
          within(0.015));
      assertThat(below(fresh, 1, z2)).as("P(z2 < q2_%d)", i).isCloseTo(p,
          within(0.015));
      worstNormal = Math.max(worstNormal, Math.abs(below(fresh, 0, normal[i]) - p));
    }
    assertThat(worstNormal).as("N(0, 1)'s quantiles under this prior").isGreaterThan(0.03);
  }

  private static double below(DMatrixRMaj z, int column, double at) {
    int count = 0;
    for (int i = 0; i < z.numRows; i++) {
      count += z.get(i, column) < at ? 1 : 0;
    }
    return (double) count / z.numRows;
  }
}
