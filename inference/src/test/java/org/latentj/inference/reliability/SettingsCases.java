package org.latentj.inference.reliability;

import static org.latentj.inference.reliability.BadInput.of;

import java.util.List;
import java.util.NoSuchElementException;
import org.ejml.data.DMatrixRMaj;
import org.latentj.inference.data.CsvReader;
import org.latentj.inference.data.ImageShape;
import org.latentj.inference.data.Minibatches;
import org.latentj.inference.data.Transforms;
import org.latentj.inference.guice.ObjectivesModule;
import org.latentj.inference.guice.OptimizersModule;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.inference.objectives.Elbo;
import org.latentj.inference.optim.Adam;
import org.latentj.inference.training.KlWarmup;
import org.latentj.inference.training.MinibatchData;
import org.latentj.inference.training.Trainer;
import org.latentj.model.handlers.Handlers;
import org.latentj.nn.Activation;
import org.latentj.tensor.Rngs;

/**
 * Settings no run can use: negative or zero sizes, zero particles, learning rates that are NaN,
 * infinite or negative, a zero batch. (Bad command-line options belong to the CLI's own table.)
 */
final class SettingsCases {

  private static final Class<IllegalArgumentException> IAE = IllegalArgumentException.class;
  private static final VaeSettings S = TinyVae.SETTINGS;

  private SettingsCases() {}

  static List<BadInput> cases() {
    return List.of(
        of("VaeSettings: input size -784", IAE, d -> S.toBuilder().inputSize(-784).build(),
            "VaeSettings", "inputSize must be positive, got -784"),
        of("VaeSettings: input size 0", IAE, d -> S.toBuilder().inputSize(0).build(),
            "inputSize must be positive, got 0"),
        of("VaeSettings: latent size -2", IAE, d -> S.toBuilder().latentSize(-2).build(),
            "latentSize must be positive, got -2"),
        of("VaeSettings: hidden size -400", IAE, d -> S.toBuilder().hiddenSizes(List.of(400, -400))
            .build(),
            "hidden size must be positive, got -400"),
        of("VaeSettings: zero particles", IAE,
            d -> S.toBuilder().objective(ObjectivesModule.IWAE, 0).build(),
            "particles must be positive, got 0"),
        of("VaeSettings: negative particles", IAE,
            d -> S.toBuilder().objective(ObjectivesModule.ELBO, -5).build(),
            "particles must be positive, got -5"),
        of("VaeSettings: NaN learning rate", IAE,
            d -> S.toBuilder().optimizer(OptimizersModule.ADAM, Double.NaN).build(),
            "learningRate must be a positive number, got NaN"),
        of("VaeSettings: infinite learning rate", IAE,
            d -> S.toBuilder().optimizer(OptimizersModule.SGD, Double.POSITIVE_INFINITY).build(),
            "learningRate must be a positive number, got Infinity"),
        of("VaeSettings: negative learning rate", IAE,
            d -> S.toBuilder().optimizer(OptimizersModule.ADAM, -1e-3).build(),
            "learningRate must be a positive number, got -0.001"),
        of("VaeSettings: zero learning rate", IAE,
            d -> S.toBuilder().optimizer(OptimizersModule.ADAM, 0).build(),
            "learningRate must be a positive number, got 0.0"),
        of("VaeSettings: no likelihood", IAE, d -> S.toBuilder().likelihood(null).build(),
            "likelihood", "must all be given"),
        of("VaeSettings: no activation", IAE, d -> S.toBuilder().activation((Activation) null)
            .build(),
            "activation", "must all be given"),
        of("Minibatches: batch size 0", IAE,
            d -> Minibatches.shuffled(new DMatrixRMaj(10, 2), 0, false, Rngs.create(1)),
            "Minibatches: batchSize must be >= 1, got 0"),
        of("Minibatches: batch size -32 (in order)", IAE,
            d -> Minibatches.inOrder(new DMatrixRMaj(10, 2), -32),
            "batchSize must be >= 1, got -32"),
        of("MinibatchData: batch size 0", IAE,
            d -> MinibatchData.of(new DMatrixRMaj(10, 2), 0),
            "batchSize must be >= 1, got 0"),
        of("Minibatches: skip more batches than are left", IAE,
            d -> Minibatches.inOrder(new DMatrixRMaj(10, 2), 4).skip(4),
            "cannot skip 4 batches", "3 of 3 are left"),
        of("Trainer: resume at epoch 5 of a 3-epoch run", IAE,
            d -> new Trainer(TinyVae.svi(S), MinibatchData.of(TinyVae.data(10, 1), 5))
                .resume(5, 0, 3, Rngs.create(1)),
            "asked for 3 epochs but the run has already finished 5"),
        of("Elbo: zero particles", IAE, d -> new Elbo(0),
            "Elbo: particles must be at least 1, got 0"),
        of("Scale handler: negative factor", IAE, d -> Handlers.scale(-0.5),
            "scale", "-0.5"),
        of("KlWarmup: zero steps", IAE, d -> new KlWarmup(0),
            "KlWarmup: warmupSteps must be positive, got 0"),
        of("Adam: negative learning rate", IAE, d -> Adam.builder().learningRate(-1),
            "Adam: learningRate must be finite and >= 0, got -1.0"),
        of("Adam: beta1 of 1", IAE, d -> Adam.builder().beta1(1),
            "Adam: beta1 must be in [0, 1), got 1.0"),
        of("CSV reader: label column -2", IAE, d -> CsvReader.builder().labelColumn(-2),
            "labelColumn must be >= 0, or -1 for none, got -2"),
        of("CSV reader: a digit as the delimiter", IAE, d -> CsvReader.builder().delimiter('5'),
            "delimiter '5'"),
        of("Transforms.binarize: threshold 2", IAE,
            d -> Transforms.binarize(ValueCases.dataset(new double[][] {{0.5}}), 2),
            "threshold must be in [0, 1], got 2.0"),
        of("ImageShape: 0 x 28", IAE, d -> new ImageShape(0, 28),
            "height and width must be positive, got 0x28"),
        of("Minibatches: a batch asked of an empty data set", NoSuchElementException.class,
            d -> Minibatches.inOrder(new DMatrixRMaj(0, 3), 4).next(),
            "epoch finished after 0 batches"));
  }
}
