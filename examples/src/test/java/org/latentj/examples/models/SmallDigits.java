package org.latentj.examples.models;

import static org.assertj.core.api.Assertions.assertThat;

import org.ejml.data.DMatrixRMaj;
import org.latentj.examples.data.EmbeddedDigits;
import org.latentj.inference.data.Dataset;
import org.latentj.inference.data.Transforms;
import org.latentj.inference.evaluation.EvaluationData;
import org.latentj.inference.evaluation.Evaluator;
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

  /** The test ELBO the model tests track: the Monte Carlo ELBO in minibatches of 100, seed 23. */
  static double meanElbo(Program model, Program guide, EvaluationData data) {
    return new Evaluator(model, guide).meanBound(new Elbo(), data, 100, Rngs.create(23));
  }

  /**
   * The model tests' bar for a short run: untrained, a decoder says about 0.5 per pixel (-543
   * nats), and three short epochs learn the stroke statistics, a gain of more than 150 nats.
   */
  static void assertClearImprovement(double before, double after) {
    assertThat(before).isLessThan(-400);
    assertThat(after).as("test ELBO before %.2f, after %.2f", before, after)
        .isGreaterThan(before + 150);
  }

  private SmallDigits() {}
}
