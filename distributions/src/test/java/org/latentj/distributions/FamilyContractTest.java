package org.latentj.distributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.latentj.model.Distribution;
import org.latentj.model.Validation;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;
import org.latentj.testing.GradientCheck;

/**
 * The checks every family must pass, one table row per {@link FamilyFixture} ({@link
 * Fixtures#all()}): log-density against an independent reference, samplers against
 * goodness-of-fit tests, moments and entropy, gradients against finite differences, detached
 * parameters, extreme parameters, and validation errors. What a family cannot do (no
 * reparameterized sampler, discrete values, no closed-form moments or entropy) turns a check
 * into a skipped one through a JUnit assumption, or into a check that the method refuses.
 * Family-specific forms and limits live in each family's own test class.
 */
class FamilyContractTest {

  /** Draws per sampled row for the statistical checks. */
  private static final int DRAWS = 100_000;
  /** Statistical checks allow this many standard errors. */
  private static final double STANDARD_ERRORS = 4;
  /** Points at which each log-density gradient is checked. */
  private static final int GRADIENT_POINTS = 3;

  static Stream<FamilyFixture> fixtures() {
    return Fixtures.all();
  }

  // ----------------------------------------------------------------------- values

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void shapesFollowTheContract(FamilyFixture f) {
    Distribution d = f.build();
    assertThat(d.batchSize()).isEqualTo(f.rows());
    assertThat(d.eventSize()).isEqualTo(f.cols());
    assertShape(d.logProb(Tensor.constant(f.supportPoints(Rngs.create(1)))), f.rows(), 1);
    assertShape(d.sample(Rngs.create(2)), f.rows(), f.cols());
    if (d.hasRsample()) {
      assertShape(d.rsample(Rngs.create(2)), f.rows(), f.cols());
    }
    if (f.closedFormMoments()) {
      assertShape(d.mean(), f.rows(), f.cols());
      assertShape(d.variance(), f.rows(), f.cols());
    } else {
      assertRefusedNamingTheFamily(f, d::mean);
      assertRefusedNamingTheFamily(f, d::variance);
    }
    if (f.closedFormEntropy()) {
      assertShape(d.entropy(), f.rows(), 1);
    } else {
      assertRefusedNamingTheFamily(f, d::entropy);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void logProbMatchesTheReferenceAtManyPoints(FamilyFixture f) {
    Distribution d = f.build();
    UniformRandomProvider rng = Rngs.create(11);
    for (int trial = 0; trial < 50; trial++) {
      DMatrixRMaj x = f.supportPoints(rng);
      Tensor logProb = d.logProb(Tensor.constant(x));
      for (int i = 0; i < f.rows(); i++) {
        double expected = f.referenceLogProb(i, References.row(x, i));
        assertThat(logProb.get(i, 0)).as("row %d at %s", i, x)
            .isCloseTo(expected, within(f.logProbTolerance() * Math.max(1, Math.abs(expected))));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void meanAndVarianceMatchTheReference(FamilyFixture f) {
    assumeTrue(f.closedFormMoments(), "no closed-form moments");
    Distribution d = f.build();
    Tensor mean = d.mean();
    Tensor variance = d.variance();
    for (int i = 0; i < f.rows(); i++) {
      for (int j = 0; j < f.cols(); j++) {
        double m = mean.get(i, j);
        double v = variance.get(i, j);
        assertMatches("mean at (" + i + ", " + j + ")", m, f.referenceMean(i, j),
            1e-11 * Math.max(1, Math.abs(m)));
        assertMatches("variance at (" + i + ", " + j + ")", v, f.referenceVariance(i, j),
            1e-11 * v);
      }
    }
  }

  // ----------------------------------------------------------------------- samplers

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void drawsPassGoodnessOfFitTests(FamilyFixture f) {
    FamilyFixture s = f.sampling();
    assertFits(s, s.repeated(DRAWS).sample(Rngs.create(21)).value(), DRAWS);
  }

  /** On the first sampled row only: rsample shares its code with sample (checked below). */
  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void rsampleDrawsPassTheSameGoodnessOfFitTests(FamilyFixture f) {
    assumeTrue(f.build().hasRsample(), "no reparameterized sampler");
    FamilyFixture s = f.sampling();
    if (s.rows() > 1) {
      s = s.with(s.firstRows());
    }
    assertFits(s, s.repeated(DRAWS / 4).rsample(Rngs.create(99)).value(), DRAWS / 4);
  }

  /**
   * Sample mean and variance within 4 standard errors of the stated ones: the mean's error from
   * the smaller of the stated and the sample variance, the variance's from the fourth central
   * moment, for the biased and the unbiased sample variance alike.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void drawsHaveTheStatedMeanAndVariance(FamilyFixture f) {
    FamilyFixture s = f.sampling();
    assumeTrue(s.finiteMoments(), "no finite closed-form moments");
    Distribution d = s.build();
    Tensor mean = d.mean();
    Tensor variance = d.variance();
    DMatrixRMaj draws = s.repeated(DRAWS).sample(Rngs.create(22)).value();
    for (int i = 0; i < s.rows(); i++) {
      for (int j = 0; j < s.cols(); j++) {
        double[] x = column(draws, i, j, DRAWS);
        double sampleMean = MomentAndFitChecks.average(x);
        double m2 = 0;
        double m4 = 0;
        for (double v : x) {
          double c = (v - sampleMean) * (v - sampleMean);
          m2 += c;
          m4 += c * c;
        }
        m2 /= x.length;
        m4 /= x.length;
        double stated = variance.get(i, j);
        double meanError = Math.sqrt(Math.min(stated, m2) / x.length);
        double varianceError = Math.sqrt((m4 - m2 * m2) / x.length);
        assertThat(sampleMean).as("sample mean at (%d, %d)", i, j)
            .isCloseTo(mean.get(i, j), within(STANDARD_ERRORS * meanError));
        assertThat(m2).as("sample variance at (%d, %d)", i, j)
            .isCloseTo(stated, within(STANDARD_ERRORS * varianceError));
        assertThat(m2 * x.length / (x.length - 1)).as("unbiased sample variance at (%d, %d)", i, j)
            .isCloseTo(stated, within(STANDARD_ERRORS * varianceError));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void entropyMatchesMonteCarlo(FamilyFixture f) {
    assumeTrue(f.closedFormEntropy(), "no closed-form entropy");
    FamilyFixture s = f.sampling();
    Tensor entropy = s.build().entropy();
    Distribution many = s.repeated(DRAWS);
    Tensor logProb = many.logProb(many.sample(Rngs.create(23)));
    for (int i = 0; i < s.rows(); i++) {
      double[] minusLogP = new double[DRAWS];
      for (int k = 0; k < DRAWS; k++) {
        minusLogP[k] = -logProb.get(i * DRAWS + k, 0);
      }
      assertThat(entropy.get(i, 0)).as("entropy of row %d", i)
          .isCloseTo(MomentAndFitChecks.average(minusLogP),
              within(STANDARD_ERRORS * MomentAndFitChecks.standardError(minusLogP)));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void samplesCarryNoGradientAndRsampleDrawsTheSameNumbers(FamilyFixture f) {
    Distribution d = f.build(FamilyFixture.variables(f.parameters()));
    Tensor sample = d.sample(Rngs.create(3));
    assertThat(sample.requiresGrad()).isFalse();
    if (d.hasRsample()) {
      Tensor rsample = d.rsample(Rngs.create(3));
      assertThat(rsample.value().data).containsExactly(sample.value().data);
      assertThat(rsample.requiresGrad()).isEqualTo(f.parameters().length > 0);
    } else {
      assertRefusedNamingTheFamily(f, () -> d.rsample(Rngs.create(3)));
    }
  }

  // ----------------------------------------------------------------------- gradients

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void logProbGradientInTheParameters(FamilyFixture f) {
    assumeTrue(f.parameters().length > 0, "no parameters");
    UniformRandomProvider rng = Rngs.create(31);
    for (int point = 0; point < GRADIENT_POINTS; point++) {
      Tensor x = Tensor.constant(f.supportPoints(rng));
      gradientCheck(f, point).check(f.name() + " logProb at point " + point,
          in -> f.build(in).logProb(x), f.parameters());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void logProbGradientInTheValue(FamilyFixture f) {
    assumeTrue(f.continuous(), "discrete family");
    Distribution d = f.build();
    UniformRandomProvider rng = Rngs.create(32);
    for (int point = 0; point < GRADIENT_POINTS; point++) {
      gradientCheck(f, point).check(f.name() + " logProb in value at point " + point,
          in -> d.logProb(f.toValue(in[0])), f.freePoints(rng));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void rsampleIsPathwiseDifferentiable(FamilyFixture f) {
    assumeTrue(f.parameters().length > 0 && f.build().hasRsample(), "no pathwise gradient");
    int[] which = f.rsampleParameters();
    DMatrixRMaj[] all = f.parameters();
    DMatrixRMaj[] inputs = new DMatrixRMaj[which.length];
    for (int k = 0; k < which.length; k++) {
      inputs[k] = all[which[k]];
    }
    gradientCheck(f, 0).check(f.name() + " rsample", in -> {
      Tensor[] p = FamilyFixture.constants(all);
      for (int k = 0; k < which.length; k++) {
        p[which[k]] = in[k];
      }
      return f.build(p).rsample(Rngs.create(33)); // the same noise in every evaluation
    }, inputs);
  }

  /** At the fixture's parameters, or where its moments are undefined, at the sampled ones. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void meanAndVarianceAreDifferentiable(FamilyFixture f) {
    FamilyFixture m = f.finiteMoments() ? f : f.sampling();
    assumeTrue(m.parameters().length > 0 && m.finiteMoments(), "no parameters or moments");
    for (Function<Distribution, Tensor> q :
        List.<Function<Distribution, Tensor>>of(Distribution::mean, Distribution::variance)) {
      gradientCheck(m, 0).check(m.name() + " mean/variance", in -> q.apply(m.build(in)),
          m.parameters());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void entropyIsDifferentiable(FamilyFixture f) {
    assumeTrue(f.parameters().length > 0 && f.closedFormEntropy(), "no parameters or entropy");
    gradientCheck(f, 0).check(f.name() + " entropy", in -> f.build(in).entropy(),
        f.parameters());
  }

  /**
   * {@code detachParameters()} (for DReG) gives the same log-density and draws, passes no
   * gradient to the parameters, and passes the same gradient through a continuous value.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void detachedParametersKeepTheLogProbButPassNoGradientToThem(FamilyFixture f) {
    Tensor[] leaves = FamilyFixture.variables(f.parameters());
    Distribution d = f.build(leaves);
    Distribution detached = d.detachParameters();
    assertThat(detached).isInstanceOf(d.getClass());
    assertThat(detached.batchSize()).isEqualTo(d.batchSize());
    assertThat(detached.eventSize()).isEqualTo(d.eventSize());
    assertThat(detached.sample(Rngs.create(35)).value().data)
        .containsExactly(d.sample(Rngs.create(35)).value().data);
    if (d.hasRsample()) {
      Tensor draw = detached.rsample(Rngs.create(36));
      assertThat(draw.requiresGrad()).isFalse();
      assertThat(draw.value().data).containsExactly(d.rsample(Rngs.create(36)).value().data);
    }

    DMatrixRMaj x = f.supportPoints(Rngs.create(34));
    Tensor originalValue = f.continuous() ? Tensor.variable(x.copy()) : Tensor.constant(x);
    Tensor detachedValue = f.continuous() ? Tensor.variable(x.copy()) : Tensor.constant(x);
    Tensor original = d.logProb(originalValue);
    Tensor cut = detached.logProb(detachedValue);
    assertThat(cut.value().data).containsExactly(original.value().data);
    if (!f.continuous()) {
      assertThat(cut.requiresGrad()).as("log-density of a discrete value").isFalse();
      return;
    }
    cut.sum().backward();
    for (Tensor leaf : leaves) {
      if (leaf.grad() != null) {
        assertThat(leaf.grad().data).as("gradient of a detached parameter").containsOnly(0.0);
      }
    }
    original.sum().backward();
    assertThat(detachedValue.grad()).as("gradient through the value").isNotNull();
    assertThat(detachedValue.grad().data).containsExactly(originalValue.grad().data);
  }

  // ----------------------------------------------------------------------- extremes

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void extremeParametersGiveFiniteValuesAndGradients(FamilyFixture f) {
    assumeTrue(!f.extremeParameters().isEmpty(), "no parameters");
    DMatrixRMaj[] points = {f.supportPoints(Rngs.create(41)), f.middlePoints()};
    List<Function<Distribution, Tensor>> quantities = new ArrayList<>(List.of(
        d -> d.logProb(Tensor.constant(points[0])), d -> d.logProb(Tensor.constant(points[1]))));
    if (f.closedFormMoments()) {
      quantities.add(Distribution::mean);
      quantities.add(Distribution::variance);
    }
    if (f.closedFormEntropy()) {
      quantities.add(Distribution::entropy);
    }
    if (f.build().hasRsample()) {
      quantities.add(d -> d.rsample(Rngs.create(42)));
    }
    for (DMatrixRMaj[] params : f.extremeParameters()) {
      String at = f.name() + " at " + params[params.length - 1].get(0, 0);
      for (Function<Distribution, Tensor> q : quantities) {
        Tensor[] leaves = FamilyFixture.variables(params);
        Tensor y = q.apply(f.build(leaves));
        assertFinite(at + ": value", y.value());
        if (y.requiresGrad()) {
          DMatrixRMaj seed = new DMatrixRMaj(y.rows(), y.cols());
          seed.fill(1.0);
          y.backward(seed);
        }
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
  void drawsStayInTheSupportAtExtremeParameters(FamilyFixture f) {
    assumeTrue(!f.extremeParameters().isEmpty(), "no parameters");
    for (DMatrixRMaj[] params : f.extremeParameters()) {
      Distribution d = f.build(FamilyFixture.constants(params));
      Tensor x = d.sample(Rngs.create(43));
      assertFinite(f.name() + " draws", x.value());
      assertFinite(f.name() + " log-density of its own draws", d.logProb(x).value());
    }
  }

  // ----------------------------------------------------------------------- validation

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void nanInAnyParameterIsRejectedNamingFamilyArgumentRowAndColumn(FamilyFixture f) {
    assumeTrue(f.parameters().length > 0, "no parameters");
    for (int i = 0; i < f.parameters().length; i++) {
      Tensor[] p = FamilyFixture.constants(f.parameters());
      p[i].value().set(0, 0, Double.NaN);
      String name = f.parameterName(i);
      assertThatThrownBy(() -> f.build(p)).as("%s with NaN in %s", f, name)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(f.family()).hasMessageContaining(name)
          .hasMessageContaining("row 0, column 0");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void invalidParametersAreRejectedNamingFamilyAndArgument(FamilyFixture f) {
    assumeTrue(!f.invalidParameters().isEmpty(), "no parameters");
    for (FamilyFixture.Invalid invalid : f.invalidParameters()) {
      assertThatThrownBy(() -> f.build(FamilyFixture.constants(invalid.parameters())))
          .as(invalid.description())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(f.family())
          .hasMessageContaining(invalid.argument());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void valuesOutsideTheSupportAreRejectedNamingRowAndColumn(FamilyFixture f) {
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
  void valuesOfTheWrongShapeAreRejectedWithOrWithoutValidation(FamilyFixture f) {
    Distribution d = f.build();
    for (boolean validation : new boolean[] {true, false}) {
      boolean previous = Validation.setEnabled(validation);
      try {
        for (Tensor wrong : List.of(Tensor.zeros(f.rows(), f.cols() + 1),
            Tensor.zeros(f.rows() + 1, f.cols()))) {
          assertThatThrownBy(() -> d.logProb(wrong)).as("%s, validation %s", wrong, validation)
              .isInstanceOf(IllegalArgumentException.class)
              .hasMessageContaining(f.family())
              .hasMessageContaining(wrong.shape());
        }
      } finally {
        Validation.setEnabled(previous);
      }
    }
  }

  /**
   * With validation off, values outside the support and invalid parameter values pass (shapes
   * are still checked), and a valid value's log-density is the same, finite number.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void turningValidationOffSkipsValueChecksButNotTheLogProb(FamilyFixture f) {
    DMatrixRMaj valid = f.supportPoints(Rngs.create(52));
    DMatrixRMaj outside = valid.copy();
    outside.set(0, 0, f.outsideSupport());
    double[] checked = f.build().logProb(Tensor.constant(valid)).value().data.clone();
    boolean previous = Validation.setEnabled(false);
    try {
      Distribution d = f.build();
      assertThat(d.logProb(Tensor.constant(outside)).rows()).isEqualTo(f.rows());
      assertThat(d.logProb(Tensor.constant(valid)).value().data).containsExactly(checked);
      for (FamilyFixture.Invalid invalid : f.invalidParameters()) {
        if (!invalid.shape()) {
          f.build(FamilyFixture.constants(invalid.parameters()));
        }
      }
    } finally {
      Validation.setEnabled(previous);
    }
    for (double v : checked) {
      assertThat(v).isFinite();
    }
  }

  // ----------------------------------------------------------------------- helpers

  /** The standard checker at a seed per point, with the fixture's tolerance. */
  private static GradientCheck gradientCheck(FamilyFixture f, int point) {
    return GradientCheck.standard().withSeed(42 + point).withTolerance(f.gradientTolerance());
  }

  /** Every goodness-of-fit p-value of every row of {@code s}, drawn {@code n} times each. */
  private static void assertFits(FamilyFixture s, DMatrixRMaj draws, int n) {
    for (int i = 0; i < s.rows(); i++) {
      DMatrixRMaj rowDraws = new DMatrixRMaj(n, s.cols());
      System.arraycopy(draws.data, i * n * s.cols(), rowDraws.data, 0, n * s.cols());
      double[] pValues = s.goodnessOfFit(i, rowDraws);
      for (int k = 0; k < pValues.length; k++) {
        assertThat(pValues[k]).as("%s: goodness-of-fit p-value %d of row %d", s, k, i)
            .isGreaterThan(MomentAndFitChecks.MIN_P_VALUE);
      }
    }
  }

  /** The {@code n} draws of element (row, col) of a batch whose rows are each repeated n times. */
  private static double[] column(DMatrixRMaj draws, int row, int col, int n) {
    double[] x = new double[n];
    for (int k = 0; k < n; k++) {
      x[k] = draws.get(row * n + k, col);
    }
    return x;
  }

  /** Equal where the reference is NaN or infinite (undefined moments), else within tolerance. */
  private static void assertMatches(String what, double actual, double expected, double tol) {
    if (Double.isNaN(expected)) {
      assertThat(actual).as(what).isNaN();
    } else if (Double.isInfinite(expected)) {
      assertThat(actual).as(what).isEqualTo(expected);
    } else {
      assertThat(actual).as(what).isCloseTo(expected, within(tol));
    }
  }

  private static void assertRefusedNamingTheFamily(FamilyFixture f, ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining(f.family());
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
