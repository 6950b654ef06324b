package org.latentj.inference.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.latentj.model.Optimizer;
import org.latentj.nn.Parameter;

/**
 * Each optimizer against an independent scalar implementation written from the published
 * formula (PyTorch's documented algorithm), for five steps on three parameters with known
 * gradients; plus a few values worked out by hand.
 */
class OptimizerReferenceTest {

  /** Gradients of the five elements (1x2, 2x1, 1x1 parameters) at steps 1..5. */
  private static final double[][] GRADIENTS = {
      {0.3, -1.2, 0.0, 2.5, -0.7},
      {-0.4, -0.9, 0.1, 1.5, 0.2},
      {0.8, 0.3, -0.2, -0.5, 0.05},
      {0.1, -1.0, 0.0, 0.9, -1.3},
      {-0.6, 0.4, 0.3, 0.2, 0.6}};

  /** A per-element reference: updates {@code p} (Modified) from {@code g} at step {@code t}. */
  interface Reference {
    void step(double[] p, double[] g, int t);
  }

  static Reference sgd(double lr, double mu, boolean nesterov, double wd) {
    double[] v = new double[5];
    return (p, g, t) -> {
      for (int i = 0; i < p.length; i++) {
        double gi = g[i] + wd * p[i];
        double d = gi;
        if (mu > 0) {
          v[i] = mu * v[i] + gi;
          d = nesterov ? gi + mu * v[i] : v[i];
        }
        p[i] = p[i] - lr * d;
      }
    };
  }

  static Reference adagrad(double lr, double eps, double initial, double wd) {
    double[] sum = {initial, initial, initial, initial, initial};
    return (p, g, t) -> {
      for (int i = 0; i < p.length; i++) {
        double gi = g[i] + wd * p[i];
        sum[i] = sum[i] + gi * gi;
        p[i] = p[i] - lr * gi / (Math.sqrt(sum[i]) + eps);
      }
    };
  }

  static Reference rmsProp(double lr, double alpha, double eps, double mu, boolean centered,
      double wd) {
    double[] v = new double[5];
    double[] avg = new double[5];
    double[] buf = new double[5];
    return (p, g, t) -> {
      for (int i = 0; i < p.length; i++) {
        double gi = g[i] + wd * p[i];
        v[i] = alpha * v[i] + (1 - alpha) * gi * gi;
        double vt = v[i];
        if (centered) {
          avg[i] = alpha * avg[i] + (1 - alpha) * gi;
          vt = vt - avg[i] * avg[i];
        }
        if (mu > 0) {
          buf[i] = mu * buf[i] + gi / (Math.sqrt(vt) + eps);
          p[i] = p[i] - lr * buf[i];
        } else {
          p[i] = p[i] - lr * gi / (Math.sqrt(vt) + eps);
        }
      }
    };
  }

