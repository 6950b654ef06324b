package org.latentj.inference.objectives.baselines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.model.Batch;
import org.latentj.nn.Activation;
import org.latentj.nn.Initializer;
import org.latentj.nn.Mlp;
import org.latentj.nn.Parameter;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;
import org.latentj.testing.GradientCheck;

/** What the baselines return: used before they are updated, and a differentiable fit. */
class NvilBaselineTest {

  static final Tensor X = Tensor.of(new double[][] {{1, 2}, {-1, 0.5}, {0, 0}});
  static final DMatrixRMaj COST = new DMatrixRMaj(new double[] {-4, -6, -5});

  @Test
  void decayingAverageIsUsedBeforeItLearnsFromTheStep() {
    DecayingAverageBaseline b = new DecayingAverageBaseline(0.5);
    Batch batch = Batch.of(X);
    // first step: baseline 0, so the signal is the cost; then the average is -5
    assertThat(b.signal("z", batch, COST).centred().data).containsExactly(-4, -6, -5);
    assertThat(b.signal("z", batch, COST).centred().data).containsExactly(1, -1, 0);
    // 0.5 * -5 + 0.5 * -5 = -5: unchanged; another site starts from 0
    assertThat(b.signal("y", batch, COST).centred().get(0)).isEqualTo(-4);
  }

  @Test
  void nvilCentresByTheRunningMeanAndItsNetworkAndFitsTheResidual() {
    Mlp net = new Mlp(new int[] {2, 4, 1}, Activation.TANH, Initializer.glorotNormal(),
        Rngs.create(1));
    NvilBaseline b = new NvilBaseline(net, List.of("z"), 0.9, false);
    Batch batch = Batch.of(X);
    Tensor prediction = b.predict("z", X);
    Baseline.Signal first = b.signal("z", batch, COST);
    for (int i = 0; i < 3; i++) {
      assertThat(first.centred().get(i)).isCloseTo(COST.get(i) - prediction.get(i, 0),
          within(1e-12));
    }
    double expectedLoss = 0;
    for (int i = 0; i < 3; i++) {
      expectedLoss += Math.pow(COST.get(i) - prediction.get(i, 0), 2) / 3;
    }
    assertThat(first.loss().item()).isCloseTo(expectedLoss, within(1e-12));
    // second step: the running mean (-5) is taken off before the network's share
    Baseline.Signal second = b.signal("z", batch, COST);
    assertThat(second.centred().get(0)).isCloseTo(-4 + 5 - prediction.get(0, 0), within(1e-12));
  }

  @Test
  void normalizationDividesByTheRunningDeviationOnlyAboveOne() {
    Mlp net = new Mlp(new int[] {2, 1}, Activation.TANH, Initializer.zeros(), Rngs.create(1));
    NvilBaseline b = new NvilBaseline(net, List.of("z"), 0.0, true);
    Batch batch = Batch.of(X);
    DMatrixRMaj wide = new DMatrixRMaj(new double[] {-10, 10, 0});
    b.signal("z", batch, wide); // residual variance now 200/3
    Baseline.Signal s = b.signal("z", batch, wide);
    assertThat(s.centred().get(0)).isCloseTo(-10 / Math.sqrt(200.0 / 3), within(1e-12));
  }

  @Test
  void theFitIsDifferentiableInTheNetwork() {
    Mlp net = new Mlp(new int[] {2, 5, 2}, Activation.TANH, Initializer.glorotNormal(),
        Rngs.create(2));
    NvilBaseline b = new NvilBaseline(net, List.of("z1", "z2"), 0.9, false);
    List<Tensor> leaves = new ArrayList<>();
    for (Parameter p : b.parameters().values()) {
      leaves.add(p.tensor());
    }
    GradientCheck.standard().checkLeaves("NVIL squared error",
        () -> NvilBaseline.squaredError(b.predict("z2", X), COST), leaves);
  }
}
