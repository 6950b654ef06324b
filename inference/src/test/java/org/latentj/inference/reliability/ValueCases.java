package org.latentj.inference.reliability;

import static org.latentj.inference.reliability.BadInput.of;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.latentj.distributions.Bernoulli;
import org.latentj.distributions.ContinuousBernoulli;
import org.latentj.distributions.Laplace;
import org.latentj.distributions.Normal;
import org.latentj.distributions.Poisson;
import org.latentj.inference.data.CsvReader;
import org.latentj.inference.data.DataFileException;
import org.latentj.inference.data.DataProvenance;
import org.latentj.inference.data.Dataset;
import org.latentj.inference.data.Transforms;
import org.latentj.inference.training.MinibatchData;
import org.latentj.inference.training.Trainer;
import org.latentj.model.Batch;
import org.latentj.model.Validation;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/**
 * Values outside what a family or a transform accepts: NaN and infinities in data, grey levels
 * outside [0, 1] for a Bernoulli likelihood, negative or fractional counts for a Poisson one,
 * scales that are not positive.
 */
final class ValueCases {

  private static final Class<IllegalArgumentException> IAE = IllegalArgumentException.class;
  private static final double NAN = Double.NaN;
  private static final double INF = Double.POSITIVE_INFINITY;

  private ValueCases() {}

