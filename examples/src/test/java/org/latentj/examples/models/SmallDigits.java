package org.latentj.examples.models;

import org.ejml.data.DMatrixRMaj;
import org.latentj.examples.data.EmbeddedDigits;
import org.latentj.inference.data.Dataset;
import org.latentj.inference.data.Transforms;
import org.latentj.inference.objectives.Elbo;
import org.latentj.inference.optim.Adam;
import org.latentj.inference.training.EpochData;
import org.latentj.inference.training.MinibatchData;
import org.latentj.inference.training.Svi;
import org.latentj.inference.training.Trainer;
import org.latentj.model.Program;
import org.latentj.tensor.Rngs;

/** A few hundred embedded digits for fast training tests, and a short training run. */
final class SmallDigits {

  /** The first {@code n} training digits, grey levels in [0, 1], with labels. */
  static Dataset train(int n) {
    return Transforms.scaleToUnit(EmbeddedDigits.train().rows(0, n));
  }

  /** The first {@code n} test digits, binarized once with a fixed seed. */
  static Dataset binaryTest(int n) {
    return Transforms.binarizeOnce(Transforms.scaleToUnit(EmbeddedDigits.test().rows(0, n)), 17);
  }

  /** Trains with the Monte Carlo ELBO and Adam on dynamically binarized minibatches. */
  static void train(Program model, Program guide, EpochData data, int epochs, double rate,
      long seed) {
    Svi svi = new Svi(model, guide, new Elbo(), Adam.builder().learningRate(rate)
        .build(Svi.parametersOf(model, guide)));
    new Trainer(svi, data).fit(epochs, Rngs.create(seed));
  }

  /** Dynamically binarized minibatches of {@code data}, with {@code condition} if not null. */
  static EpochData batches(DMatrixRMaj data, DMatrixRMaj condition, int batchSize) {
    MinibatchData m = condition == null ? MinibatchData.of(data, batchSize)
        : MinibatchData.conditioned(data, condition, batchSize);
    return m.dynamicallyBinarized();
  }

  private SmallDigits() {}
}
