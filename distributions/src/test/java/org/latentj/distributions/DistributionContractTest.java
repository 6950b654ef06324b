package org.latentj.distributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.latentj.model.Distribution;
import org.latentj.model.Validation;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;
import org.latentj.testing.GradientCheck;

/**
 * The checks every family must pass, run over every {@link DistributionFixture} (one table row
 * per family and factory): log-density against an independent reference, samplers against
 * goodness-of-fit tests and moments, gradients against finite differences, entropy against
 * Monte Carlo, extreme parameters, and validation messages.
 */
class DistributionContractTest {

  /** Draws per batch element for the statistical checks. */
  private static final int DRAWS = 100_000;
  /** Smallest goodness-of-fit p-value accepted (fixed seeds make each test deterministic). */
  private static final double MIN_P_VALUE = 1e-3;
  /** Statistical checks allow this many standard errors. */
  private static final double STANDARD_ERRORS = 4;

  static Stream<DistributionFixture> fixtures() {
    return Fixtures.all();
  }

  // ----------------------------------------------------------------------- values

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void shapesFollowTheContract(DistributionFixture f) {
    Distribution d = f.build();
    assertThat(d.batchSize()).isEqualTo(f.rows());
    assertThat(d.eventSize()).isEqualTo(f.cols());
    DMatrixRMaj x = f.supportPoints(Rngs.create(1));
    assertShape(d.logProb(Tensor.constant(x)), f.rows(), 1);
    assertShape(d.entropy(), f.rows(), 1);
    assertShape(d.mean(), f.rows(), f.cols());
    assertShape(d.variance(), f.rows(), f.cols());
    assertShape(d.sample(Rngs.create(2)), f.rows(), f.cols());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void logProbMatchesTheReferenceAtManyPoints(DistributionFixture f) {
    Distribution d = f.build();
    UniformRandomProvider rng = Rngs.create(11);
    for (int trial = 0; trial < 50; trial++) {
      DMatrixRMaj x = f.supportPoints(rng);
      Tensor logProb = d.logProb(Tensor.constant(x));
      for (int i = 0; i < f.rows(); i++) {
        double expected = 0;
        for (int j = 0; j < f.cols(); j++) {
          expected += f.referenceLogDensity(i, j, x.get(i, j));
        }
        assertThat(logProb.get(i, 0)).as("row %d at %s", i, x)
            .isCloseTo(expected, within(1e-10 * Math.max(1, Math.abs(expected))));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void meanAndVarianceMatchTheReference(DistributionFixture f) {
    Distribution d = f.build();
    Tensor mean = d.mean();
    Tensor variance = d.variance();
    for (int i = 0; i < f.rows(); i++) {
      for (int j = 0; j < f.cols(); j++) {
        assertThat(mean.get(i, j)).as("mean at (%d, %d)", i, j)
            .isCloseTo(f.referenceMean(i, j),
                within(1e-11 * Math.max(1, Math.abs(mean.get(i, j)))));
        assertThat(variance.get(i, j)).as("variance at (%d, %d)", i, j)
            .isCloseTo(f.referenceVariance(i, j), within(1e-11 * variance.get(i, j)));
      }
    }
  }

  // ----------------------------------------------------------------------- samplers

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void drawsPassAGoodnessOfFitTestPerElement(DistributionFixture f) {
    DMatrixRMaj draws = f.repeated(DRAWS).sample(Rngs.create(21)).value();
    for (int i = 0; i < f.rows(); i++) {
      for (int j = 0; j < f.cols(); j++) {
        double p = f.goodnessOfFit(i, j, column(draws, i, j));
        assertThat(p).as("goodness-of-fit p-value at (%d, %d)", i, j).isGreaterThan(MIN_P_VALUE);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void drawsHaveTheStatedMeanAndVariance(DistributionFixture f) {
    Distribution d = f.build();
    DMatrixRMaj draws = f.repeated(DRAWS).sample(Rngs.create(22)).value();
    for (int i = 0; i < f.rows(); i++) {
      for (int j = 0; j < f.cols(); j++) {
        double[] x = column(draws, i, j);
        double mean = d.mean().get(i, j);
        double variance = d.variance().get(i, j);
        double sampleMean = average(x);
        double m2 = 0;
        double m4 = 0;
        for (double v : x) {
          double c = (v - sampleMean) * (v - sampleMean);
          m2 += c;
          m4 += c * c;
        }
        m2 /= x.length;
        m4 /= x.length;
        assertThat(sampleMean).as("sample mean at (%d, %d)", i, j)
            .isCloseTo(mean, within(STANDARD_ERRORS * Math.sqrt(variance / x.length)));
        assertThat(m2).as("sample variance at (%d, %d)", i, j)
            .isCloseTo(variance, within(STANDARD_ERRORS * Math.sqrt((m4 - m2 * m2) / x.length)));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void entropyMatchesMonteCarlo(DistributionFixture f) {
    Distribution d = f.build();
    Distribution many = f.repeated(DRAWS);
    Tensor logProb = many.logProb(many.sample(Rngs.create(23)));
    for (int i = 0; i < f.rows(); i++) {
      double[] minusLogP = new double[DRAWS];
      for (int k = 0; k < DRAWS; k++) {
        minusLogP[k] = -logProb.get(i * DRAWS + k, 0);
      }
      assertThat(d.entropy().get(i, 0)).as("entropy of row %d", i)
          .isCloseTo(average(minusLogP), within(STANDARD_ERRORS * standardError(minusLogP)));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void samplesCarryNoGradientAndRsampleDrawsTheSameNumbers(DistributionFixture f) {
    Distribution d = f.build(DistributionFixture.variables(f.parameters()));
    Tensor sample = d.sample(Rngs.create(3));
    assertThat(sample.requiresGrad()).isFalse();
    if (d.hasRsample()) {
      Tensor rsample = d.rsample(Rngs.create(3));
      assertThat(rsample.value().data).containsExactly(sample.value().data);
      assertThat(rsample.requiresGrad()).isEqualTo(f.parameters().length > 0);
    } else {
      assertThatThrownBy(() -> d.rsample(Rngs.create(3)))
          .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining(f.family());
    }
  }

  // ----------------------------------------------------------------------- gradients

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void logProbGradientInTheParameters(DistributionFixture f) {
    assumeTrue(f.parameters().length > 0, "no parameters");
    Tensor x = Tensor.constant(f.supportPoints(Rngs.create(31)));
    GradientCheck.standard().check(f.name() + " logProb", in -> f.build(in).logProb(x),
        f.parameters());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void logProbGradientInTheValue(DistributionFixture f) {
    assumeTrue(f.continuous(), "discrete family");
    Distribution d = f.build();
    GradientCheck.standard().check(f.name() + " logProb in value", in -> d.logProb(in[0]),
        f.supportPoints(Rngs.create(32)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void rsampleIsPathwiseDifferentiable(DistributionFixture f) {
    assumeTrue(f.parameters().length > 0 && f.build().hasRsample(), "no pathwise gradient");
    GradientCheck.standard().check(f.name() + " rsample",
        in -> f.build(in).rsample(Rngs.create(33)), f.parameters());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void meanVarianceAndEntropyAreDifferentiable(DistributionFixture f) {
    assumeTrue(f.parameters().length > 0, "no parameters");
    List<Function<Distribution, Tensor>> quantities =
        List.of(Distribution::mean, Distribution::variance, Distribution::entropy);
    for (Function<Distribution, Tensor> q : quantities) {
      GradientCheck.standard().check(f.name() + " mean/variance/entropy",
          in -> q.apply(f.build(in)), f.parameters());
    }
  }

  // ----------------------------------------------------------------------- extremes

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void extremeParametersGiveFiniteValuesAndGradients(DistributionFixture f) {
    DMatrixRMaj[] points = {f.supportPoints(Rngs.create(41)), Fixtures.filled(f.rows(), f.cols(),
        0.5)};
    for (DMatrixRMaj[] params : f.extremeParameters()) {
      String at = f.name() + " at " + params[params.length - 1].get(0, 0);
      List<Function<Distribution, Tensor>> quantities = new java.util.ArrayList<>(List.of(
          d -> d.logProb(Tensor.constant(points[0])), d -> d.logProb(Tensor.constant(points[1])),
          Distribution::mean, Distribution::variance, Distribution::entropy));
      if (f.build().hasRsample()) {
        quantities.add(d -> d.rsample(Rngs.create(42)));
      }
      for (Function<Distribution, Tensor> q : quantities) {
        Tensor[] leaves = DistributionFixture.variables(params);
        Tensor y = q.apply(f.build(leaves));
        assertFinite(at + ": value", y.value());
        DMatrixRMaj seed = new DMatrixRMaj(y.rows(), y.cols());
        seed.fill(1.0);
        y.backward(seed);
        for (Tensor leaf : leaves) {
          if (leaf.grad() != null) {
            assertFinite(at + ": gradient", leaf.grad());
          }
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void drawsStayInTheSupportAtExtremeParameters(DistributionFixture f) {
    for (DMatrixRMaj[] params : f.extremeParameters()) {
      Distribution d = f.build(DistributionFixture.constants(params));
      Tensor x = d.sample(Rngs.create(43));
      assertFinite(f.name() + " draws", x.value());
      assertFinite(f.name() + " log-density of its own draws", d.logProb(x).value());
    }
  }

  // ----------------------------------------------------------------------- validation

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void invalidParametersAreRejectedNamingFamilyAndArgument(DistributionFixture f) {
    for (DistributionFixture.Invalid invalid : f.invalidParameters()) {
      assertThatThrownBy(() -> f.build(DistributionFixture.constants(invalid.parameters())))
          .as(invalid.description())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(f.family())
          .hasMessageContaining(invalid.argument());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void valuesOutsideTheSupportAreRejectedNamingRowAndColumn(DistributionFixture f) {
    Distribution d = f.build();
    DMatrixRMaj x = f.supportPoints(Rngs.create(51));
    x.set(f.rows() - 1, 1, f.outsideSupport());
    assertThatThrownBy(() -> d.logProb(Tensor.constant(x)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(f.family() + ".logProb")
        .hasMessageContaining("row " + (f.rows() - 1))
        .hasMessageContaining("column 1");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void valuesOfTheWrongShapeAreRejectedEvenWithoutValidation(DistributionFixture f) {
    Distribution d = f.build();
    boolean previous = Validation.setEnabled(false);
    try {
      assertThatThrownBy(() -> d.logProb(Tensor.zeros(f.rows(), f.cols() + 1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(f.family())
          .hasMessageContaining(f.rows() + "x" + (f.cols() + 1));
    } finally {
      Validation.setEnabled(previous);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void turningValidationOffSkipsValueChecks(DistributionFixture f) {
    boolean previous = Validation.setEnabled(false);
    try {
      Distribution d = f.build();
      DMatrixRMaj x = f.supportPoints(Rngs.create(52));
      x.set(0, 0, f.outsideSupport());
      assertThat(d.logProb(Tensor.constant(x)).rows()).isEqualTo(f.rows());
      for (DistributionFixture.Invalid invalid : f.invalidParameters()) {
        if (!invalid.description().startsWith("mismatched")) {
          f.build(DistributionFixture.constants(invalid.parameters()));
        }
      }
    } finally {
      Validation.setEnabled(previous);
    }
  }

  // ----------------------------------------------------------------------- helpers

  /** The draws of element (row, col) of a batch repeated {@link #DRAWS} times. */
  static double[] column(DMatrixRMaj draws, int row, int col) {
    double[] x = new double[DRAWS];
    for (int k = 0; k < DRAWS; k++) {
      x[k] = draws.get(row * DRAWS + k, col);
    }
    return x;
  }

  static double average(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  static double standardError(double[] x) {
    double mean = average(x);
    double s = 0;
    for (double v : x) {
      s += (v - mean) * (v - mean);
    }
    return Math.sqrt(s / (x.length - 1) / x.length);
  }

  static void assertShape(Tensor t, int rows, int cols) {
    assertThat(t.shape()).isEqualTo(rows + "x" + cols);
  }

  static void assertFinite(String what, DMatrixRMaj m) {
    for (int i = 0; i < m.getNumElements(); i++) {
      assertThat(Double.isFinite(m.data[i])).as("%s element %d is %s", what, i, m.data[i])
          .isTrue();
    }
  }
}
