package org.latentj.inference.objectives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.distributions.Bernoulli;
import org.latentj.distributions.MixtureOfDiagonalNormals;
import org.latentj.distributions.Normal;
import org.latentj.distributions.OneHotCategorical;
import org.latentj.inference.optim.Adam;
import org.latentj.inference.training.Svi;
import org.latentj.model.Batch;
import org.latentj.model.Program;
import org.latentj.model.Sites;
import org.latentj.model.handlers.Plate;
import org.latentj.nn.Parameter;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;
import org.latentj.testing.GradientCheck;

/**
 * Enumeration against closed forms on a mixture of 3 Gaussians in 2-D with unit variances:
 * the bound is the exact log-likelihood (model-side, and guide-side with the exact posterior),
 * learning means and weights through it reaches EM's optimum, and it is differentiable.
 */
class TraceEnumElboTest {

  static final double[][] MEANS = {{-3, 0}, {3, 0.5}, {0, 3}};
  static final double[] WEIGHTS = {0.5, 0.3, 0.2};
  static final int N = 150;

  /** {@code c ~ Cat(softmax(w))}, {@code x ~ N(c M, I)}; w and M are parameters. */
  static final class Gmm extends Program {
    final Parameter means;
    final Parameter logits;

    Gmm(double[][] means, double[] weights) {
      this.means = register(new Parameter("means", new DMatrixRMaj(means)));
      double[] w = new double[weights.length];
      for (int j = 0; j < w.length; j++) {
        w[j] = Math.log(weights[j]);
      }
      this.logits = register(new Parameter("logits", new DMatrixRMaj(new double[][] {w})));
    }

    @Override
    public void run(Sites sites, Batch b) {
      try (Plate data = sites.plate("data", b.examples())) {
        Tensor c = sites.sample("c", OneHotCategorical.ofLogits(logits.tensor()
            .repeatRows(b.size())), TraceEnumElbo.PARALLEL);
        sites.observe("x", Normal.ofLogVariance(c.matmul(means.tensor()),
            Tensor.zeros(1, 2)), b.data());
      }
    }

    /** The same mixture as a distribution: the closed form {@code log p(x)}. */
    MixtureOfDiagonalNormals mixture(int rows) {
      return MixtureOfDiagonalNormals.of(logits.tensor().detach(), means.tensor().detach(),
          Tensor.zeros(3, 2), rows);
    }
  }

  /** No sites: with model-side enumeration nothing is left for a guide to sample. */
  static final Program EMPTY = new Program() {
    @Override
    public void run(Sites sites, Batch b) {}
  };

  /** {@code q(c | x)} = the exact posterior under {@code truth}, enumerated. */
  static Program exactPosterior(Gmm truth) {
    return new Program() {
      @Override
      public void run(Sites sites, Batch b) {
        Tensor logJoint = truth.mixture(b.size()).componentLogJoint(b.data());
        sites.sample("c", OneHotCategorical.ofLogits(logJoint), TraceEnumElbo.PARALLEL);
      }
    };
  }

  static Tensor data(long seed) {
    Gmm truth = new Gmm(MEANS, WEIGHTS);
    return truth.mixture(N).sample(Rngs.create(seed));
  }

  @Test
  void modelSideBoundIsTheExactLogLikelihoodPerPoint() {
    Gmm truth = new Gmm(MEANS, WEIGHTS);
    Tensor x = data(1);
    Tensor bound = new TraceEnumElbo().bound(truth, EMPTY, Batch.of(x), Rngs.create(2));
    Tensor exact = truth.mixture(N).logProb(x);
    for (int i = 0; i < N; i++) {
      assertThat(bound.get(i, 0)).isCloseTo(exact.get(i, 0), within(1e-9));
    }
  }

