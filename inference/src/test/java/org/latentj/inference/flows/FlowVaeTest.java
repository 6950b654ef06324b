package org.latentj.inference.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.latentj.distributions.BernoulliHead;
import org.latentj.distributions.KlRegistry;
import org.latentj.distributions.NormalHead;
import org.latentj.inference.evaluation.Evaluator;
import org.latentj.inference.objectives.AnalyticKlElbo;
import org.latentj.inference.objectives.Elbo;
import org.latentj.inference.objectives.ImportanceWeightedElbo;
import org.latentj.inference.optim.Adam;
import org.latentj.inference.priors.FlowPrior;
import org.latentj.inference.priors.MixturePrior;
import org.latentj.inference.priors.StandardNormalPrior;
import org.latentj.inference.priors.VampPrior;
import org.latentj.inference.training.Svi;
import org.latentj.inference.vae.VaeGuide;
import org.latentj.inference.vae.VaeModel;
import org.latentj.model.Batch;
import org.latentj.model.Head;
import org.latentj.model.Likelihood;
import org.latentj.model.Objective;
import org.latentj.model.Posterior;
import org.latentj.model.Prior;
import org.latentj.nn.Activation;
import org.latentj.nn.Initializer;
import org.latentj.nn.Mlp;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/**
 * A small VAE (10 pixels, 2 latents) trains with every flow posterior and every learned prior:
 * the bound improves and stays finite. Flow guides work with Elbo, IWAE and the importance-
 * sampled evaluator; AnalyticKlElbo falls back to its Monte Carlo term; DReG refuses them.
 */
class FlowVaeTest {

  private static final int PIXELS = 10;
  private static final int LATENT = 2;
  private static final DMatrixRMaj DATA = threePrototypes(60);

  /** Rows near one of three binary prototypes, 10% of pixels flipped. */
  private static DMatrixRMaj threePrototypes(int n) {
    UniformRandomProvider rng = Rngs.create(77);
    DMatrixRMaj x = new DMatrixRMaj(n, PIXELS);
    for (int i = 0; i < n; i++) {
      int prototype = i % 3;
      for (int j = 0; j < PIXELS; j++) {
        boolean on = j % 3 == prototype;
        x.set(i, j, (rng.nextDouble() < 0.1) != on ? 1 : 0);
      }
    }
    return x;
  }

  /** A model and guide with the given prior (built from the encoder) and posterior head. */
  record Vae(String name, VaeModel model, VaeGuide guide) {
    static Vae of(String name, Head head, Function<Posterior, Prior> prior) {
      Posterior encoder = new Posterior(new Mlp(new int[] {PIXELS, 16, head.rawColumns(LATENT)},
          Activation.TANH, Initializer.lecunUniform(), Rngs.create(1)), head);
      Likelihood decoder = new Likelihood(new Mlp(new int[] {LATENT, 16, PIXELS},
          Activation.TANH, Initializer.lecunUniform(), Rngs.create(2)), new BernoulliHead());
      return new Vae(name, new VaeModel(prior.apply(encoder), decoder), new VaeGuide(encoder));
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static List<Vae> vaes() {
    Function<Posterior, Prior> standard = e -> new StandardNormalPrior(LATENT);
    return List.of(
        Vae.of("planar|x posterior",
            new FlowHead(Flows.planar(LATENT, 2, LATENT, Rngs.create(3))), standard),
        Vae.of("radial posterior",
            new FlowHead(Flows.radial(LATENT, 2, 0, Rngs.create(3))), standard),
        Vae.of("iaf|x posterior",
            new FlowHead(Flows.iaf(LATENT, 2, 8, LATENT, Rngs.create(3))), standard),
        Vae.of("realnvp|x posterior",
            new FlowHead(Flows.realNvp(LATENT, 2, new int[] {8}, LATENT, Rngs.create(3))),
            standard),
        Vae.of("mixture prior", NormalHead.meanAndLogVariance(),
            e -> new MixturePrior(3, LATENT, Rngs.create(4))),
        Vae.of("vamp prior", NormalHead.meanAndLogVariance(),
            e -> VampPrior.fromData(e, DATA, 3, LATENT, Rngs.create(5))),
        Vae.of("flow prior", NormalHead.meanAndLogVariance(),
            e -> new FlowPrior(Flows.realNvp(LATENT, 2, new int[] {8}, 0, Rngs.create(6)))));
  }

  private static double bound(Vae vae, Objective objective) {
    return new Evaluator(vae.model(), vae.guide()).meanBound(objective, DATA, DATA.numRows,
        Rngs.create(123));
  }

  private static void train(Vae vae, Objective objective, int steps) {
    Svi svi = new Svi(vae.model(), vae.guide(), objective,
        Adam.builder().learningRate(0.02).build(Svi.parametersOf(vae.model(), vae.guide())));
    UniformRandomProvider rng = Rngs.create(9);
    for (int s = 0; s < steps; s++) {
      double b = svi.step(Batch.of(Tensor.constant(DATA)), rng);
      assertThat(b).as("%s step %d", vae, s).isFinite();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vaes")
  void theBoundImprovesWithElbo(Vae vae) {
    Objective score = new Elbo(20);
    double before = bound(vae, score);
    train(vae, new Elbo(1), 150);
    double after = bound(vae, score);
    assertThat(after).as(vae.name()).isFinite().isGreaterThan(before + 1.0);
  }

  @Test
  void aFlowGuideTrainsWithIwaeAndIsScoredByImportanceSampling() {
    Vae vae = vaes().get(2); // IAF: no inverse, so only its own draws can be scored
    Objective score = ImportanceWeightedElbo.of(10);
    double before = bound(vae, score);
    train(vae, ImportanceWeightedElbo.of(5), 100);
    assertThat(bound(vae, score)).isGreaterThan(before + 1.0);
    double[] logPx = new Evaluator(vae.model(), vae.guide()).logLikelihood(DATA, 200, 100, 10,
        Rngs.create(4));
    assertThat(logPx).hasSize(DATA.numRows);
    assertThat(java.util.Arrays.stream(logPx).allMatch(Double::isFinite)).isTrue();
  }

  @Test
  void analyticKlFallsBackToTheMonteCarloTermAtAFlowSite() {
    Vae vae = vaes().get(0);
    double analytic = bound(vae, new AnalyticKlElbo(KlRegistry.standard(), 3));
    double monteCarlo = bound(vae, new Elbo(3));
    assertThat(analytic).isCloseTo(monteCarlo, within(1e-12));
  }

  @Test
  void doublyReparameterizedGradientsRefuseAFlowGuide() {
    Vae vae = vaes().get(0);
    Svi svi = new Svi(vae.model(), vae.guide(), ImportanceWeightedElbo.doublyReparameterized(3),
        Adam.builder().learningRate(0.01).build(Svi.parametersOf(vae.model(), vae.guide())));
    assertThatThrownBy(() -> svi.step(Batch.of(Tensor.constant(DATA)), Rngs.create(1)))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("TransformedDistribution cannot detach its parameters");
  }

  @Test
  void aFlowOfAnotherSizeThanTheLatentIsRefused() {
    FlowHead head = new FlowHead(Flows.planar(3, 1, 0, Rngs.create(1)));
    assertThatThrownBy(() -> head.distribution(Tensor.zeros(4, 2 * LATENT)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("FlowHead: raw output has 4 columns but the flow maps 3 latent columns, so"
            + " the encoder must output 6 ([mean | log-variance]); a flow's size must equal the"
            + " latent size");
  }
}
