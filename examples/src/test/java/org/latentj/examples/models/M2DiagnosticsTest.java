package org.latentj.examples.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.distributions.CategoricalHead;
import org.latentj.model.Posterior;
import org.latentj.nn.Layer;
import org.latentj.tensor.Tensor;

class M2DiagnosticsTest {

  /** A classifier whose logits are its input, so a test chooses q(y | x) row by row. */
  private static Posterior logitsAsInput() {
    Layer identity = new Layer() {
      @Override
      public Tensor forward(Tensor input) {
        return input;
      }
    };
    return new Posterior(identity, CategoricalHead.oneHot());
  }

  private static double entropy(double... p) {
    double h = 0;
    for (double v : p) {
      h -= v * Math.log(v);
    }
    return h;
  }

  /** Rows q = (0.8, 0.2) and (0.2, 0.8): I = H(0.5, 0.5) - H(0.8, 0.2). */
  @Test
  void mutualInformationIsMarginalLessConditionalEntropy() {
    DMatrixRMaj logits = new DMatrixRMaj(new double[][] {
        {Math.log(0.8), Math.log(0.2)}, {Math.log(0.2), Math.log(0.8)}});
    assertThat(M2Diagnostics.mutualInformation(logitsAsInput(), logits))
        .isCloseTo(entropy(0.5, 0.5) - entropy(0.8, 0.2), within(1e-12));
  }

  /** The same answer for every input carries no information about it. */
  @Test
  void aConstantClassifierHasNoMutualInformation() {
    DMatrixRMaj logits = new DMatrixRMaj(new double[][] {{1, 2, 3}, {1, 2, 3}, {1, 2, 3}});
    assertThat(M2Diagnostics.mutualInformation(logitsAsInput(), logits))
        .isCloseTo(0, within(1e-12));
  }

  /** Confident and balanced over three classes: log 3 nats. */
  @Test
  void aConfidentBalancedClassifierHasLogClassesNats() {
    DMatrixRMaj logits = new DMatrixRMaj(new double[][] {{60, 0, 0}, {0, 60, 0}, {0, 0, 60}});
    assertThat(M2Diagnostics.mutualInformation(logitsAsInput(), logits))
        .isCloseTo(Math.log(3), within(1e-9));
  }
}
