package org.latentj.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.multibindings.OptionalBinder;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.distributions.BernoulliHead;
import org.latentj.distributions.ContinuousBernoulliHead;
import org.latentj.distributions.KlRegistry;
import org.latentj.distributions.Normal;
import org.latentj.distributions.NormalHead;
import org.latentj.examples.data.EmbeddedDigits;
import org.latentj.inference.data.Transforms;
import org.latentj.inference.guice.LikelihoodHead;
import org.latentj.inference.guides.AutoNormal;
import org.latentj.inference.guice.VaeModule;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.inference.objectives.AnalyticKlElbo;
import org.latentj.inference.objectives.Elbo;
import org.latentj.inference.optim.Adam;
import org.latentj.inference.priors.StandardNormalPrior;
import org.latentj.inference.training.KlWarmup;
import org.latentj.inference.training.MinibatchData;
import org.latentj.inference.training.Svi;
import org.latentj.inference.training.Trainer;
import org.latentj.model.Batch;
import org.latentj.model.Head;
import org.latentj.model.Likelihood;
import org.latentj.model.Posterior;
import org.latentj.model.Prior;
import org.latentj.model.Program;
import org.latentj.model.Sites;
import org.latentj.model.handlers.Plate;
import org.latentj.nn.Activation;
import org.latentj.nn.Initializer;
import org.latentj.nn.Mlp;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/** The README's code, compiled and run, so the front page cannot drift from the library. */
class ReadmeExampleTest {

  static class Model extends Program {
    final Prior prior = register("prior", new StandardNormalPrior(20));
    final Likelihood decoder = register("decoder", new Likelihood(
        new Mlp(new int[] {20, 400, 784}, Activation.RELU, Initializer.heNormal(),
            Rngs.create(1)),
        new BernoulliHead()));

    @Override
    public void run(Sites t, Batch b) {
      Tensor z = t.sample("z", prior.distribution(b.size()));
      t.observe("x", decoder.given(z), b.data());
    }
  }

  static class Guide extends Program {
    final Posterior encoder = register("encoder", new Posterior(
        new Mlp(new int[] {784, 400, 40}, Activation.RELU, Initializer.heNormal(),
            Rngs.create(2)),
        NormalHead.meanAndLogVariance()));

    @Override
    public void run(Sites t, Batch b) {
      t.sample("z", encoder.given(b.data()));
    }
  }

  @Test
  void theCustomModelTrains() {
    DMatrixRMaj pixels = Transforms.scaleToUnit(EmbeddedDigits.train()).features();
    DMatrixRMaj few = new DMatrixRMaj(512, 784);
    System.arraycopy(pixels.data, 0, few.data, 0, few.data.length);
    Model model = new Model();
    Guide guide = new Guide();
    Svi svi = new Svi(model, guide, new AnalyticKlElbo(KlRegistry.standard()),
        Adam.builder().learningRate(1e-3).build(Svi.parametersOf(model, guide)));
    var state = new Trainer(svi, MinibatchData.of(few, 128)).fit(2, Rngs.create(42));
    assertThat(state.steps()).isEqualTo(8);
    double bound = svi.objective().bound(model, guide, Batch.of(Tensor.constant(few)),
        Rngs.create(3)).mean().item();
    assertThat(bound).isFinite().isGreaterThan(-544); // 784 log 2 = 543.4 nats for a coin flip
  }

  static class Regression extends Program {
    final int n;

    Regression(int n) {
      this.n = n;
    }

    @Override
    public void run(Sites t, Batch b) {
      int k = b.particles();
      Tensor w = t.sample("w", Normal.ofScale(Tensor.zeros(k, 3), Tensor.filled(k, 3, 1)));
      try (Plate data = t.plate("data", n, b.examples())) {
        Tensor mean = b.condition().mul(b.particleRows(w)).rowSums();
        t.observe("y", Normal.ofScale(mean, Tensor.filled(1, 1, 1)), b.data());
      }
    }
  }

  @Test
  void theRegressionWithAGlobalLatentTrainsOnMinibatches() {
    DMatrixRMaj x = Rngs.standardNormal(Rngs.create(7), 200, 3);
    DMatrixRMaj y = new DMatrixRMaj(200, 1);
    DMatrixRMaj noise = Rngs.standardNormal(Rngs.create(8), 200, 1);
    for (int i = 0; i < 200; i++) {
      y.set(i, 0, 2 * x.get(i, 0) - x.get(i, 1) + 0.5 * x.get(i, 2) + noise.get(i, 0));
    }
    Regression model = new Regression(x.numRows);
    AutoNormal guide = AutoNormal.builder().site("w", 3).build();
    Svi svi = new Svi(model, guide, new Elbo(8),
        Adam.builder().learningRate(0.05).build(Svi.parametersOf(model, guide)));
    svi.addStepHandler(new KlWarmup(100));
    var rng = Rngs.create(1);
    for (int step = 0; step < 300; step++) {
      int from = (step * 20) % 200;
      Tensor xRows = Tensor.constant(x).rows(from, from + 20);
      Tensor yRows = Tensor.constant(y).rows(from, from + 20);
      assertThat(svi.step(Batch.of(yRows, xRows), rng)).isFinite();
    }
    DMatrixRMaj loc = guide.loc("w");
    assertThat(loc.get(0, 0)).isCloseTo(2, within(0.3));
    assertThat(loc.get(0, 1)).isCloseTo(-1, within(0.3));
    assertThat(loc.get(0, 2)).isCloseTo(0.5, within(0.3));
  }

  @Test
  void oneBindingSwapsTheLikelihood() {
    Injector vae = Guice.createInjector(new VaeModule(VaeSettings.defaults()), binder ->
        OptionalBinder.newOptionalBinder(binder, Key.get(Head.class, LikelihoodHead.class))
            .setBinding().toInstance(new ContinuousBernoulliHead()));
    Svi svi = vae.getInstance(Svi.class);
    assertThat(svi.model().toString()).contains("ContinuousBernoulli");
  }
}
