package org.latentj.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.latentj.distributions.Normal;
import org.latentj.distributions.OneHotCategorical;
import org.latentj.distributions.StandardNormal;
import org.latentj.inference.objectives.Elbo;
import org.junit.jupiter.api.Test;
import org.latentj.model.Batch;
import org.latentj.model.Program;
import org.latentj.model.Sites;
import org.latentj.model.Trace;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/**
 * The contract between a model and its guide, which is nothing but site names: each way of
 * breaking it fails with a message that says which site and what the other side has, and the
 * three run modes do what {@link Trace} promises. Errors are provoked through an objective, as
 * a user meets them.
 */
class TraceContractTest {

  private static final int ROWS = 4;

  /** A program from a lambda, with no parameters. */
  private static Program program(BiConsumer<Sites, Batch> body) {
    return new Program() {
      @Override
      public void run(Sites sites, Batch batch) {
        body.accept(sites, batch);
      }
    };
  }

  /** {@code q(name) = N(0.3, e^-1)} per row, {@code cols} wide. */
  private static Normal guideNormal(int rows, int cols) {
    return Normal.ofLogVariance(Tensor.filled(rows, cols, 0.3), Tensor.filled(rows, cols, -1));
  }

  /** The usual model: {@code z ~ N(0, I_2)}, {@code x ~ N(z, I)} over 2 columns. */
  private static final Program MODEL = program((t, b) -> {
    Tensor z = t.sample("z", StandardNormal.of(b.size(), 2));
    t.observe("x", Normal.ofLogVariance(z, Tensor.zeros(1, 2)), b.hasData() ? b.data() : null);
  });

  /** The matching guide: {@code z ~ q} at site "z". */
  private static final Program GUIDE = program((t, b) -> t.sample("z", guideNormal(b.size(), 2)));

  private static Batch batch() {
    return Batch.of(Tensor.constant(Rngs.standardNormal(Rngs.create(3), ROWS, 2)));
  }

  private static Tensor elbo(Program model, Program guide) {
    return new Elbo().bound(model, guide, batch(), Rngs.create(1));
  }

  @Test
  void aMatchingPairGivesAFiniteBound() {
    Tensor bound = elbo(MODEL, GUIDE);
    assertThat(bound.shape()).isEqualTo(ROWS + "x1");
    for (int r = 0; r < ROWS; r++) {
      assertThat(bound.get(r, 0)).isFinite();
    }
  }

