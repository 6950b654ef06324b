package org.latentj.examples.reproduction;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.multibindings.OptionalBinder;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.inference.evaluation.Evaluator;
import org.latentj.inference.guice.Guide;
import org.latentj.inference.guice.Model;
import org.latentj.inference.guice.ObjectivesModule;
import org.latentj.inference.guice.OptimizersModule;
import org.latentj.inference.guice.VaeModule;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.inference.optim.Adagrad;
import org.latentj.inference.optim.WeightDecay;
import org.latentj.inference.training.Svi;
import org.latentj.model.Likelihood;
import org.latentj.model.Objective;
import org.latentj.model.Program;
import org.latentj.nn.Activation;
import org.latentj.nn.Initializer;
import org.latentj.nn.Parameter;
import org.latentj.tensor.GradMode;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/**
 * The VAE of Kingma &amp; Welling, "Auto-Encoding Variational Bayes" (2013, section 5), wired from
 * {@link VaeModule} with the paper's choices bound over its defaults:
 *
 * <ul>
 *   <li>encoder and decoder with one hidden layer of tanh units (500, or 200 for the Gaussian
 *       likelihood; {@link AevbDataset#hiddenUnits()}), a Gaussian q(z|x) with mean and
 *       log-variance outputs, the N(0, I) prior;
 *   <li>SGVB estimator B ({@link org.latentj.inference.objectives.AnalyticKlElbo}) with L = 1;
 *       minibatches of M = 100 are the caller's ({@link AevbTraining});
 *   <li>every parameter, weights and biases, drawn from N(0, 0.01^2): the weights through the
 *       {@link Initializer} binding of {@link VaeModule}, the biases (which {@code Linear} starts
 *       at zero) redrawn here from their own generator derived from the seed;
 *   <li>Adagrad with the paper's step size (one of 0.01, 0.02, 0.1) and weight decay standing for
 *       the prior p(theta) = N(0, I) on every parameter.
 * </ul>
 *
 * <p>Weight decay. The paper maximises the minibatch estimate of the MAP objective,
 * {@code (N/M) sum_{i in batch} L(x_i) + log p(theta)}, for N training examples. latentj's
 * objectives back-propagate the minibatch mean {@code -(1/M) sum_{i in batch} L(x_i)}, which is
 * that estimate's negation divided by N, so the prior's share of the gradient is
 * {@code grad(-log p(theta)) / N = theta / N}: Adagrad's coupled decay {@code lambda = 1 / N}
 * ({@link WeightDecay#gaussianPrior}{@code (1, N)}). The division by N changes no step of
 * Adagrad: its update {@code g / sqrt(sum g^2)} does not depend on the scale of the loss (up to
 * its eps of 1e-10), so the paper's step sizes carry over.
 */
public final class AevbVae {

  /** The standard deviation of every initial parameter (the paper's N(0, 0.01)). */
  public static final double INIT_SD = 0.01;
  /** The paper's minibatch size M. */
  public static final int MINIBATCH = 100;
  /** The default Adagrad step size, from the paper's {0.01, 0.02, 0.1}. */
  public static final double DEFAULT_STEP_SIZE = 0.02;

  private final VaeSettings settings;
  private final double weightDecay;
  private final Program model;
  private final Program guide;
  private final Svi svi;
  private final Likelihood likelihood;
  private final Evaluator evaluator;
  private final Objective estimatorB;

  private AevbVae(VaeSettings settings, double weightDecay, Injector injector) {
    this.settings = settings;
    this.weightDecay = weightDecay;
    this.model = injector.getInstance(Key.get(Program.class, Model.class));
    this.guide = injector.getInstance(Key.get(Program.class, Guide.class));
    this.svi = injector.getInstance(Svi.class);
    this.likelihood = injector.getInstance(Likelihood.class);
    this.evaluator = new Evaluator(model, guide).inContext(svi.context());
    this.estimatorB = injector.getInstance(Objective.class);
  }