  @Test
  void guideSideBoundWithTheExactPosteriorIsTheExactLogLikelihoodPerPoint() {
    Gmm truth = new Gmm(MEANS, WEIGHTS);
    Tensor x = data(3);
    Tensor bound = new TraceEnumElbo(2).bound(truth, exactPosterior(truth), Batch.of(x),
        Rngs.create(4));
    Tensor exact = truth.mixture(N).logProb(x);
    double worst = 0;
    for (int i = 0; i < N; i++) {
      worst = Math.max(worst, Math.abs(bound.get(i, 0) - exact.get(i, 0)));
    }
    System.out.printf("GMM guide-side enumeration, exact posterior: max |bound - log p(x)| ="
        + " %.2e nats over %d points%n", worst, N);
    assertThat(worst).isLessThan(1e-9);
  }

  @Test
  void learningMeansAndWeightsByEnumerationReachesEm() {
    Tensor x = data(5);
    double[][] startMeans = {{-1, -1}, {1, 1}, {0.5, 2}};
    double[] startWeights = {1 / 3.0, 1 / 3.0, 1 / 3.0};
    double em = ExpectationMaximization.fit(x.value(), startMeans, startWeights);

    Gmm model = new Gmm(startMeans, startWeights);
    Adam adam = Adam.builder().learningRate(0.1).build(Svi.parametersOf(model, EMPTY));
    Svi svi = new Svi(model, EMPTY, new TraceEnumElbo(), adam);
    Batch batch = Batch.of(x);
    var rng = Rngs.create(6);
    double bound = Double.NaN;
    for (int step = 0; step < 900; step++) {
      if (step == 400 || step == 650) {
        adam.setLearningRate(adam.learningRate() * 0.2);
      }
      bound = svi.step(batch, rng);
    }
    double enumerated = model.mixture(N).logProb(x).mean().item();
    System.out.printf("GMM: log-likelihood per point by enumeration %.6f, EM %.6f (difference"
        + " %.1e); last bound %.6f%n", enumerated, em, enumerated - em, bound);
    assertThat(enumerated).isCloseTo(em, within(1e-3));
  }

  /**
   * {@code c ~ Cat(uniform K)}, {@code x ~ N(c M, I)} with M the first K rows of {@link #MEANS}
   * and one more; the guide, {@code q(c | x) = softmax(x A)}, enumerates c while
   * {@code guideSide} holds and samples nothing otherwise (c is then summed in the model).
   */
  static final class Switchable {
    static final double[][] FOUR_MEANS = {{-3, 0}, {3, 0.5}, {0, 3}, {1, -2}};
    int classes = 3;
    boolean guideSide = true;
    int guideRuns;

    final Program model = new Program() {
      @Override
      public void run(Sites sites, Batch b) {
        Tensor c = sites.sample("c", OneHotCategorical.ofLogits(Tensor.zeros(b.size(), classes)),
            TraceEnumElbo.PARALLEL);
        Tensor means = Tensor.constant(new DMatrixRMaj(FOUR_MEANS)).rows(0, classes);
        sites.observe("x", Normal.ofLogVariance(c.matmul(means), Tensor.zeros(1, 2)), b.data());
      }
    };

    final Program guide = new Program() {
      @Override
      public void run(Sites sites, Batch b) {
        guideRuns++;
        if (guideSide) {
          Tensor a = Tensor.constant(new DMatrixRMaj(new double[][] {{0.3, -0.2, 0.1, 0.5},
              {0.05, 0.4, -0.3, -0.1}})).columns(0, classes);
          sites.sample("c", OneHotCategorical.ofLogits(b.data().matmul(a)),
              TraceEnumElbo.PARALLEL);
        }
      }
    };
  }

