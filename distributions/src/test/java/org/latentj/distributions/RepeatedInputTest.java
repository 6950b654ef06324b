package org.latentj.distributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.model.Posterior;
import org.latentj.nn.Activation;
import org.latentj.nn.Initializer;
import org.latentj.nn.Layer;
import org.latentj.nn.Mlp;
import org.latentj.nn.Parameter;
import org.latentj.tensor.GradMode;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;
import org.latentj.testing.GradientCheck;
import org.junit.jupiter.api.Test;

/**
 * A conditional distribution given k repeated rows runs a row-wise network once on the distinct
 * rows: the result must be the one of running it on the materialised copies, values and
 * gradients, and a layer that is not row-wise must still see every copy.
 */
class RepeatedInputTest {

  private static final int K = 4;

  private final UniformRandomProvider rng = Rngs.create(7);
  private final Mlp encoder = new Mlp(new int[] {5, 6, 6}, Activation.TANH,
      Initializer.glorotUniform(), rng);
  private final Posterior posterior = new Posterior(encoder, NormalHead.meanAndLogVariance());
  private final DMatrixRMaj x = randomMatrix(3, 5, rng);
  private final DMatrixRMaj z = randomMatrix(3 * K, 3, rng);

  @Test
  void sameLogDensityAsOnMaterialisedCopies() {
    Tensor repeated = Tensor.constant(x).repeatRows(K);
    Tensor copies = Tensor.constant(repeated.value().copy());
    assertThat(copies.repetition()).isEmpty();
    DMatrixRMaj shared = posterior.given(repeated).logProb(Tensor.constant(z)).value();
    DMatrixRMaj separate = posterior.given(copies).logProb(Tensor.constant(z)).value();
    for (int i = 0; i < shared.data.length; i++) {
      assertThat(shared.data[i]).isCloseTo(separate.data[i], within(1e-12));
    }
  }

  @Test
  void parameterGradientsPassTheFiniteDifferenceCheck() {
    GradientCheck.standard().checkLeaves("posterior on repeated rows",
        () -> posterior.given(Tensor.constant(x).repeatRows(K))
            .logProb(Tensor.constant(z)).sum(), leaves());
  }

  @Test
  void inputGradientPassesTheFiniteDifferenceCheck() {
    GradientCheck.standard().check("input through repeated rows",
        in -> posterior.given(in[0].repeatRows(K)).logProb(Tensor.constant(z)).sum(), x);
  }

  @Test
  void rowsRepeatedWithoutAGraphStayCutFromIt() {
    Tensor input = Tensor.variable(x.copy());
    Tensor repeated;
    try (GradMode.Scope off = GradMode.disable()) {
      repeated = input.repeatRows(K);
    }
    posterior.given(repeated).logProb(Tensor.constant(z)).sum().backward();
    assertThat(input.grad()).isNull();
  }

  @Test
  void rowWiseNetworkSeesOnlyTheDistinctRows() {
    RowCounter counter = new RowCounter(true);
    new Posterior(counter, NormalHead.meanAndLogVariance())
        .given(Tensor.constant(x).repeatRows(K));
    assertThat(counter.rowsSeen).isEqualTo(3);
  }

  @Test
  void otherNetworksSeeEveryCopy() {
    RowCounter counter = new RowCounter(false);
    new Posterior(counter, NormalHead.meanAndLogVariance())
        .given(Tensor.constant(x).repeatRows(K));
    assertThat(counter.rowsSeen).isEqualTo(3 * K);
  }

  private List<Tensor> leaves() {
    return encoder.parameters().values().stream().map(Parameter::tensor).toList();
  }

  private static DMatrixRMaj randomMatrix(int rows, int cols, UniformRandomProvider rng) {
    DMatrixRMaj m = new DMatrixRMaj(rows, cols);
    for (int i = 0; i < m.data.length; i++) {
      m.data[i] = rng.nextDouble() * 2 - 1;
    }
    return m;
  }

  /** Maps 5 columns to the 6 a three-dimensional Normal head needs; counts the rows it sees. */
  private static final class RowCounter extends Layer {
    private final boolean rowWise;
    private int rowsSeen;

    RowCounter(boolean rowWise) {
      this.rowWise = rowWise;
    }

    @Override
    public Tensor forward(Tensor input) {
      rowsSeen += input.rows();
      return Tensor.concatColumns(input, input.columns(0, 1)).mul(0.1);
    }

    @Override
    public boolean rowWise() {
      return rowWise;
    }
  }
}
