package org.latentj.distributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.model.Validation;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;
import org.latentj.testing.GradientCheck;
import org.latentj.testing.Matrices;

/** What the contract test does not cover: moments, responsibilities, extremes and errors. */
class MixtureOfDiagonalNormalsTest {

  private static final DMatrixRMaj MEANS = new DMatrixRMaj(new double[][] {
      {-2, 0.5, 1}, {1, 1, -1}, {3, -1, 0}, {0, 0, 0}});
  private static final DMatrixRMaj LOG_VAR = new DMatrixRMaj(new double[][] {
      {-1, 0.3, 0}, {0.5, -0.7, 1}, {-0.2, 0.8, -2}, {0, 0, 0}});
  private static final DMatrixRMaj SHARED = new DMatrixRMaj(new double[][] {{0.2, -0.5, 1, 0}});
  private static final DMatrixRMaj PER_ROW = new DMatrixRMaj(new double[][] {
      {0.2, -0.5, 1, 0}, {2, 0, -2, 1}});

  private static MixtureOfDiagonalNormals mixture(DMatrixRMaj logits, int n) {
    return MixtureOfDiagonalNormals.of(Tensor.constant(logits), Tensor.constant(MEANS),
        Tensor.constant(LOG_VAR), n);
  }

  @Test
  void momentsFollowTheLawOfTotalVariance() {
    for (DMatrixRMaj logits : new DMatrixRMaj[] {SHARED, PER_ROW}) {
      MixtureOfDiagonalNormals m = mixture(logits, 2);
      for (int i = 0; i < 2; i++) {
        double[] lp = References.logSoftmax(
            References.row(logits, logits.numRows == 1 ? 0 : i));
        for (int j = 0; j < 3; j++) {
          double mean = 0;
          for (int k = 0; k < 4; k++) {
            mean += Math.exp(lp[k]) * MEANS.get(k, j);
          }
          double variance = 0;
          for (int k = 0; k < 4; k++) {
            double c = MEANS.get(k, j) - mean;
            variance += Math.exp(lp[k]) * (Math.exp(LOG_VAR.get(k, j)) + c * c);
          }
          assertThat(m.mean().get(i, j)).isCloseTo(mean, within(1e-14));
          assertThat(m.variance().get(i, j)).isCloseTo(variance, within(1e-13));
        }
      }
      assertThat(m.mean().shape()).isEqualTo("2x3");
      assertThat(m.variance().shape()).isEqualTo("2x3");
    }
  }

  @Test
  void momentsAreDifferentiableInEveryParameter() {
    for (DMatrixRMaj logits : new DMatrixRMaj[] {SHARED, PER_ROW}) {
      GradientCheck.standard().check("mixture mean", in -> MixtureOfDiagonalNormals
          .of(in[0], in[1], in[2], 2).mean(), logits, MEANS, LOG_VAR);
      GradientCheck.standard().check("mixture variance", in -> MixtureOfDiagonalNormals
          .of(in[0], in[1], in[2], 2).variance(), logits, MEANS, LOG_VAR);
    }
  }

  @Test
  void componentLogJointGivesResponsibilitiesAndTheLogProb() {
    MixtureOfDiagonalNormals m = mixture(PER_ROW, 2);
    Tensor x = Tensor.of(new double[][] {{0.5, 1, -0.3}, {2, -1, 0.1}});
    Tensor joint = m.componentLogJoint(x);
    assertThat(joint.shape()).isEqualTo("2x4");
    assertThat(joint.rowLogSumExp().value().data).containsExactly(m.logProb(x).value().data);
    Tensor responsibilities = joint.softmax();
    for (int i = 0; i < 2; i++) {
      double sum = 0;
      for (int k = 0; k < 4; k++) {
        sum += responsibilities.get(i, k);
      }
      assertThat(sum).isCloseTo(1, within(1e-14));
    }
  }

  @Test
  void oneComponentIsADiagonalNormal() {
    Tensor means = Tensor.of(new double[][] {{0.3, -1}});
    Tensor logVar = Tensor.of(new double[][] {{0.4, -0.6}});
    MixtureOfDiagonalNormals m = MixtureOfDiagonalNormals.of(Tensor.zeros(1, 1), means, logVar,
        3);
    DMatrixRMaj x = Matrices.normal(Rngs.create(2), 3, 2);
    double[] lp = m.logProb(Tensor.constant(x)).value().data;
    for (int i = 0; i < 3; i++) {
      double expected = 0;
      for (int j = 0; j < 2; j++) {
        double var = Math.exp(logVar.get(0, j));
        double c = x.get(i, j) - means.get(0, j);
        expected += -0.5 * (Math.log(2 * Math.PI * var) + c * c / var);
      }
      assertThat(lp[i]).isCloseTo(expected, within(1e-13));
    }
  }