  /**
   * The objective remembers the plan it found, so the next call runs the guide once instead of
   * once more to discover the enumerated site; whenever the programs take another path (a
   * support of another size, a site no longer reached, a site moved to the other program) the
   * bound is exactly a fresh objective's.
   */
  @Test
  void aRememberedPlanSkipsDiscoveryAndIsFoundAfreshWhenItNoLongerFits() {
    Switchable p = new Switchable();
    Batch batch = Batch.of(data(8).rows(0, 12));
    TraceEnumElbo remembering = new TraceEnumElbo();
    Tensor first = remembering.bound(p.model, p.guide, batch, Rngs.create(1));
    assertThat(p.guideRuns).as("discovery, then the run").isEqualTo(2);
    Tensor again = remembering.bound(p.model, p.guide, batch, Rngs.create(1));
    assertThat(p.guideRuns).as("the remembered plan: one run").isEqualTo(3);
    assertThat(again.value().data).isEqualTo(first.value().data);

    Runnable[] paths = {
        () -> p.classes = 4,                 // another support
        () -> p.guideSide = false,           // not reached in the guide: summed in the model
        () -> p.guideSide = true,            // reached in the guide, remembered as model-side
        () -> p.classes = 3,
        () -> { }};                          // unchanged: remembered
    for (int i = 0; i < paths.length; i++) {
      paths[i].run();
      Tensor expected = new TraceEnumElbo().bound(p.model, p.guide, batch, Rngs.create(1));
      Tensor actual = remembering.bound(p.model, p.guide, batch, Rngs.create(1));
      assertThat(actual.value().data).as("path %d", i).isEqualTo(expected.value().data);
    }
  }

  @Test
  void enumeratedBoundsAreDifferentiable() {
    Gmm model = new Gmm(MEANS, WEIGHTS);
    Tensor x = data(7).rows(0, 6);
    GradientCheck.standard().withTolerance(1e-5).checkLeaves("TraceEnumElbo model-side",
        () -> new TraceEnumElbo().bound(model, EMPTY, Batch.of(x), Rngs.create(1)),
        List.of(model.means.tensor(), model.logits.tensor()));

    // guide-side: q(c | x) = softmax(x A + b), differentiable in A and b
    Parameter a = new Parameter("a", new DMatrixRMaj(new double[][] {{0.3, -0.2, 0.1},
        {0.05, 0.4, -0.3}}));
    Parameter bias = new Parameter("b", new DMatrixRMaj(new double[][] {{0.1, -0.1, 0.2}}));
    Program guide = new Program() {
      @Override
      public void run(Sites sites, Batch b) {
        sites.sample("c", OneHotCategorical.ofLogits(b.data().affine(a.tensor(), bias.tensor())),
            TraceEnumElbo.PARALLEL);
      }
    };
    GradientCheck.standard().withTolerance(1e-5).checkLeaves("TraceEnumElbo guide-side",
        () -> new TraceEnumElbo().bound(model, guide, Batch.of(x), Rngs.create(1)),
        List.of(a.tensor(), bias.tensor(), model.means.tensor(), model.logits.tensor()));
  }

  /**
   * Global means {@code mu_j ~ N(0, 9 I)} under an AutoNormal guide, assignments enumerated in
   * the model, a subsampled plate and 4 particles: the bound is differentiable in the guide's
   * parameters, and with a nearly exact point mass on the true means it is the exact
   * log-likelihood per point plus the global terms' share.
   */
  static final class GlobalMeans extends Program {
    final int dataSize;

    GlobalMeans(int dataSize) {
      this.dataSize = dataSize;
    }

    @Override
    public void run(Sites sites, Batch b) {
      int k = b.particles();
      Tensor[] means = new Tensor[3];
      for (int j = 0; j < 3; j++) {
        means[j] = sites.sample("mean" + j, Normal.ofLogVariance(Tensor.zeros(k, 2),
            Tensor.filled(1, 2, Math.log(9))));
      }
      Tensor location = null;
      try (Plate data = sites.plate("data", dataSize, b.examples())) {
        Tensor c = sites.sample("c", OneHotCategorical.ofLogits(Tensor.row(Math.log(0.5),
            Math.log(0.3), Math.log(0.2)).repeatRows(b.size())), TraceEnumElbo.PARALLEL);
        for (int j = 0; j < 3; j++) {
          Tensor share = c.columns(j, j + 1).mul(b.particleRows(means[j]));
          location = location == null ? share : location.add(share);
        }
        sites.observe("x", Normal.ofLogVariance(location, Tensor.zeros(1, 2)), b.data());
      }
    }
  }

