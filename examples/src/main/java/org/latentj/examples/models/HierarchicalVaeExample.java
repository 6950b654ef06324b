package org.latentj.examples.models;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.latentj.examples.data.EmbeddedDigits;
import org.latentj.examples.pictures.ImageGrid;
import org.latentj.inference.data.Dataset;
import org.latentj.inference.data.ImageShape;
import org.latentj.inference.data.Transforms;
import org.latentj.inference.evaluation.Evaluator;
import org.latentj.inference.objectives.Elbo;
import org.latentj.inference.optim.Adam;
import org.latentj.inference.training.MinibatchData;
import org.latentj.inference.training.Svi;
import org.latentj.inference.training.Trainer;
import org.latentj.tensor.Rngs;

/**
 * Trains the two-stochastic-layer {@link HierarchicalVae} of the IWAE paper (784-200-200-100,
 * 100-100-100-50, tanh) on the embedded digits, dynamically binarized, with the Monte Carlo ELBO
 * and Adam (learning rate 1e-3, eps 1e-4) on batches of {@value #BATCH_SIZE}, as in Burda et al.
 * (2016). After each epoch it prints the training bound and the test ELBO; at the end the test
 * importance-weighted bound with k = {@value #IMPORTANCE_SAMPLES} (an estimate of log p(x)), the
 * active units of each latent layer, and a grid of 100 ancestral samples.
 *
 * <p>The test digits are binarized once, with a fixed seed. The ELBO is the Monte Carlo
 * estimator, not the analytic-KL one, which would not be exact at "z1" (see
 * {@link HierarchicalVae}).
 *
 * <p>Usage: {@code scripts/run.sh org.latentj.examples.models.HierarchicalVaeExample [epochs]
 * [picture.png]}, by default 10 epochs and {@code hierarchical-vae-samples.png}.
 */
public final class HierarchicalVaeExample {

  /** Examples per minibatch, as in the IWAE paper. */
  public static final int BATCH_SIZE = 20;

  /** k of the final importance-weighted bound. */
  public static final int IMPORTANCE_SAMPLES = 50;

  private static final int SAMPLES_SHOWN = 100;

  /**
   * What a run measured, in nats per example.
   *
   * @param epochs the figures of each epoch
   * @param testIwae the mean importance-weighted bound with {@link #IMPORTANCE_SAMPLES} samples
   * @param activeUnits per latent site, units whose posterior mean varies over the test set
   *     (variance above 0.01, Burda et al. 2016, section 5.2)
   * @param picture where the samples were drawn
   */
  public record Report(List<EpochFigures> epochs, double testIwae,
      Map<String, Integer> activeUnits, Path picture) implements EpochReport {}

  private HierarchicalVaeExample() {}

  public static void main(String[] args) throws IOException {
    run(HierarchicalVaeSettings.iwaePaper(), EmbeddedDigits.greyTrain(),
        EmbeddedDigits.greyTest(), ExampleArgs.integer(args, 0, 10), BATCH_SIZE,
        ExampleArgs.path(args, 1, "hierarchical-vae-samples.png"), System.out);
  }

  /**
   * Trains a new model of {@code settings} on {@code train} (grey levels in [0, 1]) for
   * {@code epochs} in minibatches of
   * {@code batchSize}, reports on {@code test} and draws samples into {@code picture}.
   */
  public static Report run(HierarchicalVaeSettings settings, Dataset train, Dataset test,
      int epochs, int batchSize, Path picture, PrintStream out) throws IOException {
    long seed = settings.seed();
    HierarchicalVae vae = HierarchicalVae.create(settings);
    DMatrixRMaj testX = Transforms.binarizeOnce(test, Rngs.derive(seed, "test binarization"))
        .features();
    Evaluator evaluator = new Evaluator(vae.model(), vae.guide());
    Elbo elbo = new Elbo();
    Svi svi = new Svi(vae.model(), vae.guide(), elbo, Adam.builder().learningRate(1e-3)
        .eps(1e-4).build(Svi.parametersOf(vae.model(), vae.guide())));
    out.printf(Locale.ROOT, "%s%n%s%n%d parameters; %d training and %d test digits, %d epochs%n",
        vae.model(), vae.guide(), vae.model().parameterCount() + vae.guide().parameterCount(),
        train.size(), test.size(), epochs);

    // The same evaluation noise after every epoch, so epochs are compared on equal terms.
    EpochPrinter printer = new EpochPrinter(() -> evaluator.meanBound(elbo, testX, 500,
        Rngs.derive(seed, "test ELBO")), out);
    new Trainer(svi, MinibatchData.of(train.features(), batchSize).dynamicallyBinarized())
        .addListener(printer)
        .fit(epochs, Rngs.derive(seed, "training"));

    double testIwae = Arrays.stream(evaluator.logLikelihood(testX, IMPORTANCE_SAMPLES,
        IMPORTANCE_SAMPLES, 100, Rngs.derive(seed, "test IWAE"))).average().orElseThrow();
    Map<String, Integer> active = evaluator.activeUnits(testX, 500, 0.01,
        Rngs.derive(seed, "active units"));
    out.printf(Locale.ROOT, "test IWAE bound, k = %d (importance-sampled log p(x)): %.2f%n",
        IMPORTANCE_SAMPLES, testIwae);
    out.printf(Locale.ROOT, "active units: z1 %d of %d, z2 %d of %d%n",
        active.get(HierarchicalVaeModel.LOWER), settings.latent1(),
        active.get(HierarchicalVaeModel.TOP), settings.latent2());

    ImageShape shape = test.imageShape().orElse(new ImageShape(28, 28));
    ImageGrid.of(shape.height(), shape.width(), 10).withScale(2)
        .write(vae.sampleMeans(SAMPLES_SHOWN, Rngs.derive(seed, "samples")), picture);
    out.println("wrote " + SAMPLES_SHOWN + " samples (pixel probabilities) to " + picture);
    return new Report(printer.figures(), testIwae, active, picture);
  }
}
