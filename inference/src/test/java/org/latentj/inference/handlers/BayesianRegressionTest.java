package org.latentj.inference.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.distributions.Normal;
import org.latentj.inference.guides.AutoNormal;
import org.latentj.inference.objectives.Elbo;
import org.latentj.inference.optim.Adam;
import org.latentj.inference.training.Svi;
import org.latentj.model.Batch;
import org.latentj.model.Program;
import org.latentj.model.Sites;
import org.latentj.model.Trace;
import org.latentj.model.handlers.Handler;
import org.latentj.model.handlers.Handlers;
import org.latentj.model.handlers.Plate;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/**
 * Bayesian linear regression with a global weight vector, trained by VI on subsampled
 * minibatches: {@code w ~ N(0, alpha^-1 I_d)}, {@code y_i ~ N(x_i . w, sigma^2)} in a plate of N
 * rows. The design is orthogonal ({@code X^T X = N diag(c^2)}: Hadamard columns scaled by c),
 * so the exact posterior is the diagonal Gaussian
 *
 * <pre>precision_j = alpha + N c_j^2 / sigma^2,   mean_j = (X_j . y / sigma^2) / precision_j</pre>
 *
 * which AutoNormal, a mean-field Gaussian, can represent exactly: VI must reach it.
 */
class BayesianRegressionTest {

  private static final int N = 1024;
  private static final double[] C = {1.0, 0.7, 1.4, 0.5};
  private static final double[] TRUE_W = {1.0, -1.5, 0.8, 2.0};
  private static final int D = C.length;
  private static final double ALPHA = 1.0;
  private static final double SIGMA = 1.0;

  /** The model: global w (one row per particle), y in the subsampled plate "data". */
  static final class Regression extends Program {
    @Override
    public void run(Sites sites, Batch b) {
      int k = b.particles();
      Tensor w = sites.sample("w", Normal.ofScale(Tensor.zeros(k, D),
          Tensor.filled(k, D, 1 / Math.sqrt(ALPHA))));
      try (Plate data = sites.plate("data", N, b.examples())) {
        Tensor mean = b.condition().mul(b.particleRows(w)).rowSums();
        sites.observe("y", Normal.ofScale(mean, Tensor.filled(1, 1, SIGMA)), b.data());
      }
    }
  }

