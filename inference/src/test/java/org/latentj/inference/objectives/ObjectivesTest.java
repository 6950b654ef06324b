package org.latentj.inference.objectives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.latentj.distributions.BernoulliHead;
import org.latentj.distributions.KlRegistry;
import org.latentj.distributions.NormalHead;
import org.latentj.inference.LinearGaussian;
import org.latentj.inference.evaluation.Evaluator;
import org.latentj.inference.priors.StandardNormalPrior;
import org.latentj.inference.training.Gradients;
import org.latentj.inference.vae.VaeGuide;
import org.latentj.inference.vae.VaeModel;
import org.latentj.model.Batch;
import org.latentj.model.Likelihood;
import org.latentj.model.Objective;
import org.latentj.model.Posterior;
import org.latentj.model.Program;
import org.latentj.nn.Activation;
import org.latentj.nn.Initializer;
import org.latentj.nn.Mlp;
import org.latentj.nn.Parameter;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;
import org.latentj.testing.GradientCheck;

class ObjectivesTest {

  /** A small nonlinear Bernoulli VAE with random weights: 6 pixels, 2 latents. */
  record SmallVae(VaeModel model, VaeGuide guide, DMatrixRMaj data) {
    static SmallVae create(long seed) {
      var rng = Rngs.create(seed);
      var encoder = new Mlp(new int[] {6, 8, 4}, Activation.TANH, Initializer.glorotNormal(), rng);
      var decoder = new Mlp(new int[] {2, 8, 6}, Activation.TANH, Initializer.glorotNormal(), rng);
      for (Parameter p : encoder.parameters().values()) {
        Rngs.fillStandardNormal(rng, p.value());
      }
      var model = new VaeModel(new StandardNormalPrior(2),
          new Likelihood(decoder, new BernoulliHead()));
      var guide = new VaeGuide(new Posterior(encoder, NormalHead.meanAndLogVariance()));
      DMatrixRMaj x = new DMatrixRMaj(3, 6);
      for (int i = 0; i < x.data.length; i++) {
        x.data[i] = rng.nextBoolean() ? 1 : 0;
      }
      return new SmallVae(model, guide, x);
    }

    List<Tensor> leaves() {
      List<Tensor> all = new ArrayList<>();
      model.parameters().values().forEach(p -> all.add(p.tensor()));
      guide.parameters().values().forEach(p -> all.add(p.tensor()));
      return all;
    }
  }

