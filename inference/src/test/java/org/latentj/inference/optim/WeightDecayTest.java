package org.latentj.inference.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.model.Optimizer;
import org.latentj.nn.Parameter;
import org.latentj.tensor.Tensor;

/**
 * Coupled weight decay with {@link WeightDecay#gaussianPrior} is exactly gradient descent on the
 * minibatch-mean loss plus the N(0, s^2 I) prior's share {@code ||theta||^2 / (2 s^2 N)}.
 */
class WeightDecayTest {

  private static final long N = 50;
  private static final double PRIOR_VARIANCE = 0.5;
  private static final Tensor X = Tensor.of(new double[][] {{1, 2}, {-1, 0.5}, {0.3, -2}});
  private static final Tensor Y = Tensor.column(1, -1, 2);

  /** The minibatch mean of squared errors of a linear model {@code x w}. */
  private static Tensor meanLoss(Parameter w) {
    return X.matmul(w.tensor()).sub(Y).square().mean();
  }

  /** Runs three steps; {@code explicitPrior} adds the prior term to the graph itself. */
  private static double[] train(Function<Map<String, Parameter>, Optimizer> factory,
      boolean explicitPrior) {
    Parameter w = new Parameter("w", new DMatrixRMaj(2, 1, true, 0.7, -0.4));
    Optimizer optimizer = factory.apply(Map.of("w", w));
    for (int t = 0; t < 3; t++) {
      optimizer.zeroGrad();
      Tensor loss = meanLoss(w);
      if (explicitPrior) {
        loss = loss.add(w.tensor().square().sum().div(2 * PRIOR_VARIANCE * N));
      }
      loss.backward();
      optimizer.step();
    }
    return w.value().data.clone();
  }

  @Test
  void coupledDecayEqualsTheExplicitPriorTerm() {
    double lambda = WeightDecay.gaussianPrior(PRIOR_VARIANCE, N);
    assertThat(lambda).isEqualTo(1.0 / (N * PRIOR_VARIANCE));
    assertThat(train(Sgd.builder().learningRate(0.1).momentum(0.5).weightDecay(lambda)::build,
        false)).containsExactly(train(Sgd.builder().learningRate(0.1).momentum(0.5)::build, true),
            within(1e-15));
    assertThat(train(Adam.builder().learningRate(0.1).weightDecay(lambda)::build, false))
        .containsExactly(train(Adam.builder().learningRate(0.1)::build, true), within(1e-15));
    assertThat(train(Adagrad.builder().learningRate(0.1).weightDecay(lambda)::build, false))
        .containsExactly(train(Adagrad.builder().learningRate(0.1)::build, true), within(1e-15));
    // And the decay matters at this size: without it the result differs.
    assertThat(train(Adam.builder().learningRate(0.1)::build, false)[0])
        .isNotCloseTo(train(Adam.builder().learningRate(0.1)::build, true)[0], within(1e-6));
  }

  @Test
  void summedLossScalesByTheMinibatch() {
    assertThat(WeightDecay.gaussianPriorForSummedLoss(1, 60000, 100)).isEqualTo(100 / 60000.0);
    assertThat(WeightDecay.gaussianPrior(1, 60000)).isEqualTo(1 / 60000.0);
  }

  @Test
  void argumentsAreValidated() {
    assertThatThrownBy(() -> WeightDecay.gaussianPrior(Double.NaN, 10))
        .hasMessageContaining("WeightDecay: priorVariance must be finite and > 0, got NaN");
    assertThatThrownBy(() -> WeightDecay.gaussianPrior(1, 0))
        .hasMessageContaining("WeightDecay: datasetSize must be >= 1, got 0");
    assertThatThrownBy(() -> WeightDecay.gaussianPriorForSummedLoss(1, 10, 20))
        .hasMessageContaining("WeightDecay: minibatchSize 20 exceeds datasetSize 10");
  }
}
