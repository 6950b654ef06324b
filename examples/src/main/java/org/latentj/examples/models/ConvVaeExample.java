package org.latentj.examples.models;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.util.Modules;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.latentj.examples.data.EmbeddedDigits;
import org.latentj.examples.pictures.ImageGrid;
import org.latentj.inference.data.Dataset;
import org.latentj.inference.data.Transforms;
import org.latentj.inference.evaluation.Evaluator;
import org.latentj.inference.guice.Decoder;
import org.latentj.inference.guice.Encoder;
import org.latentj.inference.guice.Guide;
import org.latentj.inference.guice.LikelihoodHead;
import org.latentj.inference.guice.Model;
import org.latentj.inference.guice.PosteriorHead;
import org.latentj.inference.guice.VaeModule;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.inference.training.MinibatchData;
import org.latentj.inference.training.Svi;
import org.latentj.inference.training.Trainer;
import org.latentj.model.Head;
import org.latentj.model.Likelihood;
import org.latentj.model.Objective;
import org.latentj.model.Program;
import org.latentj.nn.ImageShape;
import org.latentj.nn.Initializer;
import org.latentj.nn.Layer;
import org.latentj.tensor.GradMode;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/**
 * A convolutional VAE against an MLP VAE of about the same number of parameters, on the
 * embedded 28 x 28 digits (dynamically binarized for training, binarized once for testing), at
 * one budget: the same settings (latents, Bernoulli likelihood, estimator B with one sample,
 * Adam, epochs, minibatch, seed), only the networks differ. Reports each one's parameter count,
 * training time, test ELBO, and importance-sampled test log p(x) with its standard error, and
 * the paired difference conv - MLP per test image with its standard error.
 *
 * <p>Usage: {@code scripts/run.sh org.latentj.examples.models.ConvVaeExample [epochs]
 * [test images] [k] [output folder]}; 10 epochs, 1,000 test images, k = 5,000 and
 * {@code runs/conv-vae} by default. The folder gets {@code samples-mlp.png} and
 * {@code samples-conv.png}: decoder means (pixel probabilities) of 64 draws z ~ N(0, I), the same
 * draws for both.
 */
public final class ConvVaeExample {

  static final int LATENTS = 20;
  static final int BATCH = 100;
  /** The conv encoder's channels after each stride-2 stage. */
  static final int[] ENCODER_CHANNELS = {16, 32};
  /** The conv decoder's channels at a quarter and at half the side. */
  static final int[] DECODER_CHANNELS = {16, 8};
  /** The MLP's one hidden layer, chosen so that its parameter count is near the conv VAE's. */
  static final int MLP_HIDDEN = 55;

  /** One network's figures, in nats per test image. */
  public record Result(String network, long parameters, double seconds, double testElbo,
      double[] logLikelihoods) {

    public double meanLogLikelihood() {
      return mean(logLikelihoods);
    }

    public double standardError() {
      return ConvVaeExample.standardError(logLikelihoods);
    }
  }

  private ConvVaeExample() {}

  public static void main(String[] args) {
    run(EmbeddedDigits.greyTrain(), EmbeddedDigits.greyTest(), ExampleArgs.integer(args, 0, 10),
        ExampleArgs.integer(args, 1, 1000), ExampleArgs.integer(args, 2, 5000), 1,
        ExampleArgs.path(args, 3, "runs/conv-vae"), System.out);
  }

  /** Trains the MLP VAE and the conv VAE on {@code train}, evaluates both; prints and returns. */
  public static List<Result> run(Dataset train, Dataset test, int epochs, int testImages, int k,
      long seed, Path output, PrintStream out) {
    if (testImages < 1 || testImages > test.size()) {
      throw new IllegalArgumentException("ConvVaeExample: test images must be 1.." + test.size()
          + ", got " + testImages);
    }
    DMatrixRMaj testX = Transforms.binarizeOnce(test, Rngs.derive(seed, "test binarization"))
        .features();
    DMatrixRMaj evalX = org.ejml.dense.row.CommonOps_DDRM.extract(testX, 0, testImages, 0,
        testX.numCols);
    ImageShape image = ImageShape.squareOf(train.featureCount(), 1);
    VaeSettings settings = VaeSettings.builder().inputSize(train.featureCount())
        .hiddenSizes(List.of(MLP_HIDDEN)).latentSize(LATENTS).seed(seed).build();
    out.printf(Locale.ROOT, "%d training digits (dynamically binarized), first %d test digits"
        + " (binarized once); %d latents, Bernoulli, %s, Adam %s, %d epochs of %d, k = %d%n",
        train.size(), testImages, LATENTS, settings.objective().name(),
        settings.optimizer().learningRate(), epochs,
        BATCH, k);
    Injector mlpVae = Guice.createInjector(new VaeModule(settings));
    Result mlp = trainAndEvaluate("MLP 784-" + MLP_HIDDEN + "-" + LATENTS + " (relu)", mlpVae,
        train, evalX, epochs, k, seed, out);
    writeSamples(mlpVae, image, seed, output.resolve("samples-mlp.png"), out);
    Injector convVae = Guice.createInjector(Modules.override(new VaeModule(settings))
        .with(new ConvolutionalNetworks(image, seed)));
    Result conv = trainAndEvaluate("conv " + ENCODER_CHANNELS[0] + "-" + ENCODER_CHANNELS[1]
        + " / deconv " + DECODER_CHANNELS[0] + "-" + DECODER_CHANNELS[1], convVae, train, evalX,
        epochs, k, seed, out);
    writeSamples(convVae, image, seed, output.resolve("samples-conv.png"), out);
    double[] difference = new double[testImages];
    for (int i = 0; i < testImages; i++) {
      difference[i] = conv.logLikelihoods()[i] - mlp.logLikelihoods()[i];
    }
    out.printf(Locale.ROOT, "conv - MLP, paired over the same %d test images: %+.2f +- %.2f"
        + " nats (standard error)%n", testImages, mean(difference), standardError(difference));
    return List.of(mlp, conv);
  }

