package org.latentj.examples.reproduction;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.latentj.distributions.KlRegistry;
import org.latentj.inference.evaluation.Evaluator;
import org.latentj.inference.evaluation.ProbabilisticPca;
import org.latentj.inference.objectives.AnalyticKlElbo;
import org.latentj.inference.optim.Adam;
import org.latentj.inference.optim.LearningRateSchedule;
import org.latentj.inference.training.DivergenceGuard;
import org.latentj.inference.training.LearningRateListener;
import org.latentj.inference.training.MinibatchData;
import org.latentj.inference.training.Svi;
import org.latentj.inference.training.Trainer;
import org.latentj.tensor.Rngs;

/**
 * Trains the fixed-noise linear VAE ({@link PpcaLinearVae}) at one noise variance with the
 * analytic-KL ELBO (Adam, cosine-annealed rate, minibatches of 100) and measures it against
 * the closed form: the pPCA maximum at that noise, and the number of latents theory says must
 * collapse (Lucas et al. 2019, "Don't blame the ELBO!", section 4).
 *
 * <p>A latent counts as collapsed when its posterior is the prior on average:
 * {@code mean_x KL(q(z_j | x) || N(0, 1)) <} {@value #COLLAPSE_NATS} nats. A second criterion,
 * reported beside it, looks at the decoder: {@code |W e_j|^2 / s^2 <} {@value #COLLAPSE_SNR},
 * the direction's signal-to-noise ratio (a fixed length would not do: at a large noise a short
 * column still explains nothing, and its pull towards 0 is weak, so it shrinks slowly).
 */
final class PpcaExperiment {

  /** The KL below which a latent counts as collapsed, nats. */
  static final double COLLAPSE_NATS = 0.01;
  /** The ratio {@code |W e_j|^2 / s^2} below which a latent's decoder direction is collapsed. */
  static final double COLLAPSE_SNR = 0.01;

  private final int latent;
  private final int epochs;
  private final int batch;
  private final double rate;
  private final int importanceSamples;
  private final long seed;

  /**
   * @param latent k, the latent size
   * @param epochs passes over the data; the rate decays from {@code rate} to {@code rate/200}
   * @param importanceSamples k of the importance-sampled log p(x)
   */
  PpcaExperiment(int latent, int epochs, int batch, double rate, int importanceSamples,
      long seed) {
    if (latent < 1 || epochs < 1 || batch < 1 || importanceSamples < 1) {
      throw new IllegalArgumentException("PpcaExperiment: latent, epochs, batch and"
          + " importanceSamples must be positive, got " + latent + ", " + epochs + ", " + batch
          + ", " + importanceSamples);
    }
    if (!(rate > 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException("PpcaExperiment: rate must be positive, got " + rate);
    }
    this.latent = latent;
    this.epochs = epochs;
    this.batch = batch;
    this.rate = rate;
    this.importanceSamples = importanceSamples;
    this.seed = seed;
  }

  /** Trains and measures at {@code noiseVariance} on {@code x}. */
  PpcaResult run(DMatrixRMaj x, double noiseVariance) {
    double[] eigenvalues = PpcaData.sampleEigenvalues(x);
    ProbabilisticPca best = ProbabilisticPca.fit(x, latent, noiseVariance);
    PpcaLinearVae vae = new PpcaLinearVae(x.numCols, latent, noiseVariance, seed);
    var objective = new AnalyticKlElbo(KlRegistry.standard());
    var optimizer = Adam.builder().learningRate(rate)
        .build(Svi.parametersOf(vae.model(), vae.guide()));
    Svi svi = new Svi(vae.model(), vae.guide(), objective, optimizer)
        .addGradientHook(new DivergenceGuard());
    long start = System.nanoTime();
    new Trainer(svi, MinibatchData.of(x, batch))
        .addListener(new LearningRateListener(
            LearningRateSchedule.cosine(rate, rate / 200, epochs)))
        .fit(epochs, Rngs.derive(seed, "train"));
    double seconds = (System.nanoTime() - start) / 1e9;

    double[] is = new Evaluator(vae.model(), vae.guide()).logLikelihood(x, importanceSamples,
        importanceSamples, 100, Rngs.derive(seed, "evaluate"));
    double[] kl = vae.klPerDimension(x);
    double[] norms = vae.decoderColumnNorms();
    return new PpcaResult(noiseVariance, best.meanLogLikelihood(x),
        vae.asPpca().meanLogLikelihood(x), vae.exactElbo(x),
        Arrays.stream(is).average().orElseThrow(),
        PpcaData.predictedCollapsed(eigenvalues, latent, noiseVariance),
        countBelow(kl, COLLAPSE_NATS),
        countBelow(signalToNoise(norms, noiseVariance), COLLAPSE_SNR), kl, norms, seconds);
  }

  private static double[] signalToNoise(double[] norms, double noiseVariance) {
    double[] snr = new double[norms.length];
    for (int j = 0; j < norms.length; j++) {
      snr[j] = norms[j] * norms[j] / noiseVariance;
    }
    return snr;
  }

  private static int countBelow(double[] values, double threshold) {
    int n = 0;
    for (double v : values) {
      if (v < threshold) {
        n++;
      }
    }
    return n;
  }

  @Override
  public String toString() {
    return "PpcaExperiment(k=" + latent + ", " + epochs + " epochs, batch " + batch
        + ", Adam " + rate + " cosine to " + rate / 200 + ", IS k=" + importanceSamples
        + ", seed " + seed + ")";
  }
}
