package org.latentj.inference.objectives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.distributions.Bernoulli;
import org.latentj.distributions.Normal;
import org.latentj.inference.objectives.baselines.Baseline;
import org.latentj.inference.objectives.baselines.DecayingAverageBaseline;
import org.latentj.inference.objectives.baselines.NvilBaseline;
import org.latentj.inference.optim.Adam;
import org.latentj.inference.training.Gradients;
import org.latentj.model.Batch;
import org.latentj.model.Distribution;
import org.latentj.model.Objective;
import org.latentj.model.Program;
import org.latentj.model.Sites;
import org.latentj.nn.Activation;
import org.latentj.nn.Initializer;
import org.latentj.nn.Mlp;
import org.latentj.nn.Parameter;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/**
 * The score-function estimator against the exact ELBO gradient, which enumeration gives: a
 * two-layer Bernoulli model {@code z1 ~ Bern(a1)} (2 bits), {@code z2 | z1 ~ Bern(z1 b + a2)},
 * {@code x ~ N(z1 W1 + z2 W2 + c, I)} in 2-D, with guide {@code q(z1 | x) q(z2 | z1, x)}. The
 * mean of many independent estimates must agree with the exact gradient on every coordinate
 * within 4 standard errors, for each baseline; the baselines' variances are measured.
 */
class ScoreFunctionTest {

  static final Tensor X = Tensor.of(new double[][] {{-2, 1}, {0.5, 0.5}, {3, -1}, {1, 2.5}});
  static final int REPLICAS = 800;

  static Parameter random(String name, int rows, int cols, UniformRandomProvider rng) {
    DMatrixRMaj v = Rngs.standardNormal(rng, rows, cols);
    for (int i = 0; i < v.data.length; i++) {
      v.data[i] *= 0.7;
    }
    return new Parameter(name, v);
  }

  static final class Model extends Program {
    final Parameter a1;
    final Parameter b;
    final Parameter a2;
    final Parameter w1;
    final Parameter w2;
    final Parameter c;

    Model(UniformRandomProvider rng) {
      a1 = register(random("a1", 1, 2, rng));
      b = register(random("b", 2, 1, rng));
      a2 = register(random("a2", 1, 1, rng));
      w1 = register(random("w1", 2, 2, rng));
      w2 = register(random("w2", 1, 2, rng));
      c = register(random("c", 1, 2, rng));
    }

    @Override
    public void run(Sites sites, Batch batch) {
      Tensor z1 = sites.sample("z1", Bernoulli.ofLogits(a1.tensor().repeatRows(batch.size())));
      Tensor z2 = sites.sample("z2", Bernoulli.ofLogits(z1.matmul(b.tensor()).add(a2.tensor())));
      Tensor mean = z1.matmul(w1.tensor()).add(z2.matmul(w2.tensor())).add(c.tensor());
      sites.observe("x", Normal.ofLogVariance(mean, Tensor.zeros(1, 2)), batch.data());
    }
  }

  static final class Guide extends Program {
    final Parameter v1;
    final Parameter e1;
    final Parameter u;
    final Parameter v2;
    final Parameter e2;

    Guide(UniformRandomProvider rng, NvilBaseline baseline) {
      v1 = register(random("v1", 2, 2, rng));
      e1 = register(random("e1", 1, 2, rng));
      u = register(random("u", 2, 1, rng));
      v2 = register(random("v2", 2, 1, rng));
      e2 = register(random("e2", 1, 1, rng));
      if (baseline != null) {
        register("baseline", baseline);
      }
    }

    @Override
    public void run(Sites sites, Batch batch) {
      Tensor x = batch.data();
      // marked for enumeration: TraceEnumElbo sums them (the exact gradient), TraceGraphElbo
      // draws them (the estimator under test)
      Tensor z1 = sites.sample("z1", Bernoulli.ofLogits(x.affine(v1.tensor(), e1.tensor())),
          TraceEnumElbo.PARALLEL);
      sites.sample("z2", Bernoulli.ofLogits(z1.matmul(u.tensor()).add(x.matmul(v2.tensor()))
          .add(e2.tensor())), TraceEnumElbo.PARALLEL);
    }

