package org.latentj.examples.reproduction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.distributions.KlRegistry;
import org.latentj.inference.evaluation.Evaluator;
import org.latentj.inference.objectives.AnalyticKlElbo;
import org.latentj.tensor.Rngs;

/** The fixed-noise linear VAE against closed-form pPCA (Lucas et al. 2019). */
class PpcaCollapseTest {

  static final double[] SPECTRUM = {4, 2.5, 1, 0.5, 0.3, 0.2};

  @Test
  void sampleEigenvaluesFollowThePopulationSpectrum() {
    double[] sample = PpcaData.sampleEigenvalues(PpcaData.sample(SPECTRUM, 20_000, 3));
    for (int i = 0; i < SPECTRUM.length; i++) {
      // The sd of a sample eigenvalue is about lambda sqrt(2 / n) = 1% of lambda at n = 20000.
      assertThat(sample[i]).as("eigenvalue %d", i).isCloseTo(SPECTRUM[i],
          org.assertj.core.data.Percentage.withPercentage(5));
    }
    assertThat(PpcaData.predictedCollapsed(new double[] {3, 2, 1, 0.5}, 3, 2.0)).isEqualTo(2);
    assertThat(PpcaData.predictedCollapsed(new double[] {3, 2, 1, 0.5}, 3, 0.9)).isZero();
  }

  @Test
  void closedFormElboMatchesTheEnginesMonteCarloElbo() {
    DMatrixRMaj x = PpcaData.sample(SPECTRUM, 400, 5);
    PpcaLinearVae vae = new PpcaLinearVae(SPECTRUM.length, 3, 0.7, 11);
    double exact = vae.exactElbo(x);
    // Analytic KL, so only E_q[log p(x|z)] is sampled: 200 particles per example over 400
    // examples put the standard error far below the tolerance (measured sd per draw < 3 nats).
    double monteCarlo = new Evaluator(vae.model(), vae.guide()).meanBound(
        new AnalyticKlElbo(KlRegistry.standard(), 200), x, 100, Rngs.create(12));
    assertThat(monteCarlo).isCloseTo(exact, org.assertj.core.data.Offset.offset(0.02));
  }

  /**
   * At s^2 = 1.5 the third sample eigenvalue (about 1) is below the noise, so exactly one of the
   * k = 3 latents must collapse, and the ELBO must reach the fixed-noise pPCA maximum.
   *
   * <p>Tolerance: the ELBO here is computed in closed form (no sampling noise) and can never
   * exceed the closed-form maximum (ELBO <= log p_theta(x) <= max_theta log p_theta(x)), so the
   * upper side allows only round-off (1e-9). On the lower side 0.005 nats per example (0.05% of
   * |log p(x)|, about 9 nats here) leaves room for the optimizer's residual after the annealed
   * run (about 3e-4 nats measured) while failing any run that missed the optimum, e.g. one
   * that collapsed a latent it should keep (the second, with lambda about 2.5: that costs
   * (lambda / s^2 - 1 - log(lambda / s^2)) / 2, about 0.08 nats).
   */
  @Test
  void linearVaeCollapsesTheDimensionsTheoryPredictsAndReachesTheClosedForm() {
    DMatrixRMaj x = PpcaData.sample(SPECTRUM, 1000, 7);
    double[] lambda = PpcaData.sampleEigenvalues(x);
    assertThat(lambda[2]).isLessThan(1.5);
    assertThat(lambda[1]).isGreaterThan(1.5);

    PpcaResult r = new PpcaExperiment(3, 150, 100, 0.02, 20, 1).run(x, 1.5);
    System.out.printf("closed form %.5f, ELBO %.5f, IS %.5f, KL per latent %s%n",
        r.closedForm(), r.elbo(), r.importanceSampled(), Arrays.toString(r.klPerDimension()));

    assertThat(r.predictedCollapsed()).isEqualTo(1);
    assertThat(r.collapsedByKl()).isEqualTo(1);
    assertThat(r.collapsedByNorm()).isEqualTo(1);
    assertThat(r.elbo()).isBetween(r.closedForm() - 0.005, r.closedForm() + 1e-9);
    assertThat(r.learnedLogLikelihood()).isBetween(r.elbo() - 1e-9, r.closedForm() + 1e-9);
  }
}
