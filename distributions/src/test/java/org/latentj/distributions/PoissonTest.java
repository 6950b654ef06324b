package org.latentj.distributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.special.Gamma;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.model.Validation;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;
import org.latentj.testing.GradientCheck;

/** What the contract test does not cover: extreme rates, count validation, the head. */
class PoissonTest {

  @Test
  void extremeLogRatesGiveFiniteValuesAndGradients() {
    double[][] cases = {{50, 0}, {50, 5.184705528587072e21}, {-50, 0}, {-50, 3}, {-800, 0},
        {-800, 2}, {700, 1e300}};
    for (double[] c : cases) {
      Tensor eta = Tensor.variable(new DMatrixRMaj(new double[][] {{c[0]}}));
      Tensor lp = Poisson.ofLogRate(eta).logProb(Tensor.of(new double[][] {{c[1]}}));
      double expected = c[1] * c[0] - Math.exp(c[0]) - Gamma.logGamma(c[1] + 1);
      assertThat(lp.item()).as("log-rate %s, count %s", c[0], c[1]).isFinite()
          .isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
      lp.backward();
      assertThat(eta.grad().get(0, 0)).isFinite()
          .isCloseTo(c[1] - Math.exp(c[0]), within(1e-12 * Math.max(1, Math.exp(c[0]))));
    }
    GradientCheck.standard().check("Poisson logProb at log-rates +-50",
        in -> Poisson.ofLogRate(in[0]).logProb(Tensor.of(new double[][] {{0, 4e21}})),
        new DMatrixRMaj(new double[][] {{-50, 50}}));
  }

  @Test
  void samplesAtExtremeRatesAreFiniteCounts() {
    int n = 20_000;
    Tensor eta = Tensor.filled(n, 1, 50);
    DMatrixRMaj huge = Poisson.ofLogRate(eta).sample(Rngs.create(6)).value();
    double rate = Math.exp(50);
    // Beyond the exact samplers' int range draws are normal; their moments must still hold.
    MomentAndFitChecks.assertMomentsMatch("Poisson(exp(50))", huge,
        new DMatrixRMaj(new double[][] {{rate}}), new DMatrixRMaj(new double[][] {{rate}}));
    DMatrixRMaj tiny = Poisson.ofLogRate(Tensor.of(new double[][] {{-50, -800}}))
        .sample(Rngs.create(6)).value();
    assertThat(tiny.data).containsExactly(0, 0);
    Tensor justExact = Tensor.filled(n, 1, Math.log(Poisson.EXACT_SAMPLER_MAX_RATE));
    DMatrixRMaj large = Poisson.ofLogRate(justExact).sample(Rngs.create(7)).value();
    double r = Poisson.EXACT_SAMPLER_MAX_RATE;
    MomentAndFitChecks.assertMomentsMatch("Poisson(1e9)", large,
        new DMatrixRMaj(new double[][] {{r}}), new DMatrixRMaj(new double[][] {{r}}));
  }

  @Test
  void logRatesThatOverflowAreRejectedUnlessValidationIsOff() {
    Tensor eta = Tensor.of(new double[][] {{1, 2}, {3, 701}});
    assertThatThrownBy(() -> Poisson.ofLogRate(eta))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Poisson: logRate must be at most 700.0 (the rate would overflow),"
            + " got 701.0 at row 1, column 1");
    assertThatThrownBy(() -> Poisson.ofLogRate(Tensor.of(new double[][] {{Double.NaN}})))
        .hasMessageContaining("Poisson: logRate must be finite, got NaN at row 0, column 0");
    assertThatThrownBy(() -> Poisson.ofLogRate(null))
        .hasMessageContaining("Poisson: logRate is null");
    boolean previous = Validation.setEnabled(false);
    try {
      assertThat(Poisson.ofLogRate(eta).batchSize()).isEqualTo(2);
    } finally {
      Validation.setEnabled(previous);
    }
  }

  @Test
  void countsMustBeNonNegativeIntegers() {
    Poisson p = Poisson.ofLogRate(Tensor.zeros(2, 3));
    double[][] bad = {{-1}, {0.5}, {Double.NaN}, {Double.POSITIVE_INFINITY}};
    for (double[] b : bad) {
      DMatrixRMaj k = new DMatrixRMaj(2, 3);
      k.set(1, 2, b[0]);
      assertThatThrownBy(() -> p.logProb(Tensor.constant(k)))
          .as("count %s", b[0])
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Poisson.logProb: value must be a non-negative integer count, got "
              + b[0] + " at row 1, column 2");
    }
  }

  @Test
  void countsGetNoGradient() {
    Tensor k = Tensor.variable(new DMatrixRMaj(new double[][] {{1, 2}}));
    Tensor eta = Tensor.variable(new DMatrixRMaj(new double[][] {{0.3, -0.2}}));
    Poisson.ofLogRate(eta).logProb(k).backward();
    assertThat(k.grad()).isNull();
    assertThat(eta.grad().get(0, 0)).isCloseTo(1 - Math.exp(0.3), within(1e-15));
  }

  @Test
  void meanVarianceAndRateAreExpOfTheLogRate() {
    Poisson p = Poisson.ofLogRate(Tensor.row(-1, 0, 2));
    for (Tensor t : new Tensor[] {p.mean(), p.variance(), p.rate()}) {
      assertThat(t.value().data).containsExactly(Math.exp(-1), 1, Math.exp(2));
    }
    assertThatThrownBy(p::entropy).isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("Poisson");
  }

  @Test
  void headPassesRawThroughAsLogRates() {
    PoissonHead head = PoissonHead.logRate();
    assertThat(head.rawColumnsPerEventColumn()).isEqualTo(1);
    assertThat(head.rawColumns(7)).isEqualTo(7);
    Tensor raw = Tensor.of(new double[][] {{0.1, -2}, {3, 0}});
    assertThat(head.distribution(raw).logRate()).isSameAs(raw);
    DMatrixRMaj rawValue = new DMatrixRMaj(new double[][] {{0.1, -2}, {3, 0}});
    Tensor counts = Tensor.of(new double[][] {{0, 4}, {20, 1}});
    GradientCheck.standard().check("PoissonHead logProb",
        in -> head.distribution(in[0]).logProb(counts), rawValue);
    assertThatThrownBy(() -> head.distribution(null))
        .hasMessageContaining("PoissonHead: raw is null");
  }
}
