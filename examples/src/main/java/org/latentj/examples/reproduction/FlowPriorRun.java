package org.latentj.examples.reproduction;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.multibindings.OptionalBinder;
import java.io.PrintStream;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.latentj.distributions.KlRegistry;
import org.latentj.inference.evaluation.Evaluator;
import org.latentj.inference.guice.Decoder;
import org.latentj.inference.guice.PosteriorHead;
import org.latentj.inference.guice.VaeModule;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.inference.objectives.AnalyticKlElbo;
import org.latentj.inference.optim.Adam;
import org.latentj.inference.training.DivergenceGuard;
import org.latentj.inference.training.LearningRateListener;
import org.latentj.inference.training.MinibatchData;
import org.latentj.inference.training.Svi;
import org.latentj.inference.training.Trainer;
import org.latentj.inference.vae.VaeGuide;
import org.latentj.inference.vae.VaeModel;
import org.latentj.model.Head;
import org.latentj.model.Likelihood;
import org.latentj.model.Objective;
import org.latentj.model.Posterior;
import org.latentj.model.Prior;
import org.latentj.nn.Layer;
import org.latentj.tensor.Rngs;

/**
 * Trains one posterior/prior configuration on the IWAE table's network (resized) and data
 * ({@link IwaeNetwork}, {@link IwaeData}, the shortened IWAE schedule) with the ELBO (closed-form
 * KL where there is one, Monte Carlo otherwise) and scores it by the importance-sampled test
 * log p(x), the proposal being the trained posterior, flow included.
 *
 * @param data the IWAE table's images ({@link IwaeData})
 * @param budget the schedule, minibatch size and evaluation effort
 * @param hidden with {@code latent}: networks {@code 784-hidden-hidden-latent} and back, tanh
 *     (IWAE's shape, resized)
 * @param latent the size of z
 * @param log where progress lines go
 */
record FlowPriorRun(ReproductionData data, IwaeBudget budget, int hidden, int latent,
    PrintStream log) {

  /** Test log p(x) per image, the test ELBO, and the seconds each part took. */
  record Result(PosteriorPriorConfig config, long seed, double[] logPx, double elbo,
      long parameters, double trainSeconds, double evalSeconds) {}

  Result run(PosteriorPriorConfig config, long seed) {
    int d = latent;
    VaeSettings settings = IwaeNetwork.settings(IwaeConfig.parse("vae-k1"),
        data.train().numCols, seed).toBuilder().hiddenSizes(List.of(hidden, hidden))
        .latentSize(latent).build();
    Head head = config.posteriorHead(d, Rngs.derive(seed, "flow"));
    Injector injector = Guice.createInjector(new VaeModule(settings), binder ->
        OptionalBinder.newOptionalBinder(binder, Key.get(Head.class, PosteriorHead.class))
            .setBinding().toInstance(head));
    Posterior encoder = injector.getInstance(Posterior.class);
    Likelihood decoder = injector.getInstance(Likelihood.class);
    IwaeNetwork.setToLogits(IwaeNetwork.outputBias(
        injector.getInstance(Key.get(Layer.class, Decoder.class))).value(), data.pixelMeans());
    Prior prior = config.prior(encoder, data.train(), d, Rngs.derive(seed, "prior"));
    VaeModel model = new VaeModel(prior, decoder);
    VaeGuide guide = new VaeGuide(encoder);
    Adam adam = Adam.builder().learningRate(settings.optimizer().learningRate()).beta1(0.9).beta2(0.999)
        .eps(IwaeNetwork.ADAM_EPS).build(Svi.parametersOf(model, guide));
    Objective objective = new AnalyticKlElbo(KlRegistry.standard(), 1); // MC where no KL rule
    Svi svi = new Svi(model, guide, objective, adam)
        .addGradientHook(new DivergenceGuard());
    long parameters = model.parameterCount() + guide.parameterCount();
    String name = config.name() + " seed " + seed;
    log.println("[" + name + "] " + model + " / " + guide + "; " + parameters + " parameters; "
        + budget.schedule());

    long start = System.nanoTime();
    new Trainer(svi, MinibatchData.of(data.train(), budget.batch()).dynamicallyBinarized())
        .addListener(new LearningRateListener(budget.schedule()))
        .addListener(new IwaeProgress(log, name, budget.schedule()))
        .fit(budget.schedule().epochs(), Rngs.derive(seed, "train"));
    double trainSeconds = (System.nanoTime() - start) / 1e9;

    start = System.nanoTime();
    DMatrixRMaj test = data.testSubset(budget.evalImages());
    Evaluator evaluator = new Evaluator(model, guide);
    int chunk = Math.min(budget.evalK(), 500);
    double[] logPx = evaluator.logLikelihood(test, budget.evalK(), chunk,
        Math.max(1, IwaeRun.ROWS_PER_PASS / chunk), Rngs.derive(seed, "log p(x)"));
    double elbo = evaluator.meanBound(new AnalyticKlElbo(KlRegistry.standard(), 1), test, 500,
        Rngs.derive(seed, "elbo"));
    double evalSeconds = (System.nanoTime() - start) / 1e9;
    return new Result(config, seed, logPx, elbo, parameters, trainSeconds, evalSeconds);
  }
}
