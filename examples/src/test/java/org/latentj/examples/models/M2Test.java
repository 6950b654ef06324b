package org.latentj.examples.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.ejml.data.DMatrixRMaj;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.latentj.inference.optim.Adam;
import org.latentj.inference.training.Gradients;
import org.latentj.inference.training.Svi;
import org.latentj.inference.data.Dataset;
import org.latentj.inference.objectives.TraceEnumElbo;
import org.latentj.model.Batch;
import org.latentj.model.Loss;
import org.latentj.nn.Parameter;
import org.latentj.tensor.DType;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

class M2Test {

  private static final int N = 4;

  private static Tensor images() {
    return Tensor.constant(SmallDigits.binaryTest(N).features());
  }

  /**
   * U(x) = sum_y q(y|x) (L(x, y) - log q(y|x)) (Kingma et al. 2014, eq. 7): the enumerated bound
   * on an unlabelled batch against L computed on the batch labelled with each class in turn. The
   * same seed gives both runs the same z draws (the enumerated guide draws z on the same
   * example-major rows, one per class).
   */
  @Test
  void theEnumeratedUnlabelledBoundIsTheSumOverTheTenLabels() {
    M2 m2 = M2.create(16, 3, 5);
    Tensor x = images();
    Tensor unlabelled = new TraceEnumElbo().bound(m2.model(), m2.guide(), Batch.of(x),
        Rngs.create(9));

    int[] every = new int[N * M2.CLASSES];
    for (int r = 0; r < every.length; r++) {
      every[r] = r % M2.CLASSES;
    }
    Batch eachLabel = Batch.of(x.repeatRows(M2.CLASSES),
        Tensor.constant(OneHotLabels.of(every, M2.CLASSES)));
    Tensor labelled = new TraceEnumElbo().bound(m2.model(), m2.guide(), eachLabel,
        Rngs.create(9));
    Tensor logits = m2.guide().classifier().network().forward(x).logSoftmax();
    for (int i = 0; i < N; i++) {
      double sum = 0;
      for (int c = 0; c < M2.CLASSES; c++) {
        double lq = logits.get(i, c);
        sum += Math.exp(lq) * (labelled.get(i * M2.CLASSES + c, 0) - lq);
      }
      assertThat(unlabelled.get(i, 0)).as("example %d", i).isCloseTo(sum, within(1e-9));
    }
  }

  /**
   * M2 converted to float32 sums its label out in float32: the unlabelled and labelled bounds
   * agree with float64's from the same weights and seed (to float32's rounding), and a few Adam
   * steps on float32 batches keep every bound finite.
   */
  @Test
  void m2RunsInFloat32() {
    M2 wide = M2.create(16, 3, 5);
    M2 narrow = M2.create(16, 3, 5);
    narrow.model().convertTo(DType.FLOAT32);
    narrow.guide().convertTo(DType.FLOAT32);
    Tensor x = images();
    Tensor y = Tensor.constant(OneHotLabels.of(new int[] {1, 7, 3, 0}, M2.CLASSES));
    for (Batch b : new Batch[] {Batch.of(x), Batch.of(x, y)}) {
      Batch b32 = b.hasCondition() ? Batch.of(x.to(DType.FLOAT32), y.to(DType.FLOAT32))
          : Batch.of(x.to(DType.FLOAT32));
      Tensor f64 = new TraceEnumElbo().bound(wide.model(), wide.guide(), b, Rngs.create(9));
      Tensor f32 = new TraceEnumElbo().bound(narrow.model(), narrow.guide(), b32, Rngs.create(9));
      assertThat(f32.dtype()).isEqualTo(DType.FLOAT32);
      for (int i = 0; i < N; i++) {
        assertThat(f32.get(i, 0)).as("example %d, labelled %s", i, b.hasCondition())
            .isCloseTo(f64.get(i, 0), within(1e-3 * Math.abs(f64.get(i, 0))));
      }
    }
    M2Objective objective = new M2Objective(4, 4, 0.1);
    Svi svi = new Svi(narrow.model(), narrow.guide(), objective, Adam.builder()
        .learningRate(1e-3).build(Svi.parametersOf(narrow.model(), narrow.guide())));
    UniformRandomProvider rng = Rngs.create(2);
    for (int step = 0; step < 4; step++) {
      Batch b = step % 2 == 0 ? Batch.of(x.to(DType.FLOAT32))
          : Batch.of(x.to(DType.FLOAT32), y.to(DType.FLOAT32));
      assertThat(svi.step(b, rng)).as("step %d", step).isFinite();
    }
  }