  /** The conv encoder and decoder over {@link VaeModule}'s MLPs. */
  static final class ConvolutionalNetworks extends AbstractModule {
    private final ImageShape image;
    private final long seed;

    ConvolutionalNetworks(ImageShape image, long seed) {
      this.image = image;
      this.seed = seed;
    }

    @Provides
    @Singleton
    @Encoder
    Layer encoder(@PosteriorHead Head head, Initializer init) {
      return ConvNetworks.encoder(image, ENCODER_CHANNELS, head.rawColumns(LATENTS), init,
          Rngs.derive(seed, "encoder"));
    }

    @Provides
    @Singleton
    @Decoder
    Layer decoder(@LikelihoodHead Head head, Initializer init) {
      if (head.rawColumnsPerEventColumn() != 1) {
        throw new IllegalArgumentException("ConvolutionalNetworks: the decoder outputs one value"
            + " per pixel, so the likelihood head must take one raw column per pixel");
      }
      return ConvNetworks.decoder(LATENTS, DECODER_CHANNELS, image, init,
          Rngs.derive(seed, "decoder"));
    }
  }

  private static Result trainAndEvaluate(String name, Injector vae, Dataset train,
      DMatrixRMaj evalX, int epochs, int k, long seed, PrintStream out) {
    Svi svi = vae.getInstance(Svi.class);
    Program model = vae.getInstance(Key.get(Program.class, Model.class));
    Program guide = vae.getInstance(Key.get(Program.class, Guide.class));
    long parameters = model.parameterCount() + guide.parameterCount();
    out.printf(Locale.ROOT, "%s: %,d parameters%n", name, parameters);
    long start = System.nanoTime();
    new Trainer(svi, MinibatchData.of(train.features(), BATCH).dynamicallyBinarized())
        .fit(epochs, Rngs.derive(seed, "training"));
    double seconds = (System.nanoTime() - start) / 1e9;
    Evaluator evaluator = new Evaluator(model, guide);
    Objective elbo = vae.getInstance(Objective.class);
    double testElbo = evaluator.meanBound(elbo, evalX, 500, Rngs.derive(seed, "test ELBO"));
    double[] logLikelihoods = evaluator.logLikelihood(evalX, k, Math.min(k, 500), 2,
        Rngs.derive(seed, "test log p(x)"));
    Result r = new Result(name, parameters, seconds, testElbo, logLikelihoods);
    out.printf(Locale.ROOT, "%-34s %,9d params  %6.0f s training  test ELBO %8.2f  test log p(x)"
        + " %8.2f +- %.2f%n", name, parameters, seconds, testElbo, r.meanLogLikelihood(),
        r.standardError());
    return r;
  }

  /** Decoder means of 64 draws from the prior (the same draws for every model), as a grid. */
  private static void writeSamples(Injector vae, ImageShape image, long seed, Path png,
      PrintStream out) {
    DMatrixRMaj z = Rngs.standardNormal(Rngs.derive(seed, "samples"), 64, LATENTS);
    DMatrixRMaj means;
    try (GradMode.Scope off = GradMode.disable()) {
      means = vae.getInstance(Likelihood.class).given(Tensor.constant(z)).mean().value();
    }
    try {
      Files.createDirectories(png.getParent());
      ImageGrid.of(image.height(), image.width(), 8).withScale(2).write(means, png);
      out.println("wrote " + png);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + png, e);
    }
  }

  static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  /** The standard error of the mean, {@code sd / sqrt(n)} with the n - 1 variance. */
  static double standardError(double[] v) {
    if (v.length < 2) {
      return Double.NaN;
    }
    double m = mean(v);
    double ss = 0;
    for (double x : v) {
      ss += (x - m) * (x - m);
    }
    return Math.sqrt(ss / (v.length - 1) / v.length);
  }
}
