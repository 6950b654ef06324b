package org.latentj.distributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.model.Validation;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/**
 * The Concrete density against what it must be: normalized (for K = 2 and K = 3), and for K = 2
 * the exact law of {@code y_1 = sigmoid((l_1 - l_2 + L) / tau)} with L standard logistic.
 */
class RelaxedOneHotCategoricalTest {

  private static double sigmoid(double x) {
    return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
  }

  /**
   * {@code log p} of the point {@code softmax([t_1, .., t_{K-1}, 0])} in the coordinates
   * {@code t}: the simplex density plus {@code log prod_k y_k}, the log-Jacobian of
   * {@code t -> (y_1, .., y_{K-1})}.
   */
  private static double[] logDensityInLogits(double tau, double[] logits, DMatrixRMaj t) {
    int n = t.numRows;
    Tensor y = Tensor.concatColumns(Tensor.constant(t), Tensor.zeros(n, 1)).softmax();
    Tensor logits0 = Tensor.constant(MomentAndFitChecks.repeatRow0(
        new DMatrixRMaj(1, logits.length, true, logits), n));
    Tensor lp = RelaxedOneHotCategorical.of(tau, logits0).logProb(y);
    return lp.add(y.log().rowSums()).value().data;
  }

  @Test
  void twoClassDensityIsTheLogisticLawOfTheLogOdds() {
    double tau = 0.7;
    double[] logits = {1.2, -0.3};
    double delta = logits[0] - logits[1];
    int intervals = 16_000;
    double limit = 80;
    double h = 2 * limit / intervals;
    DMatrixRMaj t = new DMatrixRMaj(intervals + 1, 1);
    for (int i = 0; i <= intervals; i++) {
      t.data[i] = -limit + i * h;
    }
    double[] logP = logDensityInLogits(tau, logits, t);
    double integral = 0;
    for (int i = 0; i <= intervals; i++) {
      // The log-odds (delta + L) / tau is logistic with location delta / tau and scale 1 / tau.
      double x = tau * t.data[i] - delta;
      double expected = Math.log(tau * sigmoid(x) * sigmoid(-x));
      if (Math.abs(t.data[i]) < 40) {
        assertThat(logP[i]).as("log density at log-odds %s", t.data[i])
            .isCloseTo(expected, within(1e-10));
      }
      double w = (i == 0 || i == intervals) ? 1 : (i % 2 == 1 ? 4 : 2);
      integral += w * Math.exp(logP[i]);
    }
    assertThat(integral * h / 3).isCloseTo(1, within(1e-9));
  }

  @Test
  void threeClassDensityIntegratesToOne() {
    double tau = 1.3;
    double[] logits = {0.5, -1, 2};
    double limit = 40;
    int steps = 800;
    double h = 2 * limit / steps;
    DMatrixRMaj t = new DMatrixRMaj((steps + 1) * (steps + 1), 2);
    int r = 0;
    for (int i = 0; i <= steps; i++) {
      for (int j = 0; j <= steps; j++) {
        t.set(r, 0, -limit + i * h);
        t.set(r, 1, -limit + j * h);
        r++;
      }
    }
    double[] logP = logDensityInLogits(tau, logits, t);
    double integral = 0;
    for (double v : logP) {
      integral += Math.exp(v); // the integrand vanishes at the border: trapezoid = plain sum
    }
    assertThat(integral * h * h).isCloseTo(1, within(1e-8));
  }

  @Test
  void twoClassDrawsFollowTheConcreteCdf() {
    double tau = 0.4;
    double[] logits = {0.3, 1.1};
    double delta = logits[0] - logits[1];
    int n = 50_000;
    DMatrixRMaj l = MomentAndFitChecks.repeatRow0(new DMatrixRMaj(1, 2, true, logits), n);
    DMatrixRMaj y = RelaxedOneHotCategorical.of(tau, Tensor.constant(l)).rsample(Rngs.create(21))
        .value();
    double[] u = new double[n];
    for (int i = 0; i < n; i++) {
      double logOdds = Math.log(y.get(i, 0)) - Math.log(y.get(i, 1));
      u[i] = sigmoid(tau * logOdds - delta); // P(y_1 <= y) = sigmoid(tau logit(y) - delta)
    }
    assertThat(MomentAndFitChecks.ksUniformPValue(u)).isGreaterThan(MomentAndFitChecks.MIN_P_VALUE);
  }

