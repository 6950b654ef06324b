package org.latentj.examples.cli;

import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.latentj.examples.pictures.LatentGrid;
import org.latentj.inference.guice.PriorsModule;
import org.latentj.tensor.Rngs;

/**
 * The latent points of a run's manifold picture and a caption saying which grid they are. Figure
 * 4's grid spaces its points at equal prior mass along each axis, which the N(0, I) quantiles do
 * only for the N(0, I) prior; for a learned prior (mixture, VampPrior, flow) the points are the
 * same probabilities of that prior's own marginals, estimated from {@value #DRAWS} draws of it
 * from a stream fixed by the run's seed (each quantile's standard error is at most
 * {@code 0.5 / sqrt(DRAWS)} = 0.0035 in probability).
 *
 * @param points {@code n^2 x 2}, in {@link LatentGrid#manifold(double[], double[])}'s order
 * @param caption which grid, for the command's output and the docs
 */
record ManifoldGrid(DMatrixRMaj points, String caption) {

  /** Prior draws the quantiles of a learned prior are estimated from. */
  static final int DRAWS = 20_000;

  static ManifoldGrid of(Vae vae, int n) {
    String prior = vae.settings().prior().toString();
    if (vae.settings().prior().name().equals(PriorsModule.STANDARD_NORMAL)) {
      return new ManifoldGrid(LatentGrid.manifold(n), String.format(Locale.ROOT,
          "%d x %d grid of N(0, 1) quantiles in z1 and z2 (the prior's own)", n, n));
    }
    DMatrixRMaj z = vae.samplePrior(DRAWS, Rngs.derive(vae.settings().seed(), "manifold grid"));
    double[] z1 = new double[DRAWS];
    double[] z2 = new double[DRAWS];
    for (int i = 0; i < DRAWS; i++) {
      z1[i] = z.get(i, 0);
      z2[i] = z.get(i, 1);
    }
    return new ManifoldGrid(LatentGrid.manifold(LatentGrid.sampleQuantiles(z1, n),
        LatentGrid.sampleQuantiles(z2, n)), String.format(Locale.ROOT, "%d x %d grid of the %s"
            + " prior's marginal quantiles in z1 and z2, estimated from %,d seeded draws of it",
            n, n, prior, DRAWS));
  }
}