  @Test
  void globalSitesUnderEnumerationAreWeighedAndDifferentiable() {
    var guide = org.latentj.inference.guides.AutoNormal.builder().site("mean0", 2)
        .site("mean1", 2).site("mean2", 2).initScale(1e-7).build();
    for (int j = 0; j < 3; j++) {
      guide.parameters().get("mean" + j + ".loc").value().setTo(
          new DMatrixRMaj(new double[][] {MEANS[j]}));
    }
    Tensor x = data(9).rows(0, 10);
    GlobalMeans model = new GlobalMeans(40);
    // The same seed gives the same draws of the means, so two plate sizes differ only in how
    // the global terms G are spread: bound = local + G / (plate size).
    double whole = new TraceEnumElbo(4).bound(new GlobalMeans(10), guide, Batch.of(x),
        Rngs.create(1)).mean().item();
    double subsampled = new TraceEnumElbo(4).bound(model, guide, Batch.of(x), Rngs.create(1))
        .mean().item();
    double g = (whole - subsampled) / (1.0 / 10 - 1.0 / 40);
    double local = whole - g / 10;
    double expected = new Gmm(MEANS, WEIGHTS).mixture(10).logProb(x).mean().item();
    assertThat(local).isCloseTo(expected, within(1e-5));
    double global = 0;
    for (int j = 0; j < 3; j++) {
      // log p(mu_j) - log q(mu_j) at a point mass, less the draws' -|eps|^2 / 2 (about -1 each)
      double logPrior = -Math.log(2 * Math.PI * 9) - (MEANS[j][0] * MEANS[j][0]
          + MEANS[j][1] * MEANS[j][1]) / 18;
      global += logPrior + Math.log(2 * Math.PI * 1e-14);
    }
    assertThat(g).isCloseTo(global + 3, within(3.0));

    var init = org.latentj.inference.guides.AutoNormal.builder().site("mean0", 2)
        .site("mean1", 2).site("mean2", 2).initScale(0.3).build();
    List<Tensor> leaves = new java.util.ArrayList<>();
    init.parameters().values().forEach(p -> leaves.add(p.tensor()));
    for (int j = 0; j < 3; j++) {
      init.parameters().get("mean" + j + ".loc").value().setTo(
          new DMatrixRMaj(new double[][] {MEANS[j]}));
    }
    GradientCheck.standard().withTolerance(1e-5).checkLeaves("TraceEnumElbo with globals",
        () -> new TraceEnumElbo(4).bound(model, init, Batch.of(x), Rngs.create(1)).mean(),
        leaves);
  }

  /** {@code a ~ Bern(0.3)}, {@code b | a ~ Bern(sigmoid(2a - 1))}, {@code x ~ N(a + 2b, 1)}. */
  @Test
  void dependentModelSitesAreSummedJointly() {
    Program model = new Program() {
      @Override
      public void run(Sites sites, Batch bt) {
        int n = bt.size();
        Tensor a = sites.sample("a", Bernoulli.ofLogits(Tensor.filled(n, 1, Math.log(0.3 / 0.7))),
            TraceEnumElbo.PARALLEL);
        Tensor b = sites.sample("b", Bernoulli.ofLogits(a.mul(2).sub(1)), TraceEnumElbo.PARALLEL);
        sites.observe("x", Normal.ofLogVariance(a.add(b.mul(2)), Tensor.zeros(1, 1)), bt.data());
      }
    };
    Tensor x = Tensor.column(-0.5, 0.7, 2.2, 3.1);
    Tensor bound = new TraceEnumElbo().bound(model, EMPTY, Batch.of(x), Rngs.create(1));
    for (int i = 0; i < 4; i++) {
      double p = 0;
      for (int av = 0; av < 2; av++) {
        for (int bv = 0; bv < 2; bv++) {
          double pa = av == 1 ? 0.3 : 0.7;
          double pb1 = 1 / (1 + Math.exp(-(2 * av - 1)));
          double r = x.get(i, 0) - av - 2 * bv;
          p += pa * (bv == 1 ? pb1 : 1 - pb1) * Math.exp(-0.5 * r * r) / Math.sqrt(2 * Math.PI);
        }
      }
      assertThat(bound.get(i, 0)).isCloseTo(Math.log(p), within(1e-12));
    }
  }