  @Test
  void modelSamplingALatentTheGuideNeverSamplesNamesTheSiteAndTheGuideSites() {
    Program model = program((t, b) -> {
      Tensor z = t.sample("z", StandardNormal.of(b.size(), 2));
      t.sample("w", StandardNormal.of(b.size(), 1));
      t.observe("x", Normal.ofLogVariance(z, Tensor.zeros(1, 2)), b.data());
    });
    assertThatThrownBy(() -> elbo(model, GUIDE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("model samples latent site 'w'")
        .hasMessageContaining("guide sites: [z]");
  }

  @Test
  void guideSamplingASiteTheModelNeverSamplesNamesTheSiteAndTheModelSites() {
    Program guide = program((t, b) -> {
      t.sample("z", guideNormal(b.size(), 2));
      t.sample("extra", guideNormal(b.size(), 3));
    });
    assertThatThrownBy(() -> elbo(MODEL, guide))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("guide samples latent site 'extra'")
        .hasMessageContaining("model sites: [z]");
  }

  @Test
  void aGuideThatObservesDataIsAnError() {
    Program guide = program((t, b) -> {
      t.sample("z", guideNormal(b.size(), 2));
      t.observe("x", StandardNormal.of(b.size(), 2), b.data());
    });
    assertThatThrownBy(() -> elbo(MODEL, guide))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("guide observes site 'x'");
  }

  @Test
  void aSiteNameUsedTwiceInTheModelIsAnError() {
    Program model = program((t, b) -> {
      Tensor z = t.sample("z", StandardNormal.of(b.size(), 2));
      t.observe("z", Normal.ofLogVariance(z, Tensor.zeros(1, 2)), b.data());
    });
    assertThatThrownBy(() -> elbo(model, GUIDE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("site 'z' is used twice");
  }

  @Test
  void aSiteNameUsedTwiceInTheGuideIsAnError() {
    Program guide = program((t, b) -> {
      t.sample("z", guideNormal(b.size(), 2));
      t.sample("z", guideNormal(b.size(), 2));
    });
    assertThatThrownBy(() -> elbo(MODEL, guide))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("site 'z' is used twice");
  }

  @Test
  void aGuideSiteWithNoReparameterizedSamplerSuggestsTheRelaxedFamily() {
    Program guide = program((t, b) ->
        t.sample("c", OneHotCategorical.ofLogits(Tensor.zeros(b.size(), 3))));
    assertThatThrownBy(() -> elbo(MODEL, guide))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("guide site 'c'")
        .hasMessageContaining("OneHotCategorical")
        .hasMessageContaining("RelaxedOneHotCategorical");
  }

  @Test
  void aGuideValueOfAnotherShapeThanTheModelsDistributionNamesBothShapes() {
    Program guide = program((t, b) -> t.sample("z", guideNormal(b.size(), 3)));
    assertThatThrownBy(() -> elbo(MODEL, guide))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("site 'z'")
        .hasMessageContaining("value is " + ROWS + "x3")
        .hasMessageContaining("distribution is " + ROWS + "x2");
  }

  @Test
  void replayReturnsExactlyTheGuidesValueTensors() {
    List<Tensor> seenByModel = new ArrayList<>();
    Program model = program((t, b) -> {
      Tensor z = t.sample("z", StandardNormal.of(b.size(), 2));
      seenByModel.add(z);
      t.observe("x", Normal.ofLogVariance(z, Tensor.zeros(1, 2)), b.data());
    });
    Batch batch = batch();
    Trace guideTrace = Trace.guide(GUIDE, batch, Rngs.create(5));
    Trace modelTrace = Trace.replay(model, batch, guideTrace);
    modelTrace.requireMatches(guideTrace);

    Tensor drawn = guideTrace.site("z").value();
    assertThat(seenByModel).hasSize(1);
    assertThat(seenByModel.get(0)).isSameAs(drawn);
    assertThat(modelTrace.site("z").value()).isSameAs(drawn);
    // The model's own distribution is recorded at the site, not the guide's.
    assertThat(modelTrace.site("z").distribution()).isInstanceOf(StandardNormal.class);
    assertThat(modelTrace.site("x").value().value().data)
        .containsExactly(batch.data().value().data);
  }

  @Test
  void replayedObservedSiteWithoutDataIsAnError() {
    Trace guideTrace = Trace.guide(GUIDE, Batch.generate(ROWS, null), Rngs.create(5));
    assertThatThrownBy(() -> Trace.replay(MODEL, Batch.generate(ROWS, null), guideTrace))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("observed site 'x' has no data");
  }

  @Test
  void generateDrawsFromTheModelWithoutData() {
    int n = 4000;
    Trace trace = Trace.generate(MODEL, Batch.generate(n, null), Rngs.create(11));

    assertThat(trace.latentNames()).containsExactly("z");
    assertThat(trace.site("x").kind()).isEqualTo(Trace.Kind.OBSERVED);
    Tensor z = trace.site("z").value();
    Tensor x = trace.site("x").value();
    assertThat(z.shape()).isEqualTo(n + "x2");
    assertThat(x.shape()).isEqualTo(n + "x2");
    // Ancestral sampling: z ~ N(0, 1) and x = z + e ~ N(0, 2) per column, x - z ~ N(0, 1).
    KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
    double[] zs = z.value().data;
    double[] xs = x.value().data;
    double[] noise = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      noise[i] = xs[i] - zs[i];
    }
    assertThat(ks.kolmogorovSmirnovTest(new NormalDistribution(0, 1), zs)).isGreaterThan(1e-3);
    assertThat(ks.kolmogorovSmirnovTest(new NormalDistribution(0, Math.sqrt(2)), xs))
        .isGreaterThan(1e-3);
    assertThat(ks.kolmogorovSmirnovTest(new NormalDistribution(0, 1), noise))
        .isGreaterThan(1e-3);
    // And x is not the data of anything: a wrong law is rejected by the same test.
    assertThat(ks.kolmogorovSmirnovTest(new NormalDistribution(0, 1), xs)).isLessThan(1e-3);
  }

  @Test
  void generateWithTheSameSeedDrawsTheSameValues() {
    Trace a = Trace.generate(MODEL, Batch.generate(3, null), Rngs.create(7));
    Trace b = Trace.generate(MODEL, Batch.generate(3, null), Rngs.create(7));
    assertThat(a.site("x").value().value().data).containsExactly(b.site("x").value().value().data);
  }
}
