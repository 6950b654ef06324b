package org.latentj.distributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.nn.Parameter;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;
import org.latentj.testing.GradientCheck;
import org.latentj.testing.Matrices;

/** Each head builds the right family with the right parameters, and checks the raw width. */
class HeadsTest {

  private static final Tensor RAW = Tensor.constant(Matrices.normal(Rngs.create(71), 3, 4));

  @Test
  void meanAndLogVarianceSplitsTheRawOutputInHalves() {
    NormalHead head = NormalHead.meanAndLogVariance();
    assertThat(head.rawColumnsPerEventColumn()).isEqualTo(2);
    assertThat(head.rawColumns(2)).isEqualTo(4);
    assertThat(head.parameters()).isEmpty();
    Normal d = head.distribution(RAW);
    assertThat(d.batchSize()).isEqualTo(3);
    assertThat(d.eventSize()).isEqualTo(2);
    assertSame(d.loc(), RAW.columns(0, 2));
    assertSame(d.logVariance(), RAW.columns(2, 4));
  }

  @Test
  void meanAndLogVarianceRejectsAnOddWidth() {
    assertThatThrownBy(() -> NormalHead.meanAndLogVariance().distribution(RAW.columns(0, 3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NormalHead: raw output has 3 columns, expected a multiple of 2");
  }

  @Test
  void learnedVarianceRegistersAUnitVarianceParameterShapedLikeTheEvent() {
    NormalHead head = NormalHead.learnedVariance(4);
    assertThat(head.rawColumnsPerEventColumn()).isEqualTo(1);
    assertThat(head.parameters()).containsOnlyKeys("logVariance");
    Parameter logVariance = head.parameters().get("logVariance");
    assertThat(logVariance.rows()).isEqualTo(1);
    assertThat(logVariance.cols()).isEqualTo(4);
    Normal d = head.distribution(RAW);
    assertSame(d.loc(), RAW);
    assertThat(d.logVariance()).isSameAs(logVariance.tensor());
    assertSame(d.variance(), Tensor.filled(3, 4, 1.0));
  }

  @Test
  void learnedVarianceReceivesTheGradientOfTheLogLikelihood() {
    NormalHead head = NormalHead.learnedVariance(4);
    Parameter logVariance = head.parameters().get("logVariance");
    logVariance.value().setTo(new DMatrixRMaj(new double[][] {{0.3, -0.5, 1.2, 0.0}}));
    Tensor x = Tensor.constant(Matrices.normal(Rngs.create(72), 3, 4));
    head.zeroGrad();
    head.distribution(RAW).logProb(x).sum().backward();
    // d/d(logvar_j) of sum_i -1/2 [logvar_j + (x_ij - mu_ij)^2 e^-logvar_j]
    for (int j = 0; j < 4; j++) {
      double expected = 0;
      for (int i = 0; i < 3; i++) {
        double r = x.get(i, j) - RAW.get(i, j);
        expected += -0.5 * (1 - r * r * Math.exp(-logVariance.value().get(0, j)));
      }
      assertThat(logVariance.grad().get(0, j)).isCloseTo(expected, within(1e-12));
    }
    GradientCheck.standard().checkLeaves("learned log-variance",
        () -> head.distribution(RAW).logProb(x), List.of(logVariance.tensor()));
  }

  @Test
  void learnedVarianceRejectsAnotherWidth() {
    assertThatThrownBy(() -> NormalHead.learnedVariance(3).distribution(RAW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NormalHead: raw output has 4 columns, expected 3");
    assertThatThrownBy(() -> NormalHead.learnedVariance(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eventSize");
  }

  @Test
  void sigmoidMeanAndLogVarianceMatchesTheClosedForm() {
    NormalHead head = NormalHead.sigmoidMeanAndLogVariance();
    assertThat(head.rawColumnsPerEventColumn()).isEqualTo(2);
    assertThat(head.sigmoidMean()).isTrue();
    assertThat(head.parameters()).isEmpty();
    Tensor x = Tensor.constant(Matrices.uniform(Rngs.create(76), 3, 2, 0.05, 0.95));
    Tensor logProb = head.distribution(RAW).logProb(x);
    for (int i = 0; i < 3; i++) {
      double expected = 0;
      for (int j = 0; j < 2; j++) {
        expected += sigmoidMeanLogDensity(x.get(i, j), RAW.get(i, j), RAW.get(i, j + 2));
      }
      assertThat(logProb.get(i, 0)).isCloseTo(expected, within(1e-12));
    }
    Normal d = head.distribution(RAW);
    for (double m : d.loc().value().data) {
      assertThat(m).isStrictlyBetween(0.0, 1.0);
    }
    assertThatThrownBy(() -> head.distribution(RAW.columns(0, 3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NormalHead: raw output has 3 columns, expected a multiple of 2");
  }

  @Test
  void sigmoidMeanLearnedVarianceMatchesTheClosedForm() {
    NormalHead head = NormalHead.sigmoidMeanLearnedVariance(4);
    Parameter logVariance = head.parameters().get("logVariance");
    logVariance.value().setTo(new DMatrixRMaj(new double[][] {{0.3, -0.5, 1.2, 0.0}}));
    Tensor x = Tensor.constant(Matrices.uniform(Rngs.create(77), 3, 4, 0.05, 0.95));
    Tensor logProb = head.distribution(RAW).logProb(x);
    for (int i = 0; i < 3; i++) {
      double expected = 0;
      for (int j = 0; j < 4; j++) {
        expected += sigmoidMeanLogDensity(x.get(i, j), RAW.get(i, j),
            logVariance.value().get(0, j));
      }
      assertThat(logProb.get(i, 0)).isCloseTo(expected, within(1e-12));
    }
    GradientCheck.standard().checkLeaves("sigmoid mean, learned log-variance",
        () -> head.distribution(RAW).logProb(x), List.of(logVariance.tensor()));
    assertThatThrownBy(() -> NormalHead.sigmoidMeanLearnedVariance(3).distribution(RAW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NormalHead: raw output has 4 columns, expected 3");
    assertThatThrownBy(() -> NormalHead.sigmoidMeanLearnedVariance(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NormalHead.sigmoidMeanLearnedVariance: eventSize");
  }

  @Test
  void fixedVarianceUsesTheRawOutputAsTheMean() {
    NormalHead head = NormalHead.fixedVariance(0.25);
    assertThat(head.parameters()).isEmpty();
    Normal d = head.distribution(RAW);
    assertSame(d.loc(), RAW);
    assertSame(d.variance(), Tensor.filled(3, 4, 0.25));
    assertSame(d.scale(), Tensor.filled(1, 4, 0.5));
  }

  @Test
  void fixedVarianceMustBeFiniteAndPositive() {
    for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> NormalHead.fixedVariance(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("NormalHead.fixedVariance: variance");
    }
  }

  @Test
  void bernoulliHeadsUseTheRawOutputAsLogits() {
    BernoulliHead bernoulli = new BernoulliHead();
    assertThat(bernoulli.rawColumnsPerEventColumn()).isEqualTo(1);
    assertThat(bernoulli.distribution(RAW).logits()).isSameAs(RAW);
    ContinuousBernoulliHead continuous = new ContinuousBernoulliHead();
    assertThat(continuous.rawColumnsPerEventColumn()).isEqualTo(1);
    assertThat(continuous.distribution(RAW).logits()).isSameAs(RAW);
  }

  @Test
  void laplaceHeadSplitsLocAndLogScale() {
    LaplaceHead head = new LaplaceHead();
    assertThat(head.rawColumnsPerEventColumn()).isEqualTo(2);
    Laplace d = head.distribution(RAW);
    assertSame(d.loc(), RAW.columns(0, 2));
    assertSame(d.logScale(), RAW.columns(2, 4));
    assertSame(d.scale(), RAW.columns(2, 4).exp());
    assertThatThrownBy(() -> head.distribution(RAW.columns(0, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LaplaceHead: raw output has 1 columns, expected a multiple of 2");
  }

  @Test
  void headGradientsReachTheRawOutput() {
    DMatrixRMaj raw = Matrices.normal(Rngs.create(73), 3, 4);
    Tensor grey = Tensor.constant(Matrices.uniform(Rngs.create(74), 3, 4, 0.05, 0.95));
    Tensor real = Tensor.constant(Matrices.normal(Rngs.create(75), 3, 2));
    GradientCheck check = GradientCheck.standard();
    check.check("NormalHead", in -> NormalHead.meanAndLogVariance().distribution(in[0])
        .logProb(real), raw);
    Tensor unit = Tensor.constant(Matrices.uniform(Rngs.create(78), 3, 2, 0.05, 0.95));
    check.check("NormalHead, sigmoid mean", in -> NormalHead.sigmoidMeanAndLogVariance()
        .distribution(in[0]).logProb(unit), raw);
    check.check("NormalHead, sigmoid mean, learned variance",
        in -> NormalHead.sigmoidMeanLearnedVariance(4).distribution(in[0]).logProb(grey), raw);
    check.check("LaplaceHead", in -> new LaplaceHead().distribution(in[0]).logProb(real), raw);
    check.check("BernoulliHead", in -> new BernoulliHead().distribution(in[0]).logProb(grey),
        raw);
    check.check("ContinuousBernoulliHead",
        in -> new ContinuousBernoulliHead().distribution(in[0]).logProb(grey), raw);
  }

  /** {@code log N(x; sigmoid(a), e^s) = -1/2 [log 2 pi + s + (x - sigmoid(a))^2 e^-s]}. */
  private static double sigmoidMeanLogDensity(double x, double a, double s) {
    double r = x - 1 / (1 + Math.exp(-a));
    return -0.5 * (Math.log(2 * Math.PI) + s + r * r * Math.exp(-s));
  }

  private static void assertSame(Tensor actual, Tensor expected) {
    assertThat(actual.shape()).isEqualTo(expected.shape());
    assertThat(actual.value().data).containsExactly(expected.value().data);
  }
}