  @Test
  void aHandlerMarksSitesAsTheOptionDoes() {
    Gmm truth = new Gmm(MEANS, WEIGHTS);
    Tensor x = data(1).rows(0, 8);
    Program unmarked = new Program() {
      @Override
      public void run(Sites sites, Batch b) {
        try (org.latentj.model.handlers.Handler h = TraceEnumElbo.mark()) {
          Tensor c = sites.sample("c", OneHotCategorical.ofLogits(truth.logits.tensor()
              .repeatRows(b.size())));
          sites.observe("x", Normal.ofLogVariance(c.matmul(truth.means.tensor()),
              Tensor.zeros(1, 2)), b.data());
        }
      }
    };
    Tensor bound = new TraceEnumElbo().bound(unmarked, EMPTY, Batch.of(x), Rngs.create(1));
    Tensor exact = truth.mixture(8).logProb(x);
    for (int i = 0; i < 8; i++) {
      assertThat(bound.get(i, 0)).isCloseTo(exact.get(i, 0), within(1e-9));
    }
  }

  @Test
  void enumeratingAContinuousSiteNamesIt() {
    Program model = new Program() {
      @Override
      public void run(Sites sites, Batch b) {
        Tensor z = sites.sample("z", Normal.ofLogVariance(Tensor.zeros(b.size(), 1),
            Tensor.zeros(b.size(), 1)), TraceEnumElbo.PARALLEL);
        sites.observe("x", Normal.ofLogVariance(z, Tensor.zeros(1, 1)), b.data());
      }
    };
    assertThatThrownBy(() -> new TraceEnumElbo().bound(model, EMPTY,
        Batch.of(Tensor.column(1, 2)), Rngs.create(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot enumerate site 'z'")
        .hasMessageContaining("Normal has no finite support");
  }

  @Test
  void aStructureItCannotSumIsNamed() {
    // a global discrete site: its sum over values does not factor over the examples
    Program global = new Program() {
      @Override
      public void run(Sites sites, Batch b) {
        Tensor c = sites.sample("switch", Bernoulli.ofLogits(Tensor.zeros(1, 1)),
            TraceEnumElbo.PARALLEL);
        sites.observe("x", Normal.ofLogVariance(c, Tensor.zeros(1, 1)), b.data());
      }
    };
    assertThatThrownBy(() -> new TraceEnumElbo().bound(global, EMPTY,
        Batch.of(Tensor.column(1, 2, 3)), Rngs.create(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot enumerate site 'switch'")
        .hasMessageContaining("global site's sum does not factor over the examples");
    // a guide site that is sampled plainly
    Gmm model = new Gmm(MEANS, WEIGHTS);
    Program sampling = new Program() {
      @Override
      public void run(Sites sites, Batch b) {
        sites.sample("c", OneHotCategorical.ofLogits(Tensor.zeros(b.size(), 3)));
      }
    };
    assertThatThrownBy(() -> new TraceEnumElbo().bound(model, sampling,
        Batch.of(data(1).rows(0, 4)), Rngs.create(1)))
        .hasMessageContaining("guide site 'c' (OneHotCategorical) is neither reparameterized"
            + " nor enumerated");
    // a sequential enumeration request
    Program sequential = new Program() {
      @Override
      public void run(Sites sites, Batch b) {
        sites.sample("c", OneHotCategorical.ofLogits(Tensor.zeros(b.size(), 3)),
            Map.of("enumerate", "sequential"));
      }
    };
    assertThatThrownBy(() -> new TraceEnumElbo().bound(model, sequential,
        Batch.of(data(1).rows(0, 4)), Rngs.create(1)))
        .hasMessageContaining("site 'c': enumerate 'sequential' is not supported");
  }
}