  static Stream<Arguments> objectives() {
    return Stream.of(
        Arguments.of("Elbo", new Elbo()),
        Arguments.of("Elbo L=3", new Elbo(3)),
        Arguments.of("AnalyticKlElbo", new AnalyticKlElbo(KlRegistry.standard())),
        Arguments.of("ImportanceWeightedElbo k=4", ImportanceWeightedElbo.of(4)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("objectives")
  void boundIsDifferentiableInEveryParameter(String name, Objective objective) {
    SmallVae vae = SmallVae.create(1);
    Batch batch = Batch.of(Tensor.constant(vae.data()));
    // A fresh generator with a fixed seed inside: the same noise in every evaluation.
    GradientCheck.standard().withTolerance(1e-5).checkLeaves(name,
        () -> objective.bound(vae.model(), vae.guide(), batch, Rngs.create(99)), vae.leaves());
  }

  @Test
  void analyticKlAndMonteCarloElboAgreeInExpectation() {
    SmallVae vae = SmallVae.create(2);
    int n = 40_000;
    Batch many = Batch.of(Tensor.constant(vae.data()).rows(0, 1).repeatRows(n));
    SummaryStatistics mc = stats(new Elbo().bound(vae.model(), vae.guide(), many,
        Rngs.create(5)));
    SummaryStatistics analytic = stats(new AnalyticKlElbo(KlRegistry.standard())
        .bound(vae.model(), vae.guide(), many, Rngs.create(6)));
    double se = Math.sqrt(mc.getVariance() / n + analytic.getVariance() / n);
    assertThat(analytic.getMean()).isCloseTo(mc.getMean(), within(4 * se));
    // Estimator B has lower variance: the KL term carries no sampling noise.
    assertThat(analytic.getVariance()).isLessThan(mc.getVariance());
  }

  @Test
  void boundsTightenWithMoreParticlesAndStayBelowTheExactLikelihood() {
    LinearGaussian lg = new LinearGaussian(4, 2, 3);
    DMatrixRMaj x = Rngs.standardNormal(Rngs.create(4), 1, 4);
    double exact = lg.exactLogLikelihood(x)[0];
    int reps = 4000;
    double[] means = new double[3];
    double[] ses = new double[3];
    int[] ks = {1, 5, 50};
    for (int i = 0; i < ks.length; i++) {
      Tensor bounds = ImportanceWeightedElbo.of(ks[i]).bound(lg.model, lg.guide,
          Batch.of(Tensor.constant(x).repeatRows(reps)), Rngs.create(10 + i));
      SummaryStatistics s = stats(bounds);
      means[i] = s.getMean();
      ses[i] = Math.sqrt(s.getVariance() / reps);
    }
    assertThat(means[0]).isLessThan(means[1] - 4 * Math.hypot(ses[0], ses[1]));
    assertThat(means[1]).isLessThan(means[2] - 4 * Math.hypot(ses[1], ses[2]));
    assertThat(means[2]).isLessThan(exact + 4 * ses[2]);
  }

  @Test
  void withTheExactPosteriorEveryBoundIsTheExactLikelihood() {
    LinearGaussian lg = new LinearGaussian(5, 2, 7);
    // Orthogonal decoder rows so the exact posterior is diagonal.
    DMatrixRMaj dm = lg.decoder.weight().value();
    dm.zero();
    dm.set(0, 0, 1.5);
    dm.set(0, 1, -0.5);
    dm.set(1, 2, 0.8);
    dm.set(1, 4, 1.1);
    lg.decoder.bias().value().setTo(new DMatrixRMaj(1, 5, true, 0.3, -0.2, 0.1, 0.0, 0.5));
    lg.noise.logVariance().value().set(0, Math.log(0.36));
    lg.setExactPosterior();

    DMatrixRMaj x = Rngs.standardNormal(Rngs.create(8), 7, 5);
    double[] exact = lg.exactLogLikelihood(x);
    Batch batch = Batch.of(Tensor.constant(x));
    // log p(x, z) - log q(z | x) = log p(x) for every z: estimator A and IWAE are exact.
    for (Objective o : List.of(new Elbo(), ImportanceWeightedElbo.of(5))) {
      Tensor b = o.bound(lg.model, lg.guide, batch, Rngs.create(1));
      for (int r = 0; r < exact.length; r++) {
        assertThat(b.get(r, 0)).as("%s row %d", o, r).isCloseTo(exact[r], within(1e-9));
      }
    }
    // Estimator B keeps the noise of its log p(x | z) term: exact only in expectation.
    int reps = 20_000;
    SummaryStatistics b = stats(new AnalyticKlElbo(KlRegistry.standard()).bound(lg.model,
        lg.guide, Batch.of(Tensor.constant(x).rows(0, 1).repeatRows(reps)), Rngs.create(3)));
    assertThat(b.getMean()).isCloseTo(exact[0], within(4 * Math.sqrt(b.getVariance() / reps)));
    double[] is = new Evaluator(lg.model, lg.guide).logLikelihood(x, 100, 7, 3, Rngs.create(2));
    for (int r = 0; r < exact.length; r++) {
      assertThat(is[r]).isCloseTo(exact[r], within(1e-9));
    }
  }

  @Test
  void activeUnitsCountLatentsThatCarryInformation() {
    LinearGaussian lg = new LinearGaussian(5, 3, 11);
    DMatrixRMaj dm = lg.decoder.weight().value();
    dm.zero();
    dm.set(0, 0, 1.5);
    dm.set(1, 3, 0.9); // the third latent's row stays zero: it carries nothing
    lg.noise.logVariance().value().set(0, Math.log(0.25));
    lg.setExactPosterior();
    DMatrixRMaj x = Rngs.standardNormal(Rngs.create(12), 500, 5);
    var active = new Evaluator(lg.model, lg.guide).activeUnits(x, 128, 0.01, Rngs.create(3));
    assertThat(active).containsEntry("z", 2);
  }

  @Test
  void doublyReparameterizedGradientHasTheSameExpectation() {
    SmallVae vae = SmallVae.create(3);
    Batch batch = Batch.of(Tensor.constant(vae.data()));
    int reps = 400;
    List<Parameter> params = new ArrayList<>(vae.guide().parameters().values());
    params.addAll(vae.model().parameters().values());
    ImportanceWeightedElbo[] objectives =
        {ImportanceWeightedElbo.of(5), ImportanceWeightedElbo.doublyReparameterized(5)};
    SummaryStatistics[][] coords = new SummaryStatistics[2][];
    for (int o = 0; o < 2; o++) {
      var rng = Rngs.create(21 + o);
      for (int r = 0; r < reps; r++) {
        vae.model().zeroGrad();
        vae.guide().zeroGrad();
        backward(objectives[o], vae.model(), vae.guide(), batch, rng);
        double[] g = flatten(params);
        if (coords[o] == null) {
          coords[o] = new SummaryStatistics[g.length];
          for (int i = 0; i < g.length; i++) {
            coords[o][i] = new SummaryStatistics();
          }
        }
        for (int i = 0; i < g.length; i++) {
          coords[o][i].addValue(g[i]);
        }
      }
    }
    // Every coordinate: the two estimators' means agree within 5 standard errors.
    for (int i = 0; i < coords[0].length; i++) {
      double se = Math.sqrt((coords[0][i].getVariance() + coords[1][i].getVariance()) / reps);
      assertThat(coords[1][i].getMean()).as("coordinate %d", i)
          .isCloseTo(coords[0][i].getMean(), within(5 * se + 1e-12));
    }
  }

  @Test
  void doublyReparameterizedGuideGradientVanishesAtTheExactPosterior() {
    LinearGaussian lg = new LinearGaussian(4, 2, 13);
    DMatrixRMaj dm = lg.decoder.weight().value();
    dm.zero();
    dm.set(0, 0, 1.2);
    dm.set(1, 2, -0.7);
    lg.noise.logVariance().value().set(0, Math.log(0.5));
    lg.setExactPosterior();
    Batch batch = Batch.of(Tensor.constant(Rngs.standardNormal(Rngs.create(14), 5, 4)));
    List<Parameter> guide = new ArrayList<>(lg.guide.parameters().values());

    lg.model.zeroGrad();
    lg.guide.zeroGrad();
    backward(ImportanceWeightedElbo.doublyReparameterized(10), lg.model, lg.guide, batch,
        Rngs.create(15));
    // Every weight is p(x) and d log w / dz = 0: each sample's DReG guide gradient is 0.
    for (double g : flatten(guide)) {
      assertThat(g).isCloseTo(0.0, within(1e-10));
    }
    lg.model.zeroGrad();
    lg.guide.zeroGrad();
    backward(ImportanceWeightedElbo.of(10), lg.model, lg.guide, batch, Rngs.create(15));
    double norm = 0;
    for (double g : flatten(guide)) {
      norm += g * g;
    }
    assertThat(norm).as("the plain estimator is noisy there").isGreaterThan(1e-6);
  }

  /** The objective's gradients into the parameters, made as {@code Svi} makes them. */
  private static void backward(Objective objective, Program model, Program guide, Batch batch,
      UniformRandomProvider rng) {
    Gradients.backward(objective.loss(model, guide, batch, rng), model, guide);
  }

  private static double[] flatten(List<Parameter> params) {
    List<Double> all = new ArrayList<>();
    for (Parameter p : params) {
      for (double v : p.grad().data) {
        all.add(v);
      }
    }
    return all.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static SummaryStatistics stats(Tensor column) {
    SummaryStatistics s = new SummaryStatistics();
    for (int i = 0; i < column.rows(); i++) {
      s.addValue(column.get(i, 0));
    }
    return s;
  }
}
