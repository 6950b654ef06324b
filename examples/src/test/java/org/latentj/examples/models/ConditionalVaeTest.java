package org.latentj.examples.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentj.inference.data.Dataset;
import org.latentj.inference.evaluation.EvaluationData;
import org.latentj.inference.evaluation.Evaluator;
import org.latentj.inference.objectives.Elbo;
import org.latentj.model.Batch;
import org.latentj.model.Distribution;
import org.latentj.model.Trace;
import org.latentj.nn.Activation;
import org.latentj.tensor.GradMode;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

class ConditionalVaeTest {

  /** Small enough to train in seconds: encoder 794-64-2x4, decoder 14-64-784. */
  private static final ConditionalVaeSettings SMALL =
      new ConditionalVaeSettings(784, 10, 64, 4, Activation.RELU, 6);

  private static DMatrixRMaj evalX;
  private static DMatrixRMaj evalY;
  private static ConditionalVae trained;
  private static double before;
  private static double after;

  @BeforeAll
  static void trainBriefly() {
    Dataset test = SmallDigits.binaryTest(200);
    evalX = test.features();
    evalY = OneHotLabels.of(test);
    Dataset train = SmallDigits.train(500);
    trained = ConditionalVae.create(SMALL);
    before = meanElbo(trained);
    SmallDigits.train(trained.model(), trained.guide(),
        SmallDigits.batches(train.features(), OneHotLabels.of(train), 25), 3, 3e-3, 12);
    after = meanElbo(trained);
  }

  private static double meanElbo(ConditionalVae vae) {
    return SmallDigits.meanElbo(vae.model(), vae.guide(),
        EvaluationData.conditioned(evalX, evalY));
  }

  @Test
  void trainingImprovesTheTestBoundByAClearMargin() {
    SmallDigits.assertClearImprovement(before, after);
  }

  @Test
  void samplesDependOnTheConditionAndOnNothingElseGivenTheGenerator() {
    DMatrixRMaj threes = OneHotLabels.repeated(3, 5, 10);
    DMatrixRMaj sevens = OneHotLabels.repeated(7, 5, 10);
    Trace a = generate(threes, 31);
    Trace b = generate(sevens, 31);
    Trace c = generate(threes, 31);
    // The same generator draws the same z whatever the label ...
    assertThat(b.site("z").value().value().data).containsExactly(a.site("z").value().value().data);
    // ... and the label alone moves the pixel probabilities, by a lot for some pixels.
    double[] pa = a.site("x").distribution().mean().value().data;
    double[] pb = b.site("x").distribution().mean().value().data;
    double largest = 0;
    for (int i = 0; i < pa.length; i++) {
      largest = Math.max(largest, Math.abs(pa[i] - pb[i]));
    }
    assertThat(largest).isGreaterThan(0.3);
    assertThat(trained.sampleMeans(threes, Rngs.create(31)).data).isNotEqualTo(
        trained.sampleMeans(sevens, Rngs.create(31)).data);
    // Same label, same generator: the same draw, pixel for pixel.
    assertThat(c.site("x").value().value().data).containsExactly(a.site("x").value().value().data);
    assertThat(trained.sampleMeans(threes, Rngs.create(31)).data)
        .containsExactly(trained.sampleMeans(threes, Rngs.create(31)).data);
  }

  private static Trace generate(DMatrixRMaj condition, long seed) {
    try (GradMode.Scope off = GradMode.disable()) {
      return Trace.generate(trained.model(),
          Batch.generate(condition.numRows, Tensor.constant(condition)), Rngs.create(seed));
    }
  }

  @Test
  void theGuideSeesTheCondition() {
    Tensor x = Tensor.constant(evalX).rows(0, 4);
    Distribution withTrue = posterior(x, Tensor.constant(evalY).rows(0, 4));
    Distribution withZero = posterior(x, Tensor.constant(OneHotLabels.repeated(0, 4, 10)));
    Distribution withOne = posterior(x, Tensor.constant(OneHotLabels.repeated(1, 4, 10)));
    assertThat(withZero.mean().value().data).isNotEqualTo(withOne.mean().value().data);
    assertThat(withTrue.mean().value().data).isNotEqualTo(withOne.mean().value().data);
  }

  private static Distribution posterior(Tensor x, Tensor y) {
    Trace t = Trace.guide(trained.guide(), Batch.of(x, y), Rngs.create(1));
    return t.site("z").distribution();
  }

  @Test
  void aBatchWithoutAConditionIsRejectedWithAHint() {
    Batch unconditioned = Batch.of(Tensor.constant(evalX).rows(0, 2));
    assertThatThrownBy(() -> new Elbo().bound(trained.model(), trained.guide(), unconditioned,
        Rngs.create(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ConditionalVaeGuide")
        .hasMessageContaining("no condition")
        .hasMessageContaining("Batch.of(data, condition)");
    assertThatThrownBy(() -> Trace.generate(trained.model(), Batch.generate(2, null),
        Rngs.create(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ConditionalVaeModel");
  }

  @Test
  void aConditionOfTheWrongWidthIsRejectedNamingBothWidths() {
    Batch narrow = Batch.of(Tensor.constant(evalX).rows(0, 2),
        Tensor.constant(OneHotLabels.repeated(1, 2, 9)));
    assertThatThrownBy(() -> new Elbo().bound(trained.model(), trained.guide(), narrow,
        Rngs.create(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2x9")
        .hasMessageContaining("10 condition columns");
  }

  @Test
  void evaluationInMinibatchesAgreesWithOneBatch() {
    // One guide site drawn row by row: split into minibatches, the rows see the same noise.
    Elbo elbo = new Elbo();
    double whole;
    try (GradMode.Scope off = GradMode.disable()) {
      whole = elbo.bound(trained.model(), trained.guide(),
          Batch.of(Tensor.constant(evalX), Tensor.constant(evalY)), Rngs.create(3))
          .mean().item();
    }
    double chunked = new Evaluator(trained.model(), trained.guide()).meanBound(elbo,
        EvaluationData.conditioned(evalX, evalY), 30, Rngs.create(3));
    assertThat(chunked).isCloseTo(whole, within(1e-9));
    assertThatThrownBy(() -> EvaluationData.conditioned(evalX, OneHotLabels.repeated(1, 3, 10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("200 rows")
        .hasMessageContaining("3");
  }
}