  @Test
  void densityIsInvariantToShiftingTheLogits() {
    Tensor logits = Tensor.of(new double[][] {{0.5, -1, 2}, {3, 0, 1}});
    Tensor y = Tensor.of(new double[][] {{0.2, 0.3, 0.5}, {0.7, 0.1, 0.2}});
    double[] a = RelaxedOneHotCategorical.of(0.6, logits).logProb(y).value().data;
    double[] b = RelaxedOneHotCategorical.of(0.6, logits.add(-57.0)).logProb(y).value().data;
    for (int i = 0; i < a.length; i++) {
      assertThat(b[i]).isCloseTo(a[i], within(1e-12));
    }
  }

  @Test
  void extremeLogitsAndTemperaturesGiveFiniteDrawsDensitiesAndGradients() {
    for (double tau : new double[] {0.01, 0.5, 100}) {
      Tensor logits = Tensor.variable(new DMatrixRMaj(new double[][] {{1000, -1000, 0},
          {-1000, -1000, -1000}, {0, 0, 0}}));
      RelaxedOneHotCategorical d = RelaxedOneHotCategorical.of(tau, logits);
      Tensor y = d.rsample(Rngs.create(9));
      for (int i = 0; i < 3; i++) {
        double sum = 0;
        for (int j = 0; j < 3; j++) {
          assertThat(y.get(i, j)).isBetween(0.0, 1.0);
          sum += y.get(i, j);
        }
        assertThat(sum).isCloseTo(1, within(1e-12));
      }
      Tensor lp = d.logProb(y);
      for (double v : lp.value().data) {
        assertThat(v).as("log density at tau=%s", tau).isFinite();
      }
      lp.sum().backward(); // the pathwise gradient through the draw and the density
      for (double g : logits.grad().data) {
        assertThat(g).as("gradient at tau=%s", tau).isFinite();
      }
    }
  }

  @Test
  void invalidArgumentsAndValuesAreRejectedByName() {
    Tensor logits = Tensor.zeros(2, 3);
    for (double tau : new double[] {0, -0.5, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> RelaxedOneHotCategorical.of(tau, logits))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("RelaxedOneHotCategorical: temperature must be finite and"
              + " positive");
    }
    assertThatThrownBy(() -> RelaxedOneHotCategorical.of(1, Tensor.zeros(2, 1)))
        .hasMessageContaining("RelaxedOneHotCategorical: logits is 2x1, needs at least 2 classes");
    RelaxedOneHotCategorical d = RelaxedOneHotCategorical.of(1, logits);
    Tensor offSimplex = Tensor.of(new double[][] {{0.2, 0.3, 0.5}, {0.5, 0.5, 0.5}});
    assertThatThrownBy(() -> d.logProb(offSimplex))
        .hasMessageContaining("RelaxedOneHotCategorical.logProb: value row 1 sums to 1.5");
    Tensor negative = Tensor.of(new double[][] {{0.2, 0.3, 0.5}, {-0.1, 0.6, 0.5}});
    assertThatThrownBy(() -> d.logProb(negative))
        .hasMessageContaining("got -0.1 at row 1, column 0");
    boolean previous = Validation.setEnabled(false);
    try {
      assertThat(d.logProb(offSimplex).rows()).isEqualTo(2);
    } finally {
      Validation.setEnabled(previous);
    }
  }

  @Test
  void momentsAndEntropyHaveNoClosedForm() {
    RelaxedOneHotCategorical d = RelaxedOneHotCategorical.of(1, Tensor.zeros(1, 3));
    assertThatThrownBy(d::mean).isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("RelaxedOneHotCategorical has no closed-form mean");
    assertThatThrownBy(d::variance).isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("RelaxedOneHotCategorical has no closed-form variance");
    assertThatThrownBy(d::entropy).isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("RelaxedOneHotCategorical");
  }
}