  /** Kingma &amp; Ba, Algorithm 1, with PyTorch's L2 term and (AdamW) decoupled decay. */
  static Reference adam(double lr, double b1, double b2, double eps, double l2, double decoupled) {
    double[] m = new double[5];
    double[] v = new double[5];
    return (p, g, t) -> {
      for (int i = 0; i < p.length; i++) {
        p[i] = p[i] - lr * decoupled * p[i];
        double gi = g[i] + l2 * p[i];
        m[i] = b1 * m[i] + (1 - b1) * gi;
        v[i] = b2 * v[i] + (1 - b2) * gi * gi;
        double mHat = m[i] / (1 - Math.pow(b1, t));
        double vHat = v[i] / (1 - Math.pow(b2, t));
        p[i] = p[i] - lr * mHat / (Math.sqrt(vHat) + eps);
      }
    };
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        row("sgd", Sgd.builder().learningRate(0.1)::build, sgd(0.1, 0, false, 0)),
        row("sgd wd", Sgd.builder().learningRate(0.1).weightDecay(0.05)::build,
            sgd(0.1, 0, false, 0.05)),
        row("sgd momentum", Sgd.builder().learningRate(0.1).momentum(0.9)::build,
            sgd(0.1, 0.9, false, 0)),
        row("sgd nesterov wd", Sgd.builder().learningRate(0.1).momentum(0.9).nesterov(true)
            .weightDecay(0.01)::build, sgd(0.1, 0.9, true, 0.01)),
        row("adagrad", Adagrad.builder().learningRate(0.5)::build, adagrad(0.5, 1e-10, 0, 0)),
        row("adagrad init wd", Adagrad.builder().learningRate(0.5).initialAccumulator(0.1)
            .eps(1e-6).weightDecay(0.02)::build, adagrad(0.5, 1e-6, 0.1, 0.02)),
        row("rmsprop", RmsProp.builder().learningRate(0.01).alpha(0.9)::build,
            rmsProp(0.01, 0.9, 1e-8, 0, false, 0)),
        row("rmsprop centered", RmsProp.builder().learningRate(0.01).alpha(0.9)
            .centered(true)::build, rmsProp(0.01, 0.9, 1e-8, 0, true, 0)),
        row("rmsprop momentum", RmsProp.builder().learningRate(0.01).momentum(0.5)::build,
            rmsProp(0.01, 0.99, 1e-8, 0.5, false, 0)),
        row("rmsprop centered momentum wd", RmsProp.builder().learningRate(0.02).alpha(0.8)
            .eps(1e-4).momentum(0.7).centered(true).weightDecay(0.1)::build,
            rmsProp(0.02, 0.8, 1e-4, 0.7, true, 0.1)),
        row("adam", Adam.builder().learningRate(0.1)::build,
            adam(0.1, 0.9, 0.999, 1e-8, 0, 0)),
        row("adam wd", Adam.builder().learningRate(0.1).beta1(0.5).beta2(0.9).eps(1e-4)
            .weightDecay(0.1)::build, adam(0.1, 0.5, 0.9, 1e-4, 0.1, 0)),
        row("adamw", AdamW.builder().learningRate(0.1).weightDecay(0.1)::build,
            adam(0.1, 0.9, 0.999, 1e-8, 0, 0.1)));
  }

  private static Arguments row(String name, Function<Map<String, Parameter>, Optimizer> factory,
      Reference reference) {
    return Arguments.of(name, factory, reference);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesTheScalarReferenceForFiveSteps(String name,
      Function<Map<String, Parameter>, Optimizer> factory, Reference reference) {
    Map<String, Parameter> params = Fixtures.threeParameters();
    double[] expected = Fixtures.values(params);
    Optimizer optimizer = factory.apply(params);
    for (int t = 1; t <= GRADIENTS.length; t++) {
      Fixtures.setGradients(params, GRADIENTS[t - 1]);
      optimizer.step();
      reference.step(expected, GRADIENTS[t - 1], t);
      double[] actual = Fixtures.values(params);
      for (int i = 0; i < expected.length; i++) {
        assertThat(actual[i]).as("%s step %d element %d", name, t, i)
            .isCloseTo(expected[i], within(1e-13 * Math.max(1, Math.abs(expected[i]))));
      }
    }
    assertThat(optimizer.steps()).isEqualTo(GRADIENTS.length);
    // step() reads the gradients and leaves them as they were.
    double[] grads = new double[5];
    int j = 0;
    for (Parameter p : params.values()) {
      for (int i = 0; i < p.grad().getNumElements(); i++) {
        grads[j++] = p.grad().data[i];
      }
    }
    assertThat(grads).containsExactly(GRADIENTS[GRADIENTS.length - 1]);
    optimizer.zeroGrad();
    for (Parameter p : params.values()) {
      assertThat(p.grad().data).containsOnly(0.0);
    }
  }

  /** One scalar parameter {@code p0}, stepped with gradient {@code g} each time. */
  private static double[] trajectory(Function<Map<String, Parameter>, Optimizer> factory,
      double p0, double g, int steps) {
    Map<String, Parameter> params = new LinkedHashMap<>();
    params.put("x", new Parameter("x", new DMatrixRMaj(1, 1, true, p0)));
    Optimizer optimizer = factory.apply(params);
    double[] out = new double[steps];
    for (int t = 0; t < steps; t++) {
      params.get("x").grad().data[0] = g;
      optimizer.step();
      out[t] = params.get("x").value().data[0];
    }
    return out;
  }

  @Test
  void heavyBallByHand() {
    // v = 1, 1.9, 2.71; p = 1 - 0.1 v cumulated: 0.9, 0.71, 0.439.
    assertThat(trajectory(Sgd.builder().learningRate(0.1).momentum(0.9)::build, 1, 1, 3))
        .containsExactly(new double[] {0.9, 0.71, 0.439}, within(1e-15));
  }

  @Test
  void nesterovByHand() {
    // Step 1: v = 1, p = 1 - 0.1 (1 + 0.9) = 0.81; step 2: v = 1.9, p = 0.81 - 0.1 (1 + 1.71).
    assertThat(trajectory(Sgd.builder().learningRate(0.1).momentum(0.9).nesterov(true)::build,
        1, 1, 2)).containsExactly(new double[] {0.81, 0.539}, within(1e-15));
  }

  @Test
  void adagradByHand() {
    // G = 4 then 8: p = 1 - 0.1 * 2 / 2 = 0.9, then 0.9 - 0.2 / sqrt(8) = 0.829289321881345.
    assertThat(trajectory(Adagrad.builder().learningRate(0.1)::build, 1, 2, 2))
        .containsExactly(new double[] {0.9, 0.829289321881345}, within(1e-9));
  }

  @Test
  void rmsPropByHand() {
    // v = 0.01 g^2 = 0.01, so the first step is lr * 1 / (0.1 + 1e-8), about 0.1.
    assertThat(trajectory(RmsProp.builder().learningRate(0.01)::build, 0, 1, 1)[0])
        .isCloseTo(-0.01 / (0.1 + 1e-8), within(1e-15));
  }

  @Test
  void adamStepsByTheLearningRateUnderAConstantGradient() {
    // Bias correction makes mHat = g and vHat = g^2 exactly, so each step is lr g / (|g| + eps).
    assertThat(trajectory(Adam.builder().learningRate(0.1)::build, 1, 0.5, 3))
        .containsExactly(new double[] {0.9, 0.8, 0.7}, within(1e-7));
  }

  @Test
  void adamWShrinksBeforeTheAdamStep() {
    // p = 1 * (1 - 0.1 * 0.1) - 0.1 * 0.5 / (0.5 + 1e-8).
    assertThat(trajectory(AdamW.builder().learningRate(0.1).weightDecay(0.1)::build, 1, 0.5,
        1)[0]).isCloseTo(0.99 - 0.1 * 0.5 / (0.5 + 1e-8), within(1e-15));
  }

  @Test
  void zeroGradientLeavesParametersUnchangedAndFinite() {
    // An unused parameter (gradient 0 from the start) must not move, nor become 0/0.
    List<Function<Map<String, Parameter>, Optimizer>> factories = List.of(
        Sgd.builder().momentum(0.9).nesterov(true)::build,
        Adagrad.builder()::build,
        RmsProp.builder().momentum(0.9).centered(true)::build,
        Adam.builder()::build,
        AdamW.builder().weightDecay(0)::build);
    for (Function<Map<String, Parameter>, Optimizer> factory : factories) {
      assertThat(trajectory(factory, 0.5, 0, 3)).containsOnly(0.5);
    }
  }
}