  static List<BadInput> cases() {
    return List.of(
        // NaN and infinities in data.
        of("Transforms.requireFinite: NaN at row 1, column 2", IAE,
            d -> Transforms.requireFinite(dataset(new double[][] {{0, 0, 0}, {0, 0, NAN}})),
            "holds NaN at row 1, column 2", "test data", "(2x3)"),
        of("Transforms.requireFinite: +inf at row 0, column 0", IAE,
            d -> Transforms.requireFinite(dataset(new double[][] {{INF, 0}})),
            "holds Infinity at row 0, column 0"),
        of("Transforms.requireFinite: -inf in a named matrix", IAE,
            d -> Transforms.requireFinite("validation set",
                new DMatrixRMaj(new double[][] {{1, 2}, {3, -INF}})),
            "validation set holds -Infinity at row 1, column 1"),
        of("Validation.requireFinite: NaN in a tensor", IAE,
            d -> Validation.requireFinite("decoder output",
                Tensor.of(new double[][] {{1, 2}, {3, 4}, {5, NAN}})),
            "decoder output holds NaN at row 2, column 1", "shape 3x2"),
        of("Transforms.scaleToUnit: NaN pixel", IAE,
            d -> Transforms.scaleToUnit(dataset(new double[][] {{0, 255}, {NAN, 7}})),
            "scaleToUnit", "holds NaN at row 1, column 0"),
        of("Transforms.scaleToUnit: grey level 300", IAE,
            d -> Transforms.scaleToUnit(dataset(new double[][] {{0, 300}})),
            "holds 300.0 at row 0, column 1", "outside [0.0, 255.0]"),
        of("Transforms.binarize: value 1.5", IAE,
            d -> Transforms.binarize(dataset(new double[][] {{0.2, 1.5}})),
            "binarize", "holds 1.5 at row 0, column 1", "outside [0.0, 1.0]"),
        of("Bernoulli.ofLogits: NaN logit", IAE,
            d -> Bernoulli.ofLogits(Tensor.of(new double[][] {{0, NAN}})),
            "Bernoulli.ofLogits: logits must be finite, got NaN at row 0, column 1"),
        of("Normal.ofLogVariance: infinite mean", IAE,
            d -> Normal.ofLogVariance(Tensor.of(new double[][] {{0}, {INF}}), Tensor.zeros(2, 1)),
            "Normal.ofLogVariance: mean must be finite, got Infinity at row 1, column 0"),
        of("Normal.ofLogVariance: NaN log-variance", IAE,
            d -> Normal.ofLogVariance(Tensor.zeros(1, 2), Tensor.of(new double[][] {{NAN, 0}})),
            "Normal.ofLogVariance: logVariance must be finite, got NaN at row 0, column 0"),
        of("Normal.logProb: NaN value", IAE,
            d -> Normal.ofLogVariance(Tensor.zeros(1, 2), Tensor.zeros(1, 2))
                .logProb(Tensor.of(new double[][] {{0, NAN}})),
            "Normal.logProb: value must be finite, got NaN at row 0, column 1"),
        of("Laplace.ofLogScale: NaN location", IAE,
            d -> Laplace.ofLogScale(Tensor.of(new double[][] {{NAN}}), Tensor.zeros(1, 1)),
            "Laplace.ofLogScale: loc must be finite, got NaN at row 0, column 0"),
        of("VAE step on a minibatch holding NaN", IAE,
            d -> TinyVae.svi(TinyVae.SETTINGS).step(Batch.of(Tensor.constant(withNan())),
                Rngs.create(1)),
            "got NaN at row 3"),
        // Reported against the data when training data are wrapped, not by the loss downstream.
        of("MinibatchData.of: NaN at row 3, column 4", IAE,
            d -> MinibatchData.of(withNan(), 2),
            "MinibatchData: data holds NaN at row 3, column 4", "(6x12)"),
        of("MinibatchData.of: +inf in the last cell", IAE,
            d -> {
              DMatrixRMaj x = TinyVae.data(5, 3);
              x.set(4, 11, Double.POSITIVE_INFINITY);
              MinibatchData.of(x, 5);
            },
            "MinibatchData: data holds Infinity at row 4, column 11"),
        of("MinibatchData.conditioned: -inf in the condition", IAE,
            d -> {
              DMatrixRMaj c = new DMatrixRMaj(6, 3);
              c.set(2, 1, Double.NEGATIVE_INFINITY);
              MinibatchData.conditioned(TinyVae.data(6, 1), c, 3);
            },
            "MinibatchData: condition holds -Infinity at row 2, column 1", "(6x3)"),
        of("VAE trained on data holding NaN", IAE,
            d -> new Trainer(TinyVae.svi(TinyVae.SETTINGS), MinibatchData.of(withNan(), 3))
                .fit(1, Rngs.create(1)),
            "MinibatchData: data holds NaN at row 3, column 4"),
        of("CSV: NaN cell", DataFileException.class,
            d -> csv("a,b,c\n1,2,3\n4,NaN,6\n"),
            "data.csv", "line 3, column 2", "NaN", "non-finite values are rejected"),
        of("CSV: -inf cell", DataFileException.class,
            d -> csv("1,-inf\n"),
            "line 1, column 2", "-Infinity"),
        of("CSV: literal that overflows a double", DataFileException.class,
            d -> csv("1,2\n3,1e999\n"),
            "line 2, column 2", "1e999", "Infinity"),
        // Grey levels outside [0, 1] for a Bernoulli likelihood.
        of("Bernoulli.logProb: grey level 1.5", IAE,
            d -> Bernoulli.ofLogits(Tensor.zeros(2, 2))
                .logProb(Tensor.of(new double[][] {{0, 1}, {1.5, 0}})),
            "Bernoulli.logProb: value holds 1.5 at row 1, column 0", "[0, 1]"),
        of("Bernoulli.logProb: grey level -0.25", IAE,
            d -> Bernoulli.ofLogits(Tensor.zeros(1, 3))
                .logProb(Tensor.of(new double[][] {{0, 0, -0.25}})),
            "holds -0.25 at row 0, column 2", "[0, 1]"),
        of("Bernoulli.logProb: NaN grey level", IAE,
            d -> Bernoulli.ofLogits(Tensor.zeros(1, 1)).logProb(Tensor.of(new double[][] {{NAN}})),
            "Bernoulli.logProb: value holds NaN at row 0, column 0"),
        of("ContinuousBernoulli.logProb: grey level 2", IAE,
            d -> ContinuousBernoulli.ofLogits(Tensor.zeros(1, 2))
                .logProb(Tensor.of(new double[][] {{0.5, 2}})),
            "ContinuousBernoulli.logProb: value holds 2.0 at row 0, column 1"),
        of("VAE with a Bernoulli likelihood trained on unscaled 0..255 pixels", IAE,
            d -> new Trainer(TinyVae.svi(TinyVae.SETTINGS),
                MinibatchData.of(unscaledPixels(), 10)).fit(1, Rngs.create(1)),
            "Bernoulli.logProb: value holds 255.0 at row", "[0, 1]"),
        // Counts for a Poisson likelihood.
        of("Poisson.logProb: count -1", IAE,
            d -> Poisson.ofLogRate(Tensor.zeros(1, 2))
                .logProb(Tensor.of(new double[][] {{3, -1}})),
            "Poisson.logProb", "non-negative integer count", "-1.0 at row 0, column 1"),
        of("Poisson.logProb: count 2.5", IAE,
            d -> Poisson.ofLogRate(Tensor.zeros(2, 1))
                .logProb(Tensor.of(new double[][] {{1}, {2.5}})),
            "Poisson.logProb", "non-negative integer count", "2.5 at row 1, column 0"),
        of("Poisson.logProb: infinite count", IAE,
            d -> Poisson.ofLogRate(Tensor.zeros(1, 1))
                .logProb(Tensor.of(new double[][] {{INF}})),
            "Poisson.logProb", "Infinity at row 0, column 0"),
        of("Poisson.ofLogRate: log-rate 800 would overflow", IAE,
            d -> Poisson.ofLogRate(Tensor.of(new double[][] {{800}})),
            "Poisson", "logRate", "800.0", "row 0, column 0"),
        // Scales that are not positive.
        of("Normal.ofScale: zero scale", IAE,
            d -> Normal.ofScale(Tensor.zeros(1, 2), Tensor.of(new double[][] {{1, 0}})),
            "Normal.ofScale: scale holds 0.0 at row 0, column 1", "finite positive"),
        of("Normal.ofScale: negative scale", IAE,
            d -> Normal.ofScale(Tensor.zeros(2, 1), Tensor.of(new double[][] {{1}, {-0.5}})),
            "Normal.ofScale: scale holds -0.5 at row 1, column 0"),
        of("Normal.ofScale: infinite scale", IAE,
            d -> Normal.ofScale(Tensor.zeros(1, 1), Tensor.of(new double[][] {{INF}})),
            "Normal.ofScale: scale holds Infinity at row 0, column 0"),
        of("Normal.ofScale: NaN scale", IAE,
            d -> Normal.ofScale(Tensor.zeros(1, 1), Tensor.of(new double[][] {{NAN}})),
            "Normal.ofScale: scale holds NaN at row 0, column 0"),
        of("Laplace.of: zero scale", IAE,
            d -> Laplace.of(Tensor.zeros(1, 1), Tensor.of(new double[][] {{0}})),
            "Laplace.of: scale holds 0.0 at row 0, column 0", "finite positive"),
        of("Laplace.of: negative scale", IAE,
            d -> Laplace.of(Tensor.zeros(1, 3), Tensor.of(new double[][] {{1, 1, -2}})),
            "Laplace.of: scale holds -2.0 at row 0, column 2"));
  }

  static Dataset dataset(double[][] rows) {
    return Dataset.of(new DMatrixRMaj(rows), DataProvenance.inMemory("test data"));
  }

  static Dataset csv(String text) throws IOException {
    return CsvReader.defaults().read(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "data.csv");
  }

  /** Twelve binary columns, with a NaN at row 3. */
  private static DMatrixRMaj withNan() {
    DMatrixRMaj x = TinyVae.data(6, 1);
    x.set(3, 4, NAN);
    return x;
  }

  /** Grey levels as stored in an IDX file, 0..255, not scaled to [0, 1]. */
  private static DMatrixRMaj unscaledPixels() {
    DMatrixRMaj x = TinyVae.data(20, 2);
    for (int i = 0; i < x.data.length; i++) {
      x.data[i] *= 255;
    }
    return x;
  }
}
