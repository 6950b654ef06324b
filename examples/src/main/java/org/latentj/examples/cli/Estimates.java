package org.latentj.examples.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.distributions.KlRegistry;
import org.latentj.inference.evaluation.Evaluator;
import org.latentj.inference.objectives.AnalyticKlElbo;
import org.latentj.inference.scaleout.ScaleOut;
import org.latentj.inference.vae.VaeModel;
import org.latentj.tensor.Rngs;

/**
 * The figures reported for a trained model on a data set, in nats per example: the ELBO (closed-
 * form KL, {@code elboSamples} draws of z per example for the reconstruction term, whatever
 * objective trained the model), the importance-sampled log p(x) with k samples (Burda et al.
 * 2015; 0 skips it), and the active units (posterior-mean variance above 0.01). Each uses its
 * own generator derived from the seed, so the figures do not depend on which others were asked
 * for.
 *
 * @param examples the number of examples scored
 * @param elbo the mean ELBO
 * @param elboSamples draws of z per example for the ELBO
 * @param logLikelihood the mean importance-sampled log p(x), NaN when k is 0
 * @param k importance samples per example
 * @param activeUnits latent units with posterior-mean variance above 0.01
 * @param latentSize the number of latent units
 * @param seconds time taken
 */
record Estimates(int examples, double elbo, int elboSamples, double logLikelihood, int k,
    int activeUnits, int latentSize, double seconds) {

  static final double ACTIVE_THRESHOLD = 0.01;
  /** Rows pushed through the networks at once by the importance sampler. */
  static final int ROWS_PER_PASS = 2000;

  static Estimates of(Vae vae, DMatrixRMaj data, int k, int elboSamples, long seed,
      Progress.Ticker ticker) {
    long start = System.nanoTime();
    Evaluator evaluator = vae.evaluator();
    double elbo = evaluator.meanBound(new AnalyticKlElbo(KlRegistry.standard(), elboSamples),
        data, Math.max(1, ROWS_PER_PASS / elboSamples), Rngs.derive(seed, "evaluation elbo"));
    double logPx = Double.NaN;
    if (k > 0) {
      logPx = mean(logLikelihood(evaluator, data, k, Rngs.derive(seed, "evaluation log p(x)"),
          ticker));
    }
    int active = vae.hasFlow() ? activeUnits(vae, data)
        : evaluator.activeUnits(data, 500, ACTIVE_THRESHOLD,
            Rngs.derive(seed, "evaluation active units")).get(VaeModel.LATENT);
    return new Estimates(data.numRows, elbo, elboSamples, logPx, k, active,
        vae.settings().latentSize(), (System.nanoTime() - start) / 1e9);
  }

  /**
   * Active units of a flow posterior, whose mean has no closed form: the variance over the data
   * of the estimated posterior means ({@link PosteriorMoments}).
   */
  private static int activeUnits(Vae vae, DMatrixRMaj data) {
    int d = vae.settings().latentSize();
    double[] sum = new double[d];
    double[] squares = new double[d];
    for (int from = 0; from < data.numRows; from += 500) {
      DMatrixRMaj means = vae.encodeMeans(rows(data, from, Math.min(data.numRows, from + 500)));
      for (int i = 0; i < means.numRows; i++) {
        for (int j = 0; j < d; j++) {
          double m = means.get(i, j);
          sum[j] += m;
          squares[j] += m * m;
        }
      }
    }
    int active = 0;
    for (int j = 0; j < d; j++) {
      double mean = sum[j] / data.numRows;
      if (squares[j] / data.numRows - mean * mean > ACTIVE_THRESHOLD) {
        active++;
      }
    }
    return active;
  }

  /**
   * The same figures computed on {@code cluster} with keyed noise: each example's numbers are
   * the ones a single machine gives with {@code EvaluationNoise.keyed(seed, 0)}, whatever the
   * partitions (not those of {@link #of}, whose generator runs through the examples in order).
   */
  static Estimates onCluster(Vae vae, DMatrixRMaj data, int k, int elboSamples, long seed,
      ScaleOut cluster) {
    long start = System.nanoTime();
    var parameters = vae.svi().parameters();
    double elbo = mean(cluster.elbo(vae.settings(), vae.dtype(), parameters, data, elboSamples,
        Math.max(1, ROWS_PER_PASS / elboSamples), seed));
    double logPx = Double.NaN;
    if (k > 0) {
      int chunk = Math.min(k, ROWS_PER_PASS);
      logPx = mean(cluster.logLikelihood(vae.settings(), vae.dtype(), parameters, data, k,
          chunk, Math.max(1, ROWS_PER_PASS / chunk), seed));
    }
    // A flow's posterior mean has no closed form: estimated from draws on this machine, as
    // without a cluster (the executors' evaluator reads closed-form means).
    int active = vae.hasFlow() ? activeUnits(vae, data)
        : cluster.posteriorMoments(vae.settings(), vae.dtype(), parameters, data, 500, seed)
            .get(VaeModel.LATENT).activeUnits(ACTIVE_THRESHOLD);
    return new Estimates(data.numRows, elbo, elboSamples, logPx, k, active,
        vae.settings().latentSize(), (System.nanoTime() - start) / 1e9);
  }

  /**
   * Per-example log p(x), a few examples at a time so the ticker can follow; the generator
   * runs through the examples in order, as one call of the evaluator would.
   */
  static double[] logLikelihood(Evaluator evaluator, DMatrixRMaj data, int k,
      UniformRandomProvider rng, Progress.Ticker ticker) {
    int chunk = Math.min(k, ROWS_PER_PASS);
    int perPass = Math.max(1, ROWS_PER_PASS / chunk);
    double[] out = new double[data.numRows];
    double sum = 0;
    for (int from = 0; from < data.numRows; from += perPass) {
      int to = Math.min(data.numRows, from + perPass);
      double[] part = evaluator.logLikelihood(rows(data, from, to), k,
          chunk, perPass, rng);
      System.arraycopy(part, 0, out, from, part.length);
      for (double v : part) {
        sum += v;
      }
      ticker.step(to, String.format(Locale.ROOT, "log p(x) %.2f", sum / to));
    }
    return out;
  }

  private static DMatrixRMaj rows(DMatrixRMaj m, int from, int to) {
    DMatrixRMaj out = new DMatrixRMaj(to - from, m.numCols);
    System.arraycopy(m.data, from * m.numCols, out.data, 0, out.getNumElements());
    return out;
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  /** These figures as JSON fields. */
  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("examples", examples);
    m.put("elbo", elbo);
    m.put("elbo_samples", elboSamples);
    if (k > 0) {
      m.put("log_px", logLikelihood);
      m.put("log_px_k", k);
    }
    m.put("active_units", activeUnits);
    m.put("latent_size", latentSize);
    m.put("seconds", seconds);
    return m;
  }

  /** Human-readable lines. */
  String describe(String what) {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "%s ELBO:      %9.3f nats (%d examples, %d sample%s of"
        + " z each, analytic KL)%n", what, elbo, examples, elboSamples,
        elboSamples == 1 ? "" : "s"));
    if (k > 0) {
      s.append(String.format(Locale.ROOT, "%s log p(x):  %9.3f nats (importance sampling,"
          + " k = %d)%n", what, logLikelihood, k));
    }
    s.append(String.format(Locale.ROOT, "active units:   %d of %d (posterior-mean variance >"
        + " %s)%n", activeUnits, latentSize, ACTIVE_THRESHOLD));
    return s.toString();
  }
}
