package org.latentj.inference.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.latentj.model.Optimizer;
import org.latentj.nn.Parameter;
import org.latentj.tensor.Tensor;

/**
 * Every optimizer minimizes an ill-conditioned quadratic (curvatures 1 to 1000) whose gradients
 * come from the Tensor graph, with a schedule driving the rate where the algorithm needs one to
 * settle: the loss must fall by a factor of 10^4.
 */
class ConvergenceTest {

  private static final double[] CURVATURE = {1, 10, 100, 300, 1000};
  private static final double[] TARGET = {1, -2, 0.5, 3, -1};
  private static final int STEPS_PER_EPOCH = 100;

  /**
   * A Householder reflection {@code I - 2 u u^T / (u^T u)}: it turns the quadratic's axes away
   * from the coordinate axes, so per-coordinate step sizes cannot undo the conditioning.
   */
  private static final Tensor ROTATION = householder(1, -2, 3, 1, 2);

  private static Tensor householder(double... u) {
    double uu = 0;
    for (double x : u) {
      uu += x * x;
    }
    DMatrixRMaj h = new DMatrixRMaj(u.length, u.length);
    for (int i = 0; i < u.length; i++) {
      for (int j = 0; j < u.length; j++) {
        h.set(i, j, (i == j ? 1 : 0) - 2 * u[i] * u[j] / uu);
      }
    }
    return Tensor.constant(h);
  }

  /** {@code 1/2 sum_j c_j ((w - t) H)_j^2}, built as a graph on {@code w}. */
  private static Tensor loss(Parameter w) {
    return w.tensor().sub(Tensor.row(TARGET)).matmul(ROTATION).square()
        .mul(Tensor.row(CURVATURE)).sum().mul(0.5);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        row("sgd", Sgd.builder()::build, LearningRateSchedule.constant(0.0015), 20),
        row("sgd momentum", Sgd.builder().momentum(0.9)::build,
            LearningRateSchedule.constant(0.001), 5),
        row("sgd nesterov", Sgd.builder().momentum(0.9).nesterov(true)::build,
            LearningRateSchedule.constant(0.001), 5),
        row("adagrad", Adagrad.builder()::build, LearningRateSchedule.constant(1.0), 10),
        row("rmsprop", RmsProp.builder()::build, LearningRateSchedule.exponential(0.05, 0.7),
            20),
        row("rmsprop centered momentum", RmsProp.builder().momentum(0.5).centered(true)::build,
            LearningRateSchedule.exponential(0.03, 0.7), 20),
        row("adam", Adam.builder()::build, LearningRateSchedule.stepDecay(0.1, 2, 0.5), 20),
        row("adamw", AdamW.builder().weightDecay(1e-6)::build,
            LearningRateSchedule.cosine(0.1, 0, 20), 20));
  }

  private static Arguments row(String name, Function<Map<String, Parameter>, Optimizer> factory,
      LearningRateSchedule schedule, int epochs) {
    return Arguments.of(name, factory, schedule, epochs);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void lossFallsTenThousandFold(String name, Function<Map<String, Parameter>, Optimizer> factory,
      LearningRateSchedule schedule, int epochs) {
    Parameter w = new Parameter("w", new DMatrixRMaj(1, CURVATURE.length));
    Optimizer optimizer = factory.apply(Map.of("w", w));
    double initial = loss(w).item();
    for (int epoch = 0; epoch < epochs; epoch++) {
      schedule.applyTo(optimizer, epoch);
      for (int s = 0; s < STEPS_PER_EPOCH; s++) {
        optimizer.zeroGrad();
        loss(w).backward();
        optimizer.step();
      }
    }
    double last = loss(w).item();
    assertThat(last).as("%s: final loss, from %s", name, initial).isLessThan(initial * 1e-4);
  }
}