  @Test
  void extremeParametersGiveFiniteValuesAndGradients() {
    double[][][] settings = {
        // logits, log-variances of both components, value offset
        {{1000, -1000}, {-50, 50}, {0}}, {{-1000, 1000}, {50, -50}, {30}},
        {{0, 0}, {-30, -30}, {100}}, {{5, -5}, {600, -600}, {1}}};
    for (double[][] s : settings) {
      Tensor w = Tensor.variable(new DMatrixRMaj(new double[][] {s[0]}));
      Tensor mu = Tensor.variable(new DMatrixRMaj(new double[][] {{0.5, -1}, {2, 3}}));
      Tensor lv = Tensor.variable(new DMatrixRMaj(new double[][] {{s[1][0], s[1][0]},
          {s[1][1], s[1][1]}}));
      Tensor x = Tensor.variable(new DMatrixRMaj(new double[][] {{0.4 + s[2][0], -1.2},
          {1.8, 3.3 - s[2][0]}}));
      MixtureOfDiagonalNormals m = MixtureOfDiagonalNormals.of(w, mu, lv, 2);
      Tensor lp = m.logProb(x);
      lp.sum().add(m.mean().sum()).add(m.variance().sum()).backward();
      for (double v : lp.value().data) {
        assertThat(v).as("logProb with logits %s, log-variances %s", s[0][0], s[1][0])
            .isFinite();
      }
      for (Tensor t : new Tensor[] {w, mu, lv, x}) {
        for (double g : t.grad().data) {
          assertThat(g).as("gradient with logits %s, log-variances %s", s[0][0], s[1][0])
              .isFinite();
        }
      }
      for (double v : m.sample(Rngs.create(4)).value().data) {
        assertThat(v).isFinite();
      }
    }
  }

  @Test
  void invalidArgumentsAreRejectedByName() {
    Tensor w = Tensor.constant(SHARED);
    Tensor mu = Tensor.constant(MEANS);
    Tensor lv = Tensor.constant(LOG_VAR);
    assertThatThrownBy(() -> MixtureOfDiagonalNormals.of(w, mu, Tensor.zeros(4, 2), 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MixtureOfDiagonalNormals: logVariances is 4x2, expected 4x3");
    assertThatThrownBy(() -> MixtureOfDiagonalNormals.of(Tensor.zeros(1, 3), mu, lv, 2))
        .hasMessageContaining("MixtureOfDiagonalNormals: mixtureLogits is 1x3, expected 2x4 or"
            + " 1x4");
    assertThatThrownBy(() -> MixtureOfDiagonalNormals.of(Tensor.constant(PER_ROW), mu, lv, 5))
        .hasMessageContaining("mixtureLogits is 2x4, expected 5x4 or 1x4");
    assertThatThrownBy(() -> MixtureOfDiagonalNormals.of(w, mu, lv, 0))
        .hasMessageContaining("MixtureOfDiagonalNormals: batchSize must be positive, got 0");
    Tensor overflowing = Tensor.constant(LOG_VAR).add(Tensor.of(new double[][] {{0, 0, 0},
        {0, 0, 0}, {0, -800, 0}, {0, 0, 0}}));
    assertThatThrownBy(() -> MixtureOfDiagonalNormals.of(w, mu, overflowing, 2))
        .hasMessageContaining("MixtureOfDiagonalNormals: logVariances must lie within +-700.0"
            + " (the variance would overflow), got -799.2 at row 2, column 1");
    assertThatThrownBy(() -> MixtureOfDiagonalNormals.of(w, null, lv, 2))
        .hasMessageContaining("MixtureOfDiagonalNormals: means is null");
    boolean previous = Validation.setEnabled(false);
    try {
      assertThat(MixtureOfDiagonalNormals.of(w, mu, overflowing, 2).components()).isEqualTo(4);
    } finally {
      Validation.setEnabled(previous);
    }
  }

  @Test
  void hasNoReparameterizedSamplerNorClosedFormEntropy() {
    MixtureOfDiagonalNormals m = mixture(SHARED, 2);
    assertThat(m.hasRsample()).isFalse();
    assertThatThrownBy(m::entropy).isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("MixtureOfDiagonalNormals");
  }
}
