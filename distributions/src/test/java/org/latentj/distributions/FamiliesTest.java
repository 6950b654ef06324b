package org.latentj.distributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.latentj.model.Distribution;
import org.latentj.model.Validation;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/** What the contract table cannot say generically: family-specific forms and limits. */
class FamiliesTest {

  @Test
  void normalFromScaleAndFromLogVarianceAgree() {
    Tensor mean = Tensor.row(0.3, -2.0, 1.0);
    Tensor scale = Tensor.row(0.2, 1.5, 3.0);
    Normal a = Normal.ofScale(mean, scale);
    Normal b = Normal.ofLogVariance(mean, scale.log().mul(2));
    Tensor x = Tensor.row(0.1, 0.0, 4.0);
    assertThat(a.logProb(x).item()).isCloseTo(b.logProb(x).item(), within(1e-14));
    assertThat(a.entropy().item()).isCloseTo(b.entropy().item(), within(1e-14));
    assertThat(b.scale().value().data).containsExactly(scale.value().data, within(1e-15));
  }

  @Test
  void normalLogProbIsAccurateAtLogVariancesOfPlusMinusFifty() {
    Normal d = Normal.ofLogVariance(Tensor.row(0.0, 0.0), Tensor.row(-50, 50));
    double x0 = 3e-11;
    double x1 = 2e10;
    double expected = new NormalDistribution(null, 0, Math.exp(-25), 1e-9).logDensity(x0)
        + new NormalDistribution(null, 0, Math.exp(25), 1e-9).logDensity(x1);
    assertThat(d.logProb(Tensor.row(x0, x1)).item())
        .isCloseTo(expected, within(1e-12 * Math.abs(expected)));
    // Far from the mean of the narrow one: -1/2 e^50, finite.
    assertThat(d.logProb(Tensor.row(1.0, 0.0)).item()).isFinite().isLessThan(-1e21);
  }

  @Test
  void aSharedLogVarianceRowBroadcastsOverTheBatch() {
    Normal d = Normal.ofLogVariance(Tensor.of(new double[][] {{0, 1}, {2, 3}, {4, 5}}),
        Tensor.row(0.0, Math.log(4)));
    assertThat(d.batchSize()).isEqualTo(3);
    assertThat(d.variance().shape()).isEqualTo("3x2");
    assertThat(d.variance().get(2, 1)).isCloseTo(4.0, within(1e-14));
    assertThat(d.entropy().shape()).isEqualTo("3x1");
    assertThat(d.rsample(Rngs.create(1)).shape()).isEqualTo("3x2");
    // A shared mean row works the same way.
    Normal e = Normal.ofScale(Tensor.row(1.0, 2.0), Tensor.filled(4, 2, 0.5));
    assertThat(e.batchSize()).isEqualTo(4);
    assertThat(e.mean().shape()).isEqualTo("4x2");
  }

  @Test
  void mismatchedParameterShapesNameBoth() {
    assertThatThrownBy(() -> Normal.ofLogVariance(Tensor.zeros(3, 2), Tensor.zeros(2, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Normal.ofLogVariance: mean is 3x2 but logVariance is 2x2");
    assertThatThrownBy(() -> Laplace.of(Tensor.zeros(3, 2), Tensor.filled(3, 3, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Laplace.of: loc is 3x2 but scale is 3x3");
  }

  @Test
  void nonPositiveScalesAreRejectedNamingTheElement() {
    Tensor scale = Tensor.of(new double[][] {{1, 2}, {3, -0.5}});
    assertThatThrownBy(() -> Normal.ofScale(Tensor.zeros(2, 2), scale))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Normal.ofScale: scale holds -0.5 at row 1, column 1");
    boolean previous = Validation.setEnabled(false);
    try {
      assertThat(Normal.ofScale(Tensor.zeros(2, 2), scale).batchSize()).isEqualTo(2);
    } finally {
      Validation.setEnabled(previous);
    }
  }

  @Test
  void standardNormalIsTheUnitNormal() {
    StandardNormal s = StandardNormal.of(2, 3);
    Normal n = Normal.ofLogVariance(Tensor.zeros(2, 3), Tensor.zeros(2, 3));
    Tensor x = Tensor.of(new double[][] {{0.1, -2, 3}, {0, 1, 0.5}});
    assertThat(s.logProb(x).value().data).containsExactly(n.logProb(x).value().data,
        within(1e-15));
    assertThat(s.entropy().get(1, 0)).isCloseTo(n.entropy().get(1, 0), within(1e-15));
    assertThat(s.rsample(Rngs.create(4)).value().data)
        .containsExactly(n.rsample(Rngs.create(4)).value().data);
    assertThatThrownBy(() -> StandardNormal.of(0, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("StandardNormal.of: batchSize");
  }

  @Test
  void bernoulliIsExactAtSaturatedLogits() {
    Bernoulli d = Bernoulli.ofLogits(Tensor.row(1000, -1000, 1000, -1000));
    Tensor lp = d.logProb(Tensor.row(1, 0, 0, 1));
    // log sigmoid(1000) = -e^-1000 -> 0; log(1 - sigmoid(1000)) = -1000.
    assertThat(lp.item()).isEqualTo(-2000.0);
    assertThat(d.entropy().item()).isEqualTo(0.0);
    assertThat(d.variance().value().data).containsOnly(0.0);
    assertThat(d.sample(Rngs.create(9)).value().data).containsExactly(1, 0, 1, 0);
  }

  @Test
  void bernoulliEntropyMatchesTheDefinition() {
    double[] logits = {-3, -0.2, 0, 0.7, 5, 30};
    Tensor h = Bernoulli.ofLogits(Tensor.column(logits)).entropy();
    for (int i = 0; i < logits.length; i++) {
      // p and q = 1 - p each from its own logit, so neither is a difference near 1.
      double p = 1 / (1 + Math.exp(-logits[i]));
      double q = 1 / (1 + Math.exp(logits[i]));
      double expected = p * Math.log1p(Math.exp(-logits[i])) + q * Math.log1p(Math.exp(logits[i]));
      assertThat(h.get(i, 0)).as("logit %s", logits[i])
          .isCloseTo(expected, within(1e-15 + 1e-13 * expected));
    }
  }

  @Test
  void bernoulliGreyLevelsOutsideTheUnitIntervalNameTheElement() {
    Distribution d = Bernoulli.ofLogits(Tensor.zeros(2, 3));
    assertThatThrownBy(() -> d.logProb(Tensor.of(new double[][] {{0, 0.5, 1}, {0.2, 1.01, 0}})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Bernoulli.logProb: value holds 1.01 at row 1, column 1")
        .hasMessageContaining("[0, 1]");
  }

  @Test
  void laplaceEntropyAndVarianceAreTheClosedForms() {
    Laplace d = Laplace.of(Tensor.row(1.0, -2.0), Tensor.row(0.5, 3.0));
    assertThat(d.entropy().item())
        .isCloseTo(1 + Math.log(1.0) + 1 + Math.log(6.0), within(1e-14));
    assertThat(d.variance().value().data).containsExactly(new double[] {0.5, 18.0},
        within(1e-14));
  }

  @Test
  void laplaceIsFiniteAtTinyScales() {
    Laplace d = Laplace.of(Tensor.row(0.0), Tensor.row(1e-30));
    assertThat(d.logProb(Tensor.row(1e-30)).item())
        .isCloseTo(-Math.log(2e-30) - 1, within(1e-12));
    assertThat(d.logProb(Tensor.row(1.0)).item()).isCloseTo(-1e30, within(1e16));
  }
}
