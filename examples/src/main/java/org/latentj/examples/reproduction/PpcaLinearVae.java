package org.latentj.examples.reproduction;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.latentj.distributions.NormalHead;
import org.latentj.inference.evaluation.ProbabilisticPca;
import org.latentj.inference.priors.StandardNormalPrior;
import org.latentj.inference.vae.VaeGuide;
import org.latentj.inference.vae.VaeModel;
import org.latentj.model.Likelihood;
import org.latentj.model.Posterior;
import org.latentj.nn.Initializer;
import org.latentj.nn.Linear;
import org.latentj.tensor.Rngs;

/**
 * The linear VAE of Lucas et al. 2019 ("Don't blame the ELBO!", section 4) with the observation
 * noise held fixed: {@code z ~ N(0, I_k)}, {@code x | z ~ N(z D + b, s^2 I_d)} with {@code s^2}
 * given, and {@code q(z | x) = N(x A + c, diag v)} with one learned variance per latent (the
 * exact posterior of a linear-Gaussian model has a covariance that does not depend on x). Its
 * ELBO has a closed form, so the bound and the collapse can be measured without sampling noise.
 */
final class PpcaLinearVae {

  private final int k;
  private final double noiseVariance;
  private final Linear decoder;
  private final Linear encoder;
  private final NormalHead posteriorHead;
  private final VaeModel model;
  private final VaeGuide guide;

  /** Weights start N(0, 0.1^2), posterior variances at 1. */
  PpcaLinearVae(int d, int k, double noiseVariance, long seed) {
    this.k = k;
    this.noiseVariance = noiseVariance;
    var rng = Rngs.create(seed);
    decoder = new Linear(k, d, Initializer.normal(0.1), rng);
    encoder = new Linear(d, k, Initializer.normal(0.1), rng);
    posteriorHead = NormalHead.learnedVariance(k);
    model = new VaeModel(new StandardNormalPrior(k),
        new Likelihood(decoder, NormalHead.fixedVariance(noiseVariance)));
    guide = new VaeGuide(new Posterior(encoder, posteriorHead));
  }

  VaeModel model() {
    return model;
  }

  VaeGuide guide() {
    return guide;
  }

  /** The decoder as a pPCA: {@code W = D^T} ({@code d x k}), {@code m = b}, the fixed noise. */
  ProbabilisticPca asPpca() {
    return new ProbabilisticPca(CommonOps_DDRM.transpose(decoder.weight().value(), null),
        decoder.bias().value().copy(), noiseVariance);
  }

  /** {@code |W e_j|}: the length of each latent's decoder direction. */
  double[] decoderColumnNorms() {
    DMatrixRMaj dm = decoder.weight().value();
    int d = dm.numCols;
    double[] norms = new double[k];
    for (int j = 0; j < k; j++) {
      double s = 0;
      for (int i = 0; i < d; i++) {
        s += dm.data[j * d + i] * dm.data[j * d + i];
      }
      norms[j] = Math.sqrt(s);
    }
    return norms;
  }

  /**
   * The mean over the rows of {@code x} of {@code KL(q(z_j | x) || N(0, 1)) = (v_j + mu_j^2 - 1
   * - log v_j) / 2}, per latent j: a latent whose posterior is the prior everywhere scores 0.
   */
  double[] klPerDimension(DMatrixRMaj x) {
    DMatrixRMaj mu = posteriorMeans(x);
    double[] logV = posteriorHead.parameters().get("logVariance").value().data;
    double[] kl = new double[k];
    for (int j = 0; j < k; j++) {
      double sumSq = 0;
      for (int r = 0; r < x.numRows; r++) {
        double m = mu.data[r * k + j];
        sumSq += m * m;
      }
      kl[j] = 0.5 * (Math.exp(logV[j]) + sumSq / x.numRows - 1 - logV[j]);
    }
    return kl;
  }

  /**
   * The ELBO averaged over the rows of {@code x}, in closed form:
   *
   * <pre>
   *   E_q[log p(x | z)] = -d/2 log(2 pi s^2) - (|x - mu D - b|^2 + sum_j v_j |D_j|^2) / (2 s^2)
   *   ELBO = E_q[log p(x | z)] - sum_j (v_j + mu_j^2 - 1 - log v_j) / 2
   * </pre>
   *
   * with {@code mu = x A + c} and {@code D_j} the j-th row of D.
   */
  double exactElbo(DMatrixRMaj x) {
    int n = x.numRows;
    int d = x.numCols;
    DMatrixRMaj mu = posteriorMeans(x);
    DMatrixRMaj recon = new DMatrixRMaj(n, d);
    CommonOps_DDRM.mult(mu, decoder.weight().value(), recon);
    double[] b = decoder.bias().value().data;
    double residual = 0;
    for (int r = 0; r < n; r++) {
      for (int i = 0; i < d; i++) {
        double e = x.data[r * d + i] - recon.data[r * d + i] - b[i];
        residual += e * e;
      }
    }
    double[] logV = posteriorHead.parameters().get("logVariance").value().data;
    double[] norms = decoderColumnNorms();
    double spread = 0;
    for (int j = 0; j < k; j++) {
      spread += Math.exp(logV[j]) * norms[j] * norms[j];
    }
    double expectedLogLikelihood = -0.5 * d * Math.log(2 * Math.PI * noiseVariance)
        - (residual / n + spread) / (2 * noiseVariance);
    double kl = 0;
    for (double v : klPerDimension(x)) {
      kl += v;
    }
    return expectedLogLikelihood - kl;
  }

  private DMatrixRMaj posteriorMeans(DMatrixRMaj x) {
    DMatrixRMaj mu = new DMatrixRMaj(x.numRows, k);
    CommonOps_DDRM.mult(x, encoder.weight().value(), mu);
    double[] c = encoder.bias().value().data;
    for (int r = 0; r < x.numRows; r++) {
      for (int j = 0; j < k; j++) {
        mu.data[r * k + j] += c[j];
      }
    }
    return mu;
  }

  @Override
  public String toString() {
    return "PpcaLinearVae(k=" + k + ", fixed noise variance " + noiseVariance + ")";
  }
}