    List<Parameter> own() {
      return List.of(v1, e1, u, v2, e2);
    }
  }

  record Pair(Model model, Guide guide) {
    static Pair create(NvilBaseline baseline) {
      return new Pair(new Model(Rngs.create(11)), new Guide(Rngs.create(12), baseline));
    }

    /** The gradient of the objective's surrogate: model coordinates, then the guide's own. */
    double[] gradient(Objective objective, UniformRandomProvider rng) {
      model.zeroGrad();
      guide.zeroGrad();
      Gradients.backward(objective.loss(model, guide, Batch.of(X), rng), model, guide);
      List<Parameter> all = new ArrayList<>(model.parameters().values());
      all.addAll(guide.own());
      int size = 0;
      for (Parameter p : all) {
        size += p.grad().getNumElements();
      }
      double[] g = new double[size];
      int at = 0;
      for (Parameter p : all) {
        for (double v : p.grad().data) {
          g[at++] = v;
        }
      }
      return g;
    }

    int modelCoordinates() {
      return (int) model.parameterCount();
    }
  }

  /** The replicas' mean and variance per coordinate, checked against {@code exact} in SEs. */
  static double guideVariance(String name, Pair pair, Objective sf, double[] exact) {
    SummaryStatistics[] stats = new SummaryStatistics[exact.length];
    for (int j = 0; j < stats.length; j++) {
      stats[j] = new SummaryStatistics();
    }
    UniformRandomProvider rng = Rngs.create(name.hashCode());
    for (int r = 0; r < REPLICAS; r++) {
      double[] g = pair.gradient(sf, rng);
      for (int j = 0; j < g.length; j++) {
        stats[j].addValue(g[j]);
      }
    }
    double worst = 0;
    double variance = 0;
    for (int j = 0; j < exact.length; j++) {
      double se = stats[j].getStandardDeviation() / Math.sqrt(REPLICAS);
      double z = Math.abs(stats[j].getMean() - exact[j]) / se;
      worst = Math.max(worst, z);
      assertThat(z).as("%s: coordinate %d, mean %.5f vs exact %.5f (SE %.5f)", name, j,
          stats[j].getMean(), exact[j], se).isLessThan(4);
      if (j >= pair.modelCoordinates()) {
        variance += stats[j].getVariance();
      }
    }
    System.out.printf("score function, baseline %-16s: worst |mean - exact| = %.2f SE over %d"
        + " coordinates; guide gradient variance (sum over %d coordinates) %.4f%n", name, worst,
        exact.length, exact.length - pair.modelCoordinates(), variance);
    return variance;
  }

  @Test
  void estimatorIsUnbiasedAndBaselinesReduceItsVariance() {
    double[] exact = Pair.create(null).gradient(new TraceEnumElbo(), Rngs.create(1));

    double none = guideVariance("none", Pair.create(null), new TraceGraphElbo(), exact);

    Pair decayingPair = Pair.create(null);
    TraceGraphElbo decaying = new TraceGraphElbo(1, new DecayingAverageBaseline(0.9));
    UniformRandomProvider warm = Rngs.create(2);
    for (int step = 0; step < 50; step++) {
      decayingPair.gradient(decaying, warm);
    }
    double average = guideVariance("decaying average", decayingPair, decaying, exact);

    Mlp net = new Mlp(new int[] {2, 16, 2}, Activation.TANH, Initializer.glorotNormal(),
        Rngs.create(3));
    NvilBaseline nvil = new NvilBaseline(net, List.of("z1", "z2"), 0.9, false);
    Pair nvilPair = Pair.create(nvil);
    TraceGraphElbo learned = new TraceGraphElbo(1, nvil);
    Adam adam = Adam.builder().learningRate(0.02).build(nvil.parameters());
    for (int step = 0; step < 400; step++) {
      nvilPair.gradient(learned, warm);
      adam.step();
    }
    double input = guideVariance("NVIL b(x)", nvilPair, learned, exact);

    System.out.printf("variance reduction: decaying average %.1fx, NVIL %.1fx (vs none)%n",
        none / average, none / input);
    // A constant near the mean cost beats zero when the costs sit far from zero (they are
    // about -5 nats here); b(x) fitted by least squares beats any constant when E[C | x] varies.
    assertThat(average).isLessThan(none);
    assertThat(input).isLessThan(average);
  }

