package org.latentj.examples.models;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.latentj.examples.data.EmbeddedDigits;
import org.latentj.inference.data.Dataset;
import org.latentj.inference.data.Transforms;
import org.latentj.inference.evaluation.Evaluator;
import org.latentj.inference.objectives.Elbo;
import org.latentj.inference.objectives.TraceGraphElbo;
import org.latentj.inference.objectives.baselines.NvilBaseline;
import org.latentj.inference.optim.Adam;
import org.latentj.inference.training.MinibatchData;
import org.latentj.inference.training.Svi;
import org.latentj.inference.training.Trainer;
import org.latentj.model.Objective;
import org.latentj.model.Program;
import org.latentj.nn.Activation;
import org.latentj.nn.Initializer;
import org.latentj.nn.Mlp;
import org.latentj.tensor.Rngs;

/**
 * Trains the same {@link DiscreteVae} twice on the embedded digits (dynamically binarized), at
 * the same budget and seed: once by NVIL (score-function gradients with a learned baseline and
 * variance normalization, Mnih &amp; Gregor 2014) and once through the binary Concrete relaxation
 * at temperature {@value #TEMPERATURE} (Maddison et al. 2016). Both are then evaluated as the
 * discrete model: the test ELBO and the importance-sampled test log p(x) with
 * {@value #IMPORTANCE_SAMPLES} samples from the discrete guide.
 *
 * <p>Usage: {@code scripts/run.sh org.latentj.examples.models.DiscreteVaeExample [epochs]}, 10
 * epochs by default.
 */
public final class DiscreteVaeExample {

  public static final double TEMPERATURE = 2.0 / 3;
  public static final int IMPORTANCE_SAMPLES = 100;

  /** One training method's figures on the test digits, in nats per example. */
  public record Result(String method, double testElbo, double testLogLikelihood) {}

  private DiscreteVaeExample() {}

  public static void main(String[] args) {
    run(EmbeddedDigits.greyTrain(), EmbeddedDigits.greyTest(), 200, 50,
        ExampleArgs.integer(args, 0, 10), 50, IMPORTANCE_SAMPLES, 1, System.out);
  }

  /** Trains both ways with {@code latents} bits and {@code hidden} tanh units; prints both. */
  public static List<Result> run(Dataset train, Dataset test, int hidden, int latents,
      int epochs, int batchSize, int samples, long seed, PrintStream out) {
    DMatrixRMaj testX = Transforms.binarizeOnce(test, Rngs.derive(seed, "test binarization"))
        .features();
    out.printf(Locale.ROOT, "%d training and %d test digits, %d-%d-%d tanh, %d binary latents,"
        + " %d epochs of batches of %d, Adam 1e-3%n", train.size(), test.size(),
        train.featureCount(), hidden, latents, latents, epochs, batchSize);
    Result[] results = new Result[2];
    for (int method = 0; method < 2; method++) {
      boolean nvil = method == 0;
      DiscreteVae vae = new DiscreteVae(train.featureCount(), hidden, latents,
          Rngs.derive(seed, "networks"));
      Program model;
      Program guide;
      Objective objective;
      if (nvil) {
        NvilBaseline baseline = new NvilBaseline(new Mlp(new int[] {train.featureCount(), 100, 1},
            Activation.TANH, Initializer.glorotNormal(), Rngs.derive(seed, "baseline")),
            List.of(DiscreteVae.Z), 0.9, true);
        model = vae.model(Double.NaN);
        guide = vae.guide(Double.NaN, baseline);
        objective = new TraceGraphElbo(1, baseline);
      } else {
        model = vae.model(TEMPERATURE);
        guide = vae.guide(TEMPERATURE, null);
        objective = new Elbo();
      }
      Svi svi = new Svi(model, guide, objective, Adam.builder().learningRate(1e-3)
          .build(Svi.parametersOf(model, guide)));
      long start = System.nanoTime();
      new Trainer(svi, MinibatchData.of(train.features(), batchSize).dynamicallyBinarized())
          .fit(epochs, Rngs.derive(seed, "training"));
      double seconds = (System.nanoTime() - start) / 1e9;

      Evaluator discrete = new Evaluator(vae.model(Double.NaN), vae.guide(Double.NaN, null));
      double elbo = discrete.meanBound(new TraceGraphElbo(), testX, 500,
          Rngs.derive(seed, "test ELBO"));
      double logLikelihood = Arrays.stream(discrete.logLikelihood(testX, samples,
          Math.min(samples, 100), 50, Rngs.derive(seed, "test log p(x)"))).average()
          .orElseThrow();
      String name = nvil ? "NVIL (score function, learned baseline)"
          : "Concrete relaxation, temperature " + String.format(Locale.ROOT, "%.2f", TEMPERATURE);
      results[method] = new Result(name, elbo, logLikelihood);
      out.printf(Locale.ROOT, "%-42s test ELBO %8.2f   test log p(x) (k = %d) %8.2f   (%.0f s)%n",
          name, elbo, samples, logLikelihood, seconds);
    }
    return List.of(results);
  }
}
