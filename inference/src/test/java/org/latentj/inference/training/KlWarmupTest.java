package org.latentj.inference.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.latentj.distributions.KlRegistry;
import org.latentj.distributions.Normal;
import org.latentj.distributions.StandardNormal;
import org.latentj.inference.objectives.AnalyticKlElbo;
import org.latentj.inference.objectives.Elbo;
import org.latentj.model.Batch;
import org.latentj.model.Objective;
import org.latentj.model.Program;
import org.latentj.model.Sites;
import org.latentj.model.Trace;
import org.latentj.model.handlers.Handler;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/**
 * KL warm-up is a scale on the latent sites: at weight beta the bound is
 * {@code log p(x|z) + beta (log p(z) - log q(z))} (or {@code - beta KL}), and only inside a step.
 */
class KlWarmupTest {

  private static final Program MODEL = new Program() {
    @Override
    public void run(Sites sites, Batch b) {
      Tensor z = sites.sample("z", StandardNormal.of(b.size(), 2));
      sites.observe("x", Normal.ofLogVariance(z, Tensor.zeros(1, 2)), b.data());
    }
  };

  private static final Program GUIDE = new Program() {
    @Override
    public void run(Sites sites, Batch b) {
      sites.sample("z", Normal.ofLogVariance(Tensor.filled(b.size(), 2, 0.3),
          Tensor.filled(b.size(), 2, -1)));
    }
  };

  private static final Batch BATCH =
      Batch.of(Tensor.constant(Rngs.standardNormal(Rngs.create(3), 5, 2)));

  @Test
  void theWeightRisesLinearlyToOne() {
    KlWarmup w = new KlWarmup(4);
    assertThat(new double[] {w.weightAt(0), w.weightAt(1), w.weightAt(4), w.weightAt(9)})
        .containsExactly(0, 0.25, 1, 1);
  }

  @Test
  void atStepTwoOfFourTheLatentTermsCountHalf() {
    for (Objective objective : new Objective[] {new Elbo(), new AnalyticKlElbo(
        KlRegistry.standard())}) {
      Tensor full = objective.bound(MODEL, GUIDE, BATCH, Rngs.create(1));
      Tensor half;
      try (Handler beta = new KlWarmup(4).enter(2)) {
        half = objective.bound(MODEL, GUIDE, BATCH, Rngs.create(1));
      }
      Trace g = Trace.guide(GUIDE, BATCH, Rngs.create(1));
      Trace.Site x = Trace.replay(MODEL, BATCH, g).site("x");
      Tensor logPx = x.distribution().logProb(x.value());
      for (int r = 0; r < BATCH.size(); r++) {
        double latent = full.get(r, 0) - logPx.get(r, 0);
        assertThat(half.get(r, 0)).as("%s, row %d", objective, r)
            .isCloseTo(logPx.get(r, 0) + 0.5 * latent, within(1e-12));
      }
    }
  }
}