  /**
   * The paper's VAE for {@code dataset}'s inputs of {@code inputSize} columns, with
   * {@code latentSize} latents, trained on {@code trainingExamples} examples (N, which sets the
   * weight decay) with Adagrad step {@code stepSize}; {@code seed} fixes the initial parameters.
   */
  public static AevbVae create(AevbDataset dataset, int inputSize, int latentSize,
      long trainingExamples, double stepSize, long seed) {
    VaeSettings settings = VaeSettings.defaults()
        .toBuilder().inputSize(inputSize)
        .hiddenSizes(List.of(dataset.hiddenUnits()))
        .activation(Activation.TANH)
        .latentSize(latentSize)
        .likelihood(dataset.likelihood())
        .objective(ObjectivesModule.ANALYTIC_KL, 1)
        .optimizer(OptimizersModule.ADAGRAD, stepSize)
        .seed(seed).build();
    double lambda = WeightDecay.gaussianPrior(1.0, trainingExamples);
    Injector injector = Guice.createInjector(new VaeModule(settings), new PaperInitializer(),
        VaeModule.optimizer((s, parameters) -> Adagrad.builder()
            .learningRate(s.learningRate()).weightDecay(lambda).build(parameters)));
    AevbVae vae = new AevbVae(settings, lambda, injector);
    vae.redrawBiases(Rngs.derive(seed, "aevb-biases"));
    return vae;
  }

  /** The paper's initializer over {@link VaeModule}'s default: N(0, 0.01) for every weight. */
  private static final class PaperInitializer extends AbstractModule {
    @Override
    protected void configure() {
      OptionalBinder.newOptionalBinder(binder(), Initializer.class)
          .setBinding().toInstance(Initializer.normal(INIT_SD));
    }
  }

  private void redrawBiases(UniformRandomProvider rng) {
    Initializer init = Initializer.normal(INIT_SD);
    for (Map.Entry<String, Parameter> e : svi.parameters().entrySet()) {
      if (e.getKey().endsWith("bias")) {
        init.fill(e.getValue().value(), rng);
      }
    }
  }

  public VaeSettings settings() {
    return settings;
  }

  /** Adagrad's coupled L2 coefficient, {@code 1 / N}. */
  public double weightDecay() {
    return weightDecay;
  }

  public Program model() {
    return model;
  }

  public Program guide() {
    return guide;
  }

  /** The update step: estimator B, Adagrad with the prior's weight decay, a divergence guard. */
  public Svi svi() {
    return svi;
  }

  /** Estimator B with L = 1, the objective trained and evaluated. */
  public Objective estimatorB() {
    return estimatorB;
  }

  /** The mean estimator-B bound per example over the rows of {@code data}, in nats. */
  public double meanBound(DMatrixRMaj data, UniformRandomProvider rng) {
    return evaluator.meanBound(estimatorB, data, MINIBATCH, rng);
  }

  /** The decoder's mean of p(x|z) for each row of {@code z}, e.g. pixel probabilities. */
  @SuppressWarnings("try") // the scope is used for its effect, not referenced
  public DMatrixRMaj decoderMean(DMatrixRMaj z) {
    try (GradMode.Scope off = GradMode.disable()) {
      return likelihood.given(Tensor.constant(z)).mean().value().copy();
    }
  }

  /** Decoder means of {@code n} draws from the prior N(0, I) (the paper's Figure 5). */
  public DMatrixRMaj priorSamples(int n, UniformRandomProvider rng) {
    return decoderMean(Rngs.standardNormal(rng, n, settings.latentSize()));
  }

  @Override
  public String toString() {
    return "AevbVae(" + settings.inputSize() + "-" + settings.network().hiddenSizes() + "-"
        + settings.latentSize() + " tanh, " + settings.likelihood() + ", " + svi.optimizer()
        + ")";
  }
}
