package org.latentj.examples.reproduction;

/**
 * One noise level of the pPCA collapse experiment, all log-densities in nats per example.
 *
 * @param noiseVariance the fixed {@code s^2}
 * @param closedForm the fixed-noise maximum of the pPCA log-likelihood (Tipping &amp; Bishop)
 * @param learnedLogLikelihood the exact log-likelihood of the trained decoder
 * @param elbo the trained VAE's ELBO, in closed form
 * @param importanceSampled the trained VAE's importance-sampled log p(x)
 * @param predictedCollapsed {@code #{i <= k : lambda_i <= s^2}}
 * @param collapsedByKl latents whose mean KL(q || prior) is below the threshold
 * @param collapsedByNorm latents whose decoder column has {@code |W e_j|^2 / s^2} below the
 *     threshold
 * @param klPerDimension the mean KL of each latent, nats
 * @param columnNorms each latent's decoder column length
 * @param seconds training time
 */
record PpcaResult(double noiseVariance, double closedForm, double learnedLogLikelihood,
    double elbo, double importanceSampled, int predictedCollapsed, int collapsedByKl,
    int collapsedByNorm, double[] klPerDimension, double[] columnNorms, double seconds) {

  /** Closed form minus ELBO: at least 0, and 0 when the VAE reached the optimum. */
  double gap() {
    return closedForm - elbo;
  }

  /** Whether the KL criterion counts as many collapsed latents as theory predicts. */
  boolean collapseAsPredicted() {
    return collapsedByKl == predictedCollapsed;
  }
}