  /**
   * The objective remembers that the unlabelled guide enumerates y, so its later unlabelled calls
   * skip the discovery pass (and a labelled call in between, which enumerates nothing, does not
   * spoil the plan): the loss and every parameter's gradient equal a fresh objective's exactly,
   * on the same batch and noise.
   */
  @Test
  void aRememberedPlanGivesTheFreshBoundAndGradients() {
    M2 m2 = M2.create(16, 3, 5);
    Batch unlabelled = Batch.of(images());
    Batch labelled = Batch.of(images(), Tensor.constant(OneHotLabels.of(new int[] {1, 7, 3, 0},
        M2.CLASSES)));
    M2Objective reused = new M2Objective(10, 30, 0.5);
    reused.loss(m2.model(), m2.guide(), unlabelled, Rngs.create(1));
    reused.loss(m2.model(), m2.guide(), labelled, Rngs.create(1));
    for (Batch b : new Batch[] {unlabelled, labelled}) {
      Map<String, double[]> fresh = gradients(m2,
          new M2Objective(10, 30, 0.5).loss(m2.model(), m2.guide(), b, Rngs.create(3)));
      Map<String, double[]> remembered = gradients(m2,
          reused.loss(m2.model(), m2.guide(), b, Rngs.create(3)));
      assertThat(remembered.keySet()).isEqualTo(fresh.keySet());
      fresh.forEach((name, g) -> assertThat(remembered.get(name)).as("%s, labelled %s", name,
          b.hasCondition()).isEqualTo(g));
    }
  }

  /** The loss's bound and surrogate (keys "bound", "surrogate") and each parameter's gradient. */
  private static Map<String, double[]> gradients(M2 m2, Loss loss) {
    Map<String, Parameter> params =
        Svi.parametersOf(m2.model(), m2.guide());
    params.values().forEach(p -> p.tensor().zeroGrad());
    Gradients.backward(loss, m2.model(), m2.guide());
    Map<String, double[]> out = new TreeMap<>();
    out.put("bound", loss.bound().value().data.clone());
    out.put("surrogate", new double[] {loss.surrogates().get(0).value().item()});
    params.forEach((name, p) -> out.put(name, p.grad().data.clone()));
    return out;
  }

  /** A labelled step adds (alpha / N) log q(y|x) to the labelled share of the bound. */
  @Test
  void aLabelledStepAddsTheClassificationTerm() {
    M2 m2 = M2.create(16, 3, 5);
    Tensor x = images();
    Tensor y = Tensor.constant(OneHotLabels.of(new int[] {1, 7, 3, 0}, M2.CLASSES));
    Batch batch = Batch.of(x, y);
    M2Objective objective = new M2Objective(10, 30, 0.5);
    Loss loss = objective.loss(m2.model(), m2.guide(), batch, Rngs.create(3));
    double bound = new TraceEnumElbo().bound(m2.model(), m2.guide(), batch, Rngs.create(3))
        .mean().item();
    double logQ = m2.guide().classifier().given(x).logProb(y).mean().item();
    assertThat(loss.meanBound()).isCloseTo(bound, within(1e-12));
    assertThat(loss.surrogates().get(0).value().item())
        .isCloseTo(-(0.25 * bound + 0.5 * logQ), within(1e-9));
    Loss unlabelled = objective.loss(m2.model(), m2.guide(), Batch.of(x), Rngs.create(3));
    assertThat(unlabelled.surrogates().get(0).value().item())
        .isCloseTo(-0.75 * unlabelled.meanBound(), within(1e-9));
  }

  /** A tiny run trains M2 and the baseline end to end on balanced labels. */
  @Test
  void aTinyRunTrainsBothAndReportsTestErrors() {
    Dataset train = SmallDigits.train(300);
    int[] labels = train.labels().orElseThrow();
    int[] chosen = BalancedLabels.choose(labels, M2.CLASSES, 20, Rngs.create(1));
    int[] perClass = new int[M2.CLASSES];
    for (int r : chosen) {
      perClass[labels[r]]++;
    }
    assertThat(perClass).containsOnly(2);
    Dataset test = SmallDigits.binaryTest(100);
    DMatrixRMaj testX = test.features();
    int[] testLabels = test.labels().orElseThrow();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    M2Training.Result r = new M2Training(16, 3, 2, 50, 1e-3, 0.1, 2, 4).run(train.features(),
        labels, chosen, new M2Training.Evaluation(testX, testLabels, testX, testLabels),
        new PrintStream(log, true, StandardCharsets.UTF_8));
    assertThat(r.m2Test()).hasSize(2);
    // Validation and test are the same digits here, so early stopping picks the lowest test error.
    assertThat(r.m2Selected()).isEqualTo(Math.min(r.m2Test()[0], r.m2Test()[1]));
    assertThat(r.baselineSelected()).isEqualTo(Math.min(r.baselineTest()[0], r.baselineTest()[1]));
    for (int e = 0; e < 2; e++) {
      assertThat(r.mutualInformation()[e]).isBetween(0.0, Math.log(M2.CLASSES) + 1e-12);
      assertThat(r.generativeValidation()[e]).isBetween(0.0, 1.0);
    }
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("20 labels, seed 4, epoch 2");
  }

  @Test
  void unbalancedLabelCountsAreRefused() {
    assertThatThrownBy(() -> BalancedLabels.choose(new int[] {0, 1, 2}, 10, 15, Rngs.create(1)))
        .hasMessageContaining("cannot be split evenly over 10 classes");
  }
}
