package org.latentj.inference.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.junit.jupiter.api.Test;
import org.latentj.distributions.KlRegistry;
import org.latentj.inference.LinearGaussian;
import org.latentj.inference.evaluation.Evaluator;
import org.latentj.inference.evaluation.ProbabilisticPca;
import org.latentj.inference.objectives.AnalyticKlElbo;
import org.latentj.inference.optim.Adam;
import org.latentj.inference.optim.LearningRateSchedule;
import org.latentj.tensor.Rngs;

/**
 * The engine end to end against a closed form: a linear VAE trained with the analytic-KL ELBO on
 * probabilistic-PCA data reaches pPCA's maximum likelihood (Tipping &amp; Bishop 1999), with its
 * decoder spanning the principal subspace and a tight bound (Lucas et al. 2019).
 */
class LinearGaussianTrainingTest {

  static final int N = 1000;
  static final int D = 10;
  static final int K = 3;

  /** x = W z + m + 0.6 eps, with fixed seeds. */
  static DMatrixRMaj ppcaData() {
    var rng = Rngs.create(2013);
    DMatrixRMaj w = Rngs.standardNormal(rng, K, D);
    DMatrixRMaj m = Rngs.standardNormal(rng, 1, D);
    DMatrixRMaj z = Rngs.standardNormal(rng, N, K);
    DMatrixRMaj x = new DMatrixRMaj(N, D);
    CommonOps_DDRM.mult(z, w, x);
    DMatrixRMaj noise = Rngs.standardNormal(rng, N, D);
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < D; j++) {
        x.add(i, j, m.get(0, j) + 0.6 * noise.get(i, j));
      }
    }
    return x;
  }

  @Test
  void linearVaeReachesTheProbabilisticPcaMaximum() {
    DMatrixRMaj x = ppcaData();
    ProbabilisticPca best = ProbabilisticPca.fit(x, K);
    double maximum = best.meanLogLikelihood(x);

    LinearGaussian vae = new LinearGaussian(D, K, 1);
    var objective = new AnalyticKlElbo(KlRegistry.standard());
    var optimizer = Adam.builder().learningRate(0.02).build(
        Svi.parametersOf(vae.model, vae.guide));
    Svi svi = new Svi(vae.model, vae.guide, objective, optimizer)
        .addGradientHook(new DivergenceGuard());
    int epochs = 600;
    new Trainer(svi, MinibatchData.of(x, 100))
        .addListener(new LearningRateListener(LearningRateSchedule.cosine(0.02, 1e-4, epochs)))
        .fit(epochs, Rngs.create(7));

    double learned = vae.asPpca().meanLogLikelihood(x);
    var evaluator = new Evaluator(vae.model, vae.guide);
    double elbo = evaluator.meanBound(objective, x, 250, Rngs.create(8));
    double[] is = evaluator.logLikelihood(x, 500, 500, 100, Rngs.create(9));
    double meanIs = java.util.Arrays.stream(is).average().orElseThrow();
    double[] cosines = principalCosines(vae.asPpca().loading(), best.loading());
    System.out.printf("pPCA maximum %.5f, learned %.5f, ELBO %.5f, IS log p(x) %.5f,"
        + " subspace cosines %s%n", maximum, learned, elbo, meanIs,
        java.util.Arrays.toString(cosines));

    assertThat(learned).isBetween(maximum - 0.01, maximum + 1e-9);
    assertThat(meanIs).isBetween(maximum - 0.01, maximum + 0.01);
    assertThat(elbo).isBetween(maximum - 0.01, meanIs + 0.005);
    for (double c : cosines) {
      assertThat(c).isGreaterThan(0.999);
    }
  }

  /** Cosines of the principal angles between the column spans of a and b. */
  static double[] principalCosines(DMatrixRMaj a, DMatrixRMaj b) {
    DMatrixRMaj qa = orthonormalBasis(a);
    DMatrixRMaj qb = orthonormalBasis(b);
    DMatrixRMaj m = new DMatrixRMaj(qa.numCols, qb.numCols);
    CommonOps_DDRM.multTransA(qa, qb, m);
    return SingularOps_DDRM.singularValues(m);
  }

  static DMatrixRMaj orthonormalBasis(DMatrixRMaj a) {
    QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(a.numRows, a.numCols);
    qr.decompose(a.copy());
    return qr.getQ(null, true);
  }
}
