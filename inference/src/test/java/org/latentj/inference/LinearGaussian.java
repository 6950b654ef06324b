package org.latentj.inference;

import org.ejml.data.DMatrixRMaj;
import org.latentj.distributions.NormalHead;
import org.latentj.inference.evaluation.ProbabilisticPca;
import org.latentj.inference.priors.StandardNormalPrior;
import org.latentj.inference.vae.VaeGuide;
import org.latentj.inference.vae.VaeModel;
import org.latentj.model.Distribution;
import org.latentj.model.Head;
import org.latentj.model.Likelihood;
import org.latentj.model.Posterior;
import org.latentj.nn.Initializer;
import org.latentj.nn.Linear;
import org.latentj.nn.Parameter;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/**
 * A linear-Gaussian VAE (probabilistic PCA as a VAE): {@code z ~ N(0, I_k)},
 * {@code x | z ~ N(z D + b, s^2 I)}, {@code q(z | x) = N(x A + c, diag v)}. Its marginal
 * likelihood is known exactly, which makes it the engine's reference test.
 */
public final class LinearGaussian {

  /** A user-written head: a Normal with one learned log-variance shared by every column. */
  public static final class IsotropicNormalHead extends Head {
    private final Parameter logVariance;

    public IsotropicNormalHead(double initialLogVariance) {
      this.logVariance = register(new Parameter("logVariance",
          new DMatrixRMaj(1, 1, true, initialLogVariance)));
    }

    @Override
    public int rawColumnsPerEventColumn() {
      return 1;
    }

    @Override
    public Distribution distribution(Tensor raw) {
      return org.latentj.distributions.Normal.ofLogVariance(raw,
          Tensor.zeros(1, raw.cols()).add(logVariance.tensor()));
    }

    public Parameter logVariance() {
      return logVariance;
    }
  }

  public final VaeModel model;
  public final VaeGuide guide;
  public final Linear decoder;
  public final Linear encoder;
  public final IsotropicNormalHead noise;
  public final NormalHead posteriorHead;

  public LinearGaussian(int d, int k, long seed) {
    var rng = Rngs.create(seed);
    decoder = new Linear(k, d, Initializer.normal(0.1), rng);
    encoder = new Linear(d, k, Initializer.normal(0.1), rng);
    noise = new IsotropicNormalHead(0.0);
    posteriorHead = NormalHead.learnedVariance(k);
    model = new VaeModel(new StandardNormalPrior(k), new Likelihood(decoder, noise));
    guide = new VaeGuide(new Posterior(encoder, posteriorHead));
  }

  /** The decoder as a pPCA model: {@code W = D^T}, {@code m = b}, {@code s^2}. */
  public ProbabilisticPca asPpca() {
    DMatrixRMaj w = org.ejml.dense.row.CommonOps_DDRM.transpose(decoder.weight().value(), null);
    return new ProbabilisticPca(w, decoder.bias().value().copy(),
        Math.exp(noise.logVariance().value().get(0)));
  }

  /**
   * Sets the guide to the exact posterior of the current decoder, which must have orthogonal
   * rows (so {@code M = D D^T + s^2 I} is diagonal): mean {@code (x - b) D^T M^-1}, variance
   * {@code s^2 / M_jj}.
   */
  public void setExactPosterior() {
    DMatrixRMaj dm = decoder.weight().value();
    int k = dm.numRows;
    int d = dm.numCols;
    double s2 = Math.exp(noise.logVariance().value().get(0));
    DMatrixRMaj a = encoder.weight().value();
    DMatrixRMaj c = encoder.bias().value();
    DMatrixRMaj b = decoder.bias().value();
    DMatrixRMaj logVar = posteriorHead.parameters().get("logVariance").value();
    for (int j = 0; j < k; j++) {
      double m = s2;
      for (int i = 0; i < d; i++) {
        m += dm.get(j, i) * dm.get(j, i);
      }
      double cj = 0;
      for (int i = 0; i < d; i++) {
        a.set(i, j, dm.get(j, i) / m);
        cj -= b.get(0, i) * dm.get(j, i) / m;
      }
      c.set(0, j, cj);
      logVar.set(0, j, Math.log(s2 / m));
    }
  }

  /** Exact log p(x) of each row under the current decoder. */
  public double[] exactLogLikelihood(DMatrixRMaj x) {
    ProbabilisticPca p = asPpca();
    double[] out = new double[x.numRows];
    for (int r = 0; r < x.numRows; r++) {
      DMatrixRMaj row = new DMatrixRMaj(1, x.numCols);
      System.arraycopy(x.data, r * x.numCols, row.data, 0, x.numCols);
      out[r] = p.meanLogLikelihood(row);
    }
    return out;
  }
}
