package org.latentj.examples.cli;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.distributions.TransformedDistribution;
import org.latentj.model.Distribution;
import org.latentj.tensor.DType;
import org.latentj.tensor.Rngs;

/**
 * The mean and variance of a posterior q(z | x), per example and latent dimension: in closed
 * form when the distribution has one (the diagonal Normal), otherwise (a flow posterior,
 * {@link TransformedDistribution}) estimated from {@value #DRAWS} draws of a stream fixed by the
 * run's seed, so encode, reconstruct and interpolate show the same codes every time. Pushing
 * the base mean through the flow would be cheaper but is not the posterior's mean: a flow moves
 * mass, not only the centre.
 *
 * @param mean rows = examples, columns = latent dimensions
 * @param variance the same shape; the draws' unbiased variance for a flow posterior
 */
record PosteriorMoments(DMatrixRMaj mean, DMatrixRMaj variance) {

  /** Draws behind the estimate of a flow posterior's moments: a standard error of 1/16 sd. */
  static final int DRAWS = 256;

  static PosteriorMoments of(Distribution q, long seed) {
    if (!(q instanceof TransformedDistribution)) {
      return new PosteriorMoments(q.mean().to(DType.FLOAT64).value().copy(),
          q.variance().to(DType.FLOAT64).value().copy());
    }
    UniformRandomProvider rng = Rngs.derive(seed, "posterior moments");
    DMatrixRMaj sum = null;
    DMatrixRMaj squares = null;
    for (int s = 0; s < DRAWS; s++) {
      DMatrixRMaj z = q.sample(rng).to(DType.FLOAT64).value();
      if (sum == null) {
        sum = new DMatrixRMaj(z.numRows, z.numCols);
        squares = new DMatrixRMaj(z.numRows, z.numCols);
      }
      for (int i = 0; i < z.getNumElements(); i++) {
        sum.data[i] += z.data[i];
        squares.data[i] += z.data[i] * z.data[i];
      }
    }
    DMatrixRMaj mean = new DMatrixRMaj(sum.numRows, sum.numCols);
    DMatrixRMaj variance = new DMatrixRMaj(sum.numRows, sum.numCols);
    for (int i = 0; i < mean.getNumElements(); i++) {
      mean.data[i] = sum.data[i] / DRAWS;
      variance.data[i] = Math.max(0, (squares.data[i] - DRAWS * mean.data[i] * mean.data[i])
          / (DRAWS - 1));
    }
    return new PosteriorMoments(mean, variance);
  }
}
