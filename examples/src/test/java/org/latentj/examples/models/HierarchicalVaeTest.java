package org.latentj.examples.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.latentj.examples.pictures.PixelProbabilities.assertPixelProbabilities;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentj.inference.evaluation.EvaluationData;
import org.latentj.inference.objectives.Elbo;
import org.latentj.inference.objectives.ImportanceWeightedElbo;
import org.latentj.inference.training.Svi;
import org.latentj.model.Batch;
import org.latentj.model.Program;
import org.latentj.model.Sites;
import org.latentj.model.Trace;
import org.latentj.nn.Activation;
import org.latentj.tensor.GradMode;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;
import org.latentj.testing.GradientCheck;

class HierarchicalVaeTest {

  /** Small enough to train in seconds: 784-32-32-8 then 8-16-16-4. */
  private static final HierarchicalVaeSettings SMALL =
      new HierarchicalVaeSettings(784, 32, 8, 16, 4, Activation.TANH, 5);

  private static DMatrixRMaj eval;
  private static HierarchicalVae trained;
  private static double before;
  private static double after;

  @BeforeAll
  static void trainBriefly() {
    eval = SmallDigits.binaryTest(200).features();
    trained = HierarchicalVae.create(SMALL);
    before = meanElbo(trained);
    SmallDigits.train(trained.model(), trained.guide(),
        SmallDigits.batches(SmallDigits.train(500).features(), null, 25), 3, 3e-3, 11);
    after = meanElbo(trained);
  }

  private static double meanElbo(HierarchicalVae vae) {
    return SmallDigits.meanElbo(vae.model(), vae.guide(), EvaluationData.of(eval));
  }

  @Test
  void trainingImprovesTheTestBoundByAClearMargin() {
    SmallDigits.assertClearImprovement(before, after);
  }

  @Test
  void theElboIsDifferentiableInEveryParameterOfModelAndGuide() {
    HierarchicalVae tiny = HierarchicalVae.create(
        new HierarchicalVaeSettings(6, 5, 3, 4, 2, Activation.TANH, 8));
    DMatrixRMaj x = new DMatrixRMaj(3, 6);
    var rng = Rngs.create(9);
    for (int i = 0; i < x.data.length; i++) {
      x.data[i] = rng.nextBoolean() ? 1 : 0;
    }
    Batch batch = Batch.of(Tensor.constant(x));
    List<Tensor> leaves = new ArrayList<>();
    Svi.parametersOf(tiny.model(), tiny.guide()).values().forEach(p -> leaves.add(p.tensor()));
    // 4 networks x 3 layers x (weight, bias); the prior and heads have no parameters.
    assertThat(leaves).hasSize(24);
    // A fresh generator with a fixed seed inside: the same noise in every evaluation.
    GradientCheck.standard().withTolerance(1e-5).checkLeaves("hierarchical ELBO",
        () -> new Elbo().bound(tiny.model(), tiny.guide(), batch, Rngs.create(99)), leaves);
    GradientCheck.standard().withTolerance(1e-5).checkLeaves("hierarchical IWAE k=3",
        () -> ImportanceWeightedElbo.of(3).bound(tiny.model(), tiny.guide(), batch,
            Rngs.create(98)), leaves);
  }

  @Test
  void theIwaeBoundWithTenSamplesIsAtLeastTheElboOnAverage() {
    // E[L_10] >= E[L_1] (Burda et al. 2016, theorem 1). The ELBO side averages 10 independent
    // particles (same expectation, less noise); the two use independent draws, so the gap is
    // a fair estimate, not Jensen's inequality on shared particles.
    Batch batch = Batch.of(Tensor.constant(eval));
    SummaryStatistics gap = new SummaryStatistics();
    try (GradMode.Scope off = GradMode.disable()) {
      for (int rep = 0; rep < 3; rep++) {
        Tensor elbo = new Elbo(10).bound(trained.model(), trained.guide(), batch,
            Rngs.create(100 + rep));
        Tensor iwae = ImportanceWeightedElbo.of(10).bound(trained.model(), trained.guide(),
            batch, Rngs.create(200 + rep));
        for (int r = 0; r < batch.size(); r++) {
          gap.addValue(iwae.get(r, 0) - elbo.get(r, 0));
        }
      }
    }
    double se = Math.sqrt(gap.getVariance() / gap.getN());
    assertThat(gap.getMean()).as("mean gap over %d examples, se %.3f", gap.getN(), se)
        .isGreaterThan(4 * se);
  }

  @Test
  void guideAndModelSampleInOppositeOrdersAndReplayMatchesByName() {
    Batch batch = Batch.of(Tensor.constant(eval).rows(0, 3));
    Trace g = Trace.guide(trained.guide(), batch, Rngs.create(1));
    Trace m = Trace.replay(trained.model(), batch, g);
    m.requireMatches(g);
    assertThat(g.latentNames()).containsExactly("z1", "z2");
    assertThat(m.latentNames()).containsExactly("z2", "z1");
    assertThat(m.site("z1").value()).isSameAs(g.site("z1").value());
    assertThat(m.site("z2").value()).isSameAs(g.site("z2").value());
    assertThat(g.site("z1").value().shape()).isEqualTo("3x8");
    assertThat(g.site("z2").value().shape()).isEqualTo("3x4");
  }

  @Test
  void aGuideWithAMisnamedSiteFailsNamingTheSiteAndTheGuidesSites() {
    HierarchicalVaeGuide good = trained.guide();
    Program broken = new Program() {
      @Override
      public void run(Sites sites, Batch batch) {
        Tensor z1 = sites.sample("z1", good.lower().given(batch.data()));
        sites.sample("top", good.top().given(z1));
      }
    };
    Batch batch = Batch.of(Tensor.constant(eval).rows(0, 2));
    assertThatThrownBy(() -> new Elbo().bound(trained.model(), broken, batch, Rngs.create(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("model samples latent site 'z2'")
        .hasMessageContaining("guide sites: [z1, top]");
  }

  @Test
  void generationDrawsPixelProbabilitiesWithoutData() {
    DMatrixRMaj means = trained.sampleMeans(7, Rngs.create(4));
    assertPixelProbabilities(means, 7, 784);
    assertThat(trained.sampleMeans(7, Rngs.create(4)).data).containsExactly(means.data);
    assertThat(trained.sampleMeans(7, Rngs.create(5)).data).isNotEqualTo(means.data);
  }

  @Test
  void theIwaePaperSizesAreTheDefault() {
    HierarchicalVaeSettings s = HierarchicalVaeSettings.iwaePaper();
    assertThat(List.of(s.inputSize(), s.hidden1(), s.latent1(), s.hidden2(), s.latent2()))
        .containsExactly(784, 200, 100, 100, 50);
    assertThat(s.activation()).isEqualTo(Activation.TANH);
    HierarchicalVae vae = HierarchicalVae.create(s);
    assertThat(vae.guide().lower().network().toString()).contains("Linear(784 -> 200)",
        "Linear(200 -> 200)", "Linear(200 -> 200)");
    assertThat(vae.model().lower().network().toString()).contains("Linear(50 -> 100)",
        "Linear(100 -> 200)");
  }

  @Test
  void settingsRejectANonPositiveSizeNamingIt() {
    assertThatThrownBy(() -> new HierarchicalVaeSettings(784, 200, 0, 100, 50, Activation.TANH,
        1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latent1");
    assertThatThrownBy(() -> new HierarchicalVaeSettings(784, 200, 100, 100, 50, null, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("activation");
  }
}