  /** Column j of the Sylvester-Hadamard matrix of order N, times c_j: entries +-c_j. */
  private static DMatrixRMaj design() {
    DMatrixRMaj x = new DMatrixRMaj(N, D);
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < D; j++) {
        x.set(i, j, (Integer.bitCount(i & (j + 1)) % 2 == 0 ? 1 : -1) * C[j]);
      }
    }
    return x;
  }

  private static DMatrixRMaj targets(DMatrixRMaj x, UniformRandomProvider rng) {
    DMatrixRMaj noise = Rngs.standardNormal(rng, N, 1);
    DMatrixRMaj y = new DMatrixRMaj(N, 1);
    for (int i = 0; i < N; i++) {
      double mean = 0;
      for (int j = 0; j < D; j++) {
        mean += x.get(i, j) * TRUE_W[j];
      }
      y.set(i, 0, mean + SIGMA * noise.get(i, 0));
    }
    return y;
  }

  @Test
  void theDesignIsOrthogonal() {
    DMatrixRMaj x = design();
    for (int a = 0; a < D; a++) {
      for (int b = 0; b < D; b++) {
        double dot = 0;
        for (int i = 0; i < N; i++) {
          dot += x.get(i, a) * x.get(i, b);
        }
        assertThat(dot).isCloseTo(a == b ? N * C[a] * C[a] : 0, within(1e-9));
      }
    }
  }

  @Test
  void aSubsampledPlateScalesItsSitesBySizeOverSubsampleExactly() {
    Batch batch = Batch.of(Tensor.zeros(8, 1), Tensor.zeros(8, D));
    try (Handler s = Handlers.seed(Rngs.create(1)); Handler g = Handlers.generate()) {
      Trace t = Trace.record(new Regression(), batch);
      assertThat(t.site("y").scale()).isEqualTo(1024.0 / 8);
      assertThat(t.site("y").plates()).singleElement()
          .satisfies(f -> assertThat(f.name()).isEqualTo("data"));
      assertThat(t.site("w").scale()).as("global: outside the plate").isEqualTo(1.0);
      assertThat(t.site("w").plates()).isEmpty();
    }
  }

  @Test
  void theBoundPerExampleIsTheLocalTermPlusTheGlobalTermSpreadOverTheWholeDataSet() {
    DMatrixRMaj x = design();
    DMatrixRMaj y = targets(x, Rngs.create(5));
    int[] order = new int[N];
    for (int i = 0; i < N; i++) {
      order[i] = i;
    }
    Batch batch = minibatch(x, y, order, 0);
    AutoNormal guide = AutoNormal.builder().site("w", D).build();
    Regression model = new Regression();
    for (int k : new int[] {1, 4}) {
      Tensor bound = new Elbo(k).bound(model, guide, batch, Rngs.create(3));
      // The same draws by hand: k global draws of w, and the per-example mean over particles.
      Batch repeated = batch.repeat(k);
      Trace g;
      try (Handler p = Handlers.particles(k)) {
        g = Trace.guide(guide, repeated, Rngs.create(3));
      }
      Tensor w = g.site("w").value();
      Tensor global = Normal.ofScale(Tensor.zeros(k, D), Tensor.filled(k, D, 1 / Math.sqrt(ALPHA)))
          .logProb(w).sub(guide.distribution("w", k).logProb(w));
      Tensor mean = repeated.condition().mul(repeated.particleRows(w)).rowSums();
      Tensor local = Normal.ofScale(mean, Tensor.filled(1, 1, SIGMA)).logProb(repeated.data());
      for (int i = 0; i < M; i++) {
        double expected = 0;
        for (int j = 0; j < k; j++) {
          expected += local.get(i * k + j, 0) / k + global.get(j, 0) / k / N;
        }
        assertThat(bound.get(i, 0)).as("example %d, %d particles", i, k)
            .isCloseTo(expected, within(1e-9));
      }
    }
  }

  @Test
  void viOnSubsampledMinibatchesReachesTheExactPosterior() {
    DMatrixRMaj x = design();
    DMatrixRMaj y = targets(x, Rngs.create(5));
    double[] exactMean = new double[D];
    double[] exactVariance = new double[D];
    for (int j = 0; j < D; j++) {
      double xy = 0;
      for (int i = 0; i < N; i++) {
        xy += x.get(i, j) * y.get(i, 0);
      }
      double precision = ALPHA + N * C[j] * C[j] / (SIGMA * SIGMA);
      exactVariance[j] = 1 / precision;
      exactMean[j] = xy / (SIGMA * SIGMA) / precision;
    }

    Regression model = new Regression();
    AutoNormal guide = AutoNormal.builder().site("w", D).antithetic(true).build();
    Adam adam = Adam.builder().learningRate(0.05).build(Svi.parametersOf(model, guide));
    Svi svi = new Svi(model, guide, new Elbo(PARTICLES), adam);
    UniformRandomProvider rng = Rngs.create(11);
    int[] order = new int[N];
    for (int i = 0; i < N; i++) {
      order[i] = i;
    }
    double[] meanSum = new double[D];
    double[] varianceSum = new double[D];
    int averaged = 0;
    long start = System.nanoTime();
    for (int step = 0; step < STEPS; step++) {
      int from = (step * M) % N;
      if (from == 0) {
        shuffle(order, rng);
      }
      adam.setLearningRate(LR0 * Math.pow(LR_END / LR0, (double) step / STEPS));
      svi.step(minibatch(x, y, order, from), rng);
      if (step >= STEPS - AVERAGE) {
        DMatrixRMaj loc = guide.loc("w");
        DMatrixRMaj scale = guide.scale("w");
        for (int j = 0; j < D; j++) {
          meanSum[j] += loc.get(0, j);
          varianceSum[j] += scale.get(0, j) * scale.get(0, j);
        }
        averaged++;
      }
    }
    System.out.printf("BLR: %d steps in %.2f s%n", STEPS, (System.nanoTime() - start) / 1e9);
    for (int j = 0; j < D; j++) {
      double mean = meanSum[j] / averaged;
      double variance = varianceSum[j] / averaged;
      System.out.printf("BLR w_%d: mean %.5f (exact %.5f, rel %.2e), variance %.4e (exact %.4e,"
          + " rel %.2e)%n", j, mean, exactMean[j], Math.abs(mean / exactMean[j] - 1), variance,
          exactVariance[j], Math.abs(variance / exactVariance[j] - 1));
    }
    for (int j = 0; j < D; j++) {
      assertThat(meanSum[j] / averaged).as("posterior mean of w_%d", j)
          .isCloseTo(exactMean[j], within(0.01 * Math.abs(exactMean[j])));
      assertThat(varianceSum[j] / averaged).as("posterior variance of w_%d", j)
          .isCloseTo(exactVariance[j], within(0.01 * exactVariance[j]));
    }
  }

  private static final int PARTICLES = 256;
  private static final int M = 16;
  private static final int STEPS = 1000;
  private static final int AVERAGE = 600;
  private static final double LR0 = 0.05;
  private static final double LR_END = 0.005;

  private static Batch minibatch(DMatrixRMaj x, DMatrixRMaj y, int[] order, int from) {
    DMatrixRMaj xs = new DMatrixRMaj(M, D);
    DMatrixRMaj ys = new DMatrixRMaj(M, 1);
    for (int r = 0; r < M; r++) {
      int i = order[from + r];
      for (int j = 0; j < D; j++) {
        xs.set(r, j, x.get(i, j));
      }
      ys.set(r, 0, y.get(i, 0));
    }
    return Batch.of(Tensor.constant(ys), Tensor.constant(xs));
  }

  private static void shuffle(int[] a, UniformRandomProvider rng) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
