package org.latentj.examples.models;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.latentj.distributions.MixtureOfDiagonalNormals;
import org.latentj.inference.guides.AutoNormal;
import org.latentj.inference.objectives.TraceEnumElbo;
import org.latentj.inference.optim.Adam;
import org.latentj.inference.training.Svi;
import org.latentj.model.Batch;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/**
 * Fits a {@link GaussianMixture} of 3 components in 2-D to {@value #POINTS} points drawn from a
 * known mixture: assignments enumerated ({@link TraceEnumElbo}), the three means under an
 * {@link AutoNormal} guide, the weights by maximum likelihood, Adam on minibatches of
 * {@value #BATCH} (so the data plate is subsampled). It prints the learned weights and the means'
 * posterior mean and standard deviation beside the truth, and the log-likelihood per point
 * at the posterior means beside the truth's.
 *
 * <p>Usage: {@code scripts/run.sh org.latentj.examples.models.GaussianMixtureExample [steps]},
 * 2000 steps by default.
 */
public final class GaussianMixtureExample {

  static final double[][] TRUE_MEANS = {{-2.5, 0}, {2.5, 0.5}, {0, 3}};
  static final double[] TRUE_WEIGHTS = {0.5, 0.3, 0.2};
  static final double SIGMA = 0.8;
  public static final int POINTS = 600;
  public static final int BATCH = 100;
  /** Draws of the means per step, in antithetic pairs: the scales' gradients are noisy. */
  public static final int PARTICLES = 8;

  /**
   * What a run found.
   *
   * @param means the posterior means of the component means, {@code K x 2}
   * @param scales their posterior standard deviations
   * @param weights the learned mixture weights
   * @param logLikelihood log p(x) per point at the posterior means
   * @param trueLogLikelihood log p(x) per point under the mixture that drew the data
   */
  public record Report(DMatrixRMaj means, DMatrixRMaj scales, double[] weights,
      double logLikelihood, double trueLogLikelihood) {}

  private GaussianMixtureExample() {}

  public static void main(String[] args) {
    run(ExampleArgs.integer(args, 0, 2000), 1, System.out);
  }

  /** Draws the data with {@code seed}, trains for {@code steps} and prints to {@code out}. */
  public static Report run(int steps, long seed, PrintStream out) {
    GaussianMixture truth = new GaussianMixture(3, 2, POINTS, SIGMA, 10);
    truth.parameters().get("logits").value().setTo(new DMatrixRMaj(new double[][] {
        {Math.log(TRUE_WEIGHTS[0]), Math.log(TRUE_WEIGHTS[1]), Math.log(TRUE_WEIGHTS[2])}}));
    MixtureOfDiagonalNormals source = truth.density(new DMatrixRMaj(TRUE_MEANS), POINTS);
    Tensor x = source.sample(Rngs.derive(seed, "data"));

    GaussianMixture model = new GaussianMixture(3, 2, POINTS, SIGMA, 10);
    AutoNormal guide = AutoNormal.builder().site(GaussianMixture.mean(0), 2)
        .site(GaussianMixture.mean(1), 2).site(GaussianMixture.mean(2), 2).antithetic(true)
        .build();
    int[] start = farthestPoints(x.value(), 3);
    for (int j = 0; j < 3; j++) {
      // a symmetric start (every loc 0) would stay symmetric: start at spread-out data points
      guide.parameters().get(GaussianMixture.mean(j) + ".loc").value()
          .setTo(x.rows(start[j], start[j] + 1).value());
    }
    Adam adam = Adam.builder().learningRate(0.05).build(Svi.parametersOf(model, guide));
    Svi svi = new Svi(model, guide, new TraceEnumElbo(PARTICLES), adam);
    var rng = Rngs.derive(seed, "training");
    for (int step = 0; step < steps; step++) {
      if (step == steps / 2 || step == 3 * steps / 4) {
        adam.setLearningRate(adam.learningRate() * 0.2);
      }
      int from = (step * BATCH) % POINTS;
      svi.step(Batch.of(x.rows(from, from + BATCH)), rng);
    }

    DMatrixRMaj means = new DMatrixRMaj(3, 2);
    DMatrixRMaj scales = new DMatrixRMaj(3, 2);
    for (int j = 0; j < 3; j++) {
      for (int c = 0; c < 2; c++) {
        means.set(j, c, guide.loc(GaussianMixture.mean(j)).get(0, c));
        scales.set(j, c, guide.scale(GaussianMixture.mean(j)).get(0, c));
      }
    }
    double fitted = model.density(means, POINTS).logProb(x).mean().item();
    double reference = source.logProb(x).mean().item();
    Report r = new Report(means, scales, model.weights(), fitted, reference);
    print(r, out);
    return r;
  }

  /**
   * {@code k} rows of {@code x}, each the farthest from those already chosen, starting from row
   * 0 (the deterministic form of k-means++ seeding).
   */
  static int[] farthestPoints(DMatrixRMaj x, int k) {
    int[] chosen = new int[k];
    double[] nearest = new double[x.numRows];
    Arrays.fill(nearest, Double.POSITIVE_INFINITY);
    for (int j = 1; j < k; j++) {
      int best = 0;
      for (int i = 0; i < x.numRows; i++) {
        double d = 0;
        for (int c = 0; c < x.numCols; c++) {
          double e = x.get(i, c) - x.get(chosen[j - 1], c);
          d += e * e;
        }
        nearest[i] = Math.min(nearest[i], d);
        if (nearest[i] > nearest[best]) {
          best = i;
        }
      }
      chosen[j] = best;
    }
    return chosen;
  }

  private static void print(Report r, PrintStream out) {
    out.println("component  weight   mean +- sd (posterior)              sigma/sqrt(N w)");
    for (int j = 0; j < 3; j++) {
      out.println(String.format(Locale.ROOT, "    %d      %.3f    (%6.3f +- %.3f, %6.3f +- %.3f)"
          + "   %.3f", j, r.weights()[j], r.means().get(j, 0), r.scales().get(j, 0),
          r.means().get(j, 1), r.scales().get(j, 1),
          SIGMA / Math.sqrt(POINTS * r.weights()[j])));
    }
    out.println(String.format(Locale.ROOT, "truth: weights %.2f %.2f %.2f, means (%.2f, %.2f)"
        + " (%.2f, %.2f) (%.2f, %.2f), sd %.2f", TRUE_WEIGHTS[0], TRUE_WEIGHTS[1],
        TRUE_WEIGHTS[2], TRUE_MEANS[0][0], TRUE_MEANS[0][1], TRUE_MEANS[1][0], TRUE_MEANS[1][1],
        TRUE_MEANS[2][0], TRUE_MEANS[2][1], SIGMA));
    out.println(String.format(Locale.ROOT, "log p(x) per point: %.4f at the posterior means,"
        + " %.4f under the true mixture", r.logLikelihood(), r.trueLogLikelihood()));
  }
}
