package org.latentj.distributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;
import org.latentj.testing.GradientCheck;

/** The binary Concrete: a density that integrates to one, its sampler, and its gradients. */
class RelaxedBernoulliTest {

  @Test
  void densityIntegratesToOneAndMatchesTheTwoClassConcrete() {
    double[] logits = {-1.5, 0.0, 2.0};
    for (double tau : new double[] {0.5, 1.0, 2.0}) {
      for (double l : logits) {
        RelaxedBernoulli b = RelaxedBernoulli.of(tau, Tensor.filled(1, 1, l));
        // substitute y = sigmoid(s): dy = y (1 - y) ds, integrated over s by the midpoint rule
        double h = 1e-2;
        int points = 8000;
        double[] ys = new double[points];
        for (int i = 0; i < points; i++) {
          ys[i] = 1 / (1 + Math.exp(-(-40 + (i + 0.5) * h)));
        }
        Tensor logP = RelaxedBernoulli.of(tau, Tensor.filled(points, 1, l))
            .logProb(Tensor.column(ys));
        double total = 0;
        for (int i = 0; i < points; i++) {
          total += Math.exp(logP.get(i, 0)) * ys[i] * (1 - ys[i]) * h;
        }
        assertThat(total).as("tau %s, logit %s", tau, l).isCloseTo(1.0, within(1e-4));
        // the two-class Concrete at (y, 1 - y) with logits (l, 0), a density in y alone
        RelaxedOneHotCategorical two = RelaxedOneHotCategorical.of(tau, Tensor.row(l, 0));
        double y = 0.3;
        assertThat(b.logProb(Tensor.filled(1, 1, y)).item()).isCloseTo(
            two.logProb(Tensor.row(y, 1 - y)).item(), within(1e-10));
      }
    }
  }

  @Test
  void drawsExceedOneHalfWithTheBernoulliProbability() {
    UniformRandomProvider rng = Rngs.create(7);
    Tensor logits = Tensor.row(-1.0, 0.5, 2.0);
    RelaxedBernoulli b = RelaxedBernoulli.of(0.3, logits.repeatRows(20_000));
    DMatrixRMaj y = b.sample(rng).value();
    for (int c = 0; c < 3; c++) {
      int above = 0;
      for (int i = 0; i < y.numRows; i++) {
        above += y.get(i, c) > 0.5 ? 1 : 0;
      }
      double p = 1 / (1 + Math.exp(-logits.get(0, c)));
      double se = Math.sqrt(p * (1 - p) / y.numRows);
      assertThat((double) above / y.numRows).isCloseTo(p, within(4 * se));
    }
  }

  @Test
  void logProbAndRsampleAreDifferentiable() {
    DMatrixRMaj logits = new DMatrixRMaj(new double[][] {{0.3, -1.2}, {2.0, 0.1}});
    DMatrixRMaj values = new DMatrixRMaj(new double[][] {{0.2, 0.7}, {0.9, 0.45}});
    GradientCheck.standard().check("RelaxedBernoulli.logProb",
        in -> RelaxedBernoulli.of(0.7, in[0]).logProb(in[1]), logits, values);
    GradientCheck.standard().check("RelaxedBernoulli.rsample",
        in -> RelaxedBernoulli.of(0.7, in[0]).rsample(Rngs.create(3)), logits);
  }
}
