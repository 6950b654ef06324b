package org.latentj.examples.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.inference.objectives.Elbo;
import org.latentj.model.Batch;
import org.latentj.model.Program;
import org.latentj.model.Trace;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

class FullVbTest {

  private static final int N = 1000;
  private static final int M = 10;

  private static final FullVbTraining TINY = new FullVbTraining(2, 6, 2, 1, 50, 1e-3, 0.05, 3);

  /**
   * With the data in a plate of N of which the minibatch holds M, each example's reported bound
   * is its own unscaled term plus 1/N of the weights' log p(theta) - log q(theta): the global
   * KL enters once per data set, not once per minibatch or per example.
   */
  @Test
  void theWeightsTermEntersOncePerDataSet() {
    Program[] vb = TINY.bayesian(N);
    Batch batch = Batch.of(Tensor.constant(SmallDigits.binaryTest(M).features()));
    Tensor bound = new Elbo().bound(vb[0], vb[1], batch, Rngs.create(7));

    Trace g = Trace.guide(vb[1], batch, Rngs.create(7));
    Trace m = Trace.replay(vb[0], batch, g);
    double global = 0;
    for (String w : new String[] {"w1", "b1", "w2", "b2"}) {
      Tensor value = g.site(w).value();
      global += m.site(w).distribution().logProb(value).sum().item()
          - g.site(w).distribution().logProb(value).sum().item();
    }
    Tensor z = g.site("z").value();
    Tensor own = m.site("x").distribution().logProb(m.site("x").value())
        .add(m.site("z").distribution().logProb(z)).sub(g.site("z").distribution().logProb(z));
    assertThat(m.site("x").scale()).isEqualTo((double) N / M);
    for (int i = 0; i < M; i++) {
      assertThat(bound.get(i, 0)).as("example %d", i)
          .isCloseTo(own.get(i, 0) + global / N, within(1e-9));
    }
  }

  /** The matrix a weight site holds, row-major, is what the decoder multiplies by. */
  @Test
  void aWeightRowIsLaidOutRowMajor() {
    DMatrixRMaj m = BayesianDecoder.asMatrix(Tensor.row(1, 2, 3, 4, 5, 6), 2, 3).value();
    assertThat(m.numRows).isEqualTo(2);
    assertThat(m.data).containsExactly(1, 2, 3, 4, 5, 6);
  }

  @Test
  void aTinyRunTrainsBothModels() {
    DMatrixRMaj train = SmallDigits.binaryTest(200).features();
    DMatrixRMaj test = SmallDigits.binaryTest(100).features();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
    FullVbTraining.Curve vb = TINY.run("vb", TINY.bayesian(train.numRows), train, test, out);
    FullVbTraining.Curve point = TINY.run("point", TINY.pointEstimate(), train, test, out);
    assertThat(vb.points()).hasSize(2);
    assertThat(vb.last().trainBound()).isFinite().isNegative();
    assertThat(point.last().testBound()).isFinite().isNegative();
    assertThat(vb.points().get(1).trainBound()).isGreaterThan(vb.points().get(0).trainBound());
  }

  @Test
  void moreThanOneParticleIsRefused() {
    Program[] vb = TINY.bayesian(N);
    Batch batch = Batch.of(Tensor.constant(SmallDigits.binaryTest(M).features()));
    assertThatThrownBy(() -> new Elbo(2).bound(vb[0], vb[1], batch, Rngs.create(1)))
        .hasMessageContaining("takes one particle");
  }
}