  @Test
  void boundIsTheMonteCarloElbo() {
    Pair pair = Pair.create(null);
    Tensor enumerated = new TraceEnumElbo().bound(pair.model(), pair.guide(), Batch.of(X),
        Rngs.create(1));
    SummaryStatistics[] stats = {new SummaryStatistics(), new SummaryStatistics(),
        new SummaryStatistics(), new SummaryStatistics()};
    UniformRandomProvider rng = Rngs.create(5);
    for (int r = 0; r < 2000; r++) {
      Tensor b = new TraceGraphElbo().bound(pair.model(), pair.guide(), Batch.of(X), rng);
      for (int i = 0; i < 4; i++) {
        stats[i].addValue(b.get(i, 0));
      }
    }
    for (int i = 0; i < 4; i++) {
      double se = stats[i].getStandardDeviation() / Math.sqrt(2000);
      assertThat(Math.abs(stats[i].getMean() - enumerated.get(i, 0))).isLessThan(4 * se);
    }
  }

  /** A guide family that can draw but has no density (an implicit distribution). */
  static final class Implicit implements Distribution {
    @Override
    public int batchSize() {
      return X.rows();
    }

    @Override
    public int eventSize() {
      return 1;
    }

    @Override
    public Tensor logProb(Tensor value) {
      throw new UnsupportedOperationException("an implicit distribution has no density");
    }

    @Override
    public Tensor sample(UniformRandomProvider rng) {
      return Tensor.zeros(X.rows(), 1);
    }

    @Override
    public Tensor mean() {
      return Tensor.zeros(X.rows(), 1);
    }

    @Override
    public Tensor variance() {
      return Tensor.zeros(X.rows(), 1);
    }
  }

  @Test
  void badInputsFailWithOneClearMessageEach() {
    Program model = new Program() {
      @Override
      public void run(Sites sites, Batch b) {
        Tensor z = sites.sample("z", Bernoulli.ofLogits(Tensor.zeros(b.size(), 1)));
        sites.observe("x", Normal.ofLogVariance(Tensor.concatColumns(z, z), Tensor.zeros(1, 2)), b.data());
      }
    };
    Program implicit = new Program() {
      @Override
      public void run(Sites sites, Batch b) {
        sites.sample("z", new Implicit());
      }
    };
    assertThatThrownBy(() -> new TraceGraphElbo().loss(model, implicit, Batch.of(X),
        Rngs.create(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("guide site 'z': Implicit has no log-density");

    Program global = new Program() {
      @Override
      public void run(Sites sites, Batch b) {
        sites.sample("z", Bernoulli.ofLogits(Tensor.zeros(1, 1)));
      }
    };
    Program globalModel = new Program() {
      @Override
      public void run(Sites sites, Batch b) {
        Tensor z = sites.sample("z", Bernoulli.ofLogits(Tensor.zeros(1, 1)));
        sites.observe("x", Normal.ofLogVariance(Tensor.concatColumns(z, z).repeatRows(b.size()),
            Tensor.zeros(1, 2)), b.data());
      }
    };
    assertThatThrownBy(() -> new TraceGraphElbo().loss(globalModel, global, Batch.of(X),
        Rngs.create(1)))
        .hasMessageContaining("guide site 'z' is global (one row) and not reparameterized");

    NvilBaseline stray = new NvilBaseline(new Mlp(new int[] {2, 2}, Activation.TANH,
        Initializer.glorotNormal(), Rngs.create(1)), List.of("z1", "z2"), 0.9, false);
    Pair pair = Pair.create(null);
    assertThatThrownBy(() -> new TraceGraphElbo(1, stray).loss(pair.model(), pair.guide(),
        Batch.of(X), Rngs.create(1)))
        .hasMessageContaining("is not the guide's; register the baseline in the guide");
    assertThat(Baseline.NONE.signal("z", Batch.of(X), new DMatrixRMaj(new double[] {1, 2}))
        .loss()).isNull();
  }
}
