package org.latentj.inference.reliability;

import static org.latentj.inference.reliability.BadInput.of;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.latentj.distributions.Bernoulli;
import org.latentj.distributions.LaplaceHead;
import org.latentj.distributions.NormalHead;
import org.latentj.inference.data.DataFileException;
import org.latentj.inference.data.DataProvenance;
import org.latentj.inference.data.Dataset;
import org.latentj.inference.data.IdxReader;
import org.latentj.inference.data.ImageShape;
import org.latentj.inference.training.MinibatchData;
import org.latentj.inference.training.Trainer;
import org.latentj.inference.vae.VaeModel;
import org.latentj.model.Batch;
import org.latentj.model.Likelihood;
import org.latentj.model.Posterior;
import org.latentj.nn.Activation;
import org.latentj.nn.Initializer;
import org.latentj.nn.Linear;
import org.latentj.nn.Mlp;
import org.latentj.nn.Sequential;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/** Shapes that do not fit: data vs a model's input, labels vs images, a head vs its network. */
final class ShapeCases {

  private static final Class<IllegalArgumentException> IAE = IllegalArgumentException.class;

  private ShapeCases() {}

  static List<BadInput> cases() {
    return List.of(
        of("Linear(12 -> 16) fed 10 columns", IAE,
            d -> new Linear(12, 16, Initializer.heNormal(), Rngs.create(1))
                .forward(Tensor.zeros(5, 10)),
            "Linear(12 -> 16): input is 5x10 (10 columns) but the layer expects 12 columns"),
        of("VAE for 12 pixels given a 10-column minibatch", IAE,
            d -> TinyVae.svi(TinyVae.SETTINGS).step(Batch.of(Tensor.zeros(8, 10)),
                Rngs.create(1)),
            "encoder.network.layer0, Linear(12 -> 16): input is 8x10 (10 columns) but the layer"
                + " expects 12 columns"),
        of("VAE for 12 pixels trained on 784-column data", IAE,
            d -> new Trainer(TinyVae.svi(TinyVae.SETTINGS),
                MinibatchData.of(new DMatrixRMaj(100, 784), 50)).fit(1, Rngs.create(1)),
            "encoder.network.layer0, Linear(12 -> 16)", "50x784", "expects 12 columns"),
        of("VAE for 12 pixels fed a one-column batch", IAE,
            d -> TinyVae.svi(TinyVae.SETTINGS).step(Batch.of(Tensor.zeros(3, 1)),
                Rngs.create(1)),
            "encoder.network.layer0, Linear(12 -> 16)", "3x1", "expects 12 columns"),
        of("VAE decoder for 2 latent dimensions fed 3-column codes", IAE,
            d -> ((VaeModel) TinyVae.svi(TinyVae.SETTINGS).model()).likelihood()
                .given(Tensor.zeros(4, 3)),
            "decoder.network.layer0, Linear(2 -> 16)", "4x3", "expects 2 columns"),
        of("Second layer of an Mlp fed through a mismatched Sequential", IAE,
            d -> new Sequential(List.of(new Linear(4, 5, Initializer.heNormal(), Rngs.create(1)),
                new Linear(6, 2, Initializer.heNormal(), Rngs.create(2))))
                .forward(Tensor.zeros(3, 4)),
            "layer1, Linear(6 -> 2): input is 3x5 (5 columns) but the layer expects 6 columns"),
        of("IDX: 3 images labelled by a file of 2 labels", DataFileException.class,
            d -> IdxReader.read(write(d, "images.idx", IdxFiles.images(3, 2, 2)),
                write(d, "labels.idx", IdxFiles.labels(2))),
            "labels.idx", "labels file has 2 labels", "images.idx", "has 3 examples"),
        of("IDX: 2 images labelled by a file of 5 labels (gzip)", DataFileException.class,
            d -> IdxReader.read(write(d, "images.gz", IdxFiles.gzip(IdxFiles.images(2, 3, 3))),
                write(d, "labels.gz", IdxFiles.gzip(IdxFiles.labels(5)))),
            "labels.gz", "has 5 labels", "has 2 examples"),
        of("IDX streams: 4 images labelled by 3 labels", DataFileException.class,
            d -> IdxReader.read(new ByteArrayInputStream(IdxFiles.images(4, 2, 2)),
                "train-images", new ByteArrayInputStream(IdxFiles.labels(3)),
                "train-labels"),
            "train-labels", "3 labels", "train-images", "4 examples"),
        of("Dataset: 4 labels for 3 rows", IAE,
            d -> inMemory(3, 2).withLabels(new int[4]),
            "4 labels for 3 rows"),
        of("Dataset: negative label", IAE,
            d -> inMemory(3, 2).withLabels(new int[] {0, -1, 2}),
            "label -1 at row 1"),
        of("Dataset: label beyond the class names", IAE,
            d -> inMemory(2, 2).withLabels(new int[] {0, 2}, List.of("cat", "dog")),
            "label 2 at row 1", "[0, 2)"),
        of("Dataset: 3x3 image shape over 8 columns", IAE,
            d -> inMemory(2, 8).withImageShape(new ImageShape(3, 3)),
            "image shape 3x3", "9 pixels", "8 columns"),
        of("Dataset: new features with another row count", IAE,
            d -> inMemory(4, 2).withFeatures(new DMatrixRMaj(3, 2), "step"),
            "3x2", "expected 4 rows"),
        of("MinibatchData: condition with 9 rows for 10 data rows", IAE,
            d -> MinibatchData.conditioned(new DMatrixRMaj(10, 3), new DMatrixRMaj(9, 2), 5),
            "data has 10 rows", "condition has 9"),
        of("NormalHead: network emits 7 raw columns", IAE,
            d -> NormalHead.meanAndLogVariance().distribution(Tensor.zeros(5, 7)),
            "NormalHead", "7 columns", "multiple of 2"),
        of("LaplaceHead: network emits 5 raw columns", IAE,
            d -> new LaplaceHead().distribution(Tensor.zeros(2, 5)),
            "LaplaceHead", "5 columns", "multiple of 2"),
        of("Posterior: encoder emits 3 columns for a mean-and-log-variance head", IAE,
            d -> new Posterior(new Mlp(new int[] {12, 8, 3}, Activation.TANH,
                Initializer.heNormal(), Rngs.create(2)), NormalHead.meanAndLogVariance())
                .given(Tensor.zeros(4, 12)),
            "NormalHead", "3 columns", "multiple of 2"),
        of("Likelihood: decoder emits 12 columns, a Normal head makes 6 features of 12", IAE,
            d -> new Likelihood(new Mlp(new int[] {2, 8, 12}, Activation.TANH,
                Initializer.heNormal(), Rngs.create(3)), NormalHead.meanAndLogVariance())
                .given(Tensor.zeros(4, 2)).logProb(Tensor.zeros(4, 12)),
            "Normal.logProb: value", "4x12", "expected 4x6"),
        of("Bernoulli.logProb: 4x5 value for a 4x6 distribution", IAE,
            d -> Bernoulli.ofLogits(Tensor.zeros(4, 6)).logProb(Tensor.zeros(4, 5)),
            "Bernoulli.logProb: value", "4x5", "expected 4x6"),
        of("Bernoulli.logProb: 3 rows of values for 4 rows of logits", IAE,
            d -> Bernoulli.ofLogits(Tensor.zeros(4, 6)).logProb(Tensor.zeros(3, 6)),
            "Bernoulli.logProb: value", "3x6", "expected 4x6"));
  }

  static Dataset inMemory(int rows, int cols) {
    return Dataset.of(new DMatrixRMaj(rows, cols), DataProvenance.inMemory("test data"));
  }

  static Path write(Path dir, String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }
}
