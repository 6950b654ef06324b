package org.latentj.distributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.latentj.model.Distribution;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;
import org.latentj.testing.GradientCheck;

/**
 * Every closed-form KL rule of {@link KlRegistry#standard()} against a Monte Carlo estimate
 * {@code E_q[log q - log p]}, against finite differences, and at extreme parameters. One table
 * row per (q, p) pair of fixtures.
 */
class KlRulesTest {

  private static final int DRAWS = 100_000;
  private static final KlRegistry REGISTRY = KlRegistry.standard();

  record Pair(String name, FamilyFixture q, FamilyFixture p) {
    @Override
    public String toString() {
      return name;
    }

    Tensor kl(Tensor[] params) {
      int split = q.parameters().length;
      Tensor[] qp = java.util.Arrays.copyOfRange(params, 0, split);
      Tensor[] pp = java.util.Arrays.copyOfRange(params, split, params.length);
      return REGISTRY.kl(q.build(qp), p.build(pp));
    }

    DMatrixRMaj[] parameters() {
      List<DMatrixRMaj> all = new ArrayList<>(List.of(q.parameters()));
      all.addAll(List.of(p.parameters()));
      return all.toArray(new DMatrixRMaj[0]);
    }
  }

  static Stream<Pair> pairs() {
    DMatrixRMaj mean = Fixtures.m(new double[][] {{0.4, -1.0, 1.5}, {-0.3, 0.2, 0.0}});
    DMatrixRMaj logVariance = Fixtures.m(new double[][] {{-0.8, 0.3, -2.0}, {0.5, -0.1, 1.0}});
    return Stream.of(
        new Pair("Normal || Normal", Fixtures.normalLogVariance(),
            Fixtures.normalLogVariance().with(mean, logVariance)),
        new Pair("Normal(scale) || Normal(shared log-variance)", Fixtures.normalScale(),
            Fixtures.normalScale().with(Fixtures.m(new double[][] {{0.5, 0.0}, {-1.0, 3.0}}),
                Fixtures.m(new double[][] {{1.5, 0.6}}))),
        new Pair("Normal || StandardNormal", Fixtures.normalLogVariance(),
            Fixtures.standardNormal()),
        new Pair("StandardNormal || Normal", Fixtures.standardNormal(),
            Fixtures.normalLogVariance().with(mean, logVariance)),
        new Pair("StandardNormal || StandardNormal", Fixtures.standardNormal(),
            Fixtures.standardNormal()),
        new Pair("Bernoulli || Bernoulli", Fixtures.bernoulli(),
            Fixtures.bernoulli().with(Fixtures.m(new double[][] {{0.5, -1.0, 2.0},
                {2.0, -0.5, -1.5}}))),
        new Pair("Laplace || Laplace", Fixtures.laplaceLogScale(),
            Fixtures.laplaceLogScale().with(
                Fixtures.m(new double[][] {{0.0, 0.5, 2.0}, {-2.0, 0.5, 1.0}}),
                Fixtures.m(new double[][] {{0.3, -0.5, 0.2}, {0.0, 0.1, 1.0}}))),
        new Pair("Laplace(scale) || Laplace at equal locations", Fixtures.laplace(),
            Fixtures.laplace().with(Fixtures.laplace().parameters()[0],
                Fixtures.m(new double[][] {{0.6, 0.9}, {1.0, 0.3}}))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void closedFormMatchesMonteCarlo(Pair pair) {
    Distribution q = pair.q().build();
    Distribution p = pair.p().build();
    assertThat(REGISTRY.has(q, p)).isTrue();
    Tensor kl = REGISTRY.kl(q, p);
    assertThat(kl.shape()).isEqualTo(q.batchSize() + "x1");

    Distribution manyQ = pair.q().repeated(DRAWS);
    Distribution manyP = pair.p().repeated(DRAWS);
    Tensor x = manyQ.sample(Rngs.create(61));
    Tensor logRatio = manyQ.logProb(x).sub(manyP.logProb(x));
    for (int i = 0; i < q.batchSize(); i++) {
      double[] w = new double[DRAWS];
      for (int k = 0; k < DRAWS; k++) {
        w[k] = logRatio.get(i * DRAWS + k, 0);
      }
      double se = MomentAndFitChecks.standardError(w);
      assertThat(kl.get(i, 0)).as("KL of row %d", i)
          .isCloseTo(MomentAndFitChecks.average(w), within(4 * se + 1e-12));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void klIsDifferentiableInBothDistributions(Pair pair) {
    DMatrixRMaj[] params = pair.parameters();
    if (params.length == 0) {
      return;
    }
    GradientCheck.standard().check(pair.name(), pair::kl, params);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void klOfADistributionWithItselfIsZero(Pair pair) {
    Tensor kl = REGISTRY.kl(pair.q().build(), pair.q().build());
    for (int i = 0; i < kl.rows(); i++) {
      assertThat(kl.get(i, 0)).isCloseTo(0.0, within(1e-14));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void extremeParametersOnEitherSideGiveFiniteValuesAndGradients(Pair pair) {
    List<Pair> cases = new ArrayList<>();
    for (DMatrixRMaj[] extreme : pair.q().extremeParameters()) {
      cases.add(new Pair(pair.name(), pair.q().with(extreme), pair.p()));
    }
    for (DMatrixRMaj[] extreme : pair.p().extremeParameters()) {
      cases.add(new Pair(pair.name(), pair.q(), pair.p().with(extreme)));
    }
    for (DMatrixRMaj[] qe : pair.q().extremeParameters()) {
      for (DMatrixRMaj[] pe : pair.p().extremeParameters()) {
        cases.add(new Pair(pair.name(), pair.q().with(qe), pair.p().with(pe)));
      }
    }
    for (Pair c : cases) {
      Tensor[] leaves = FamilyFixture.variables(c.parameters());
      Tensor kl = c.kl(leaves);
      FamilyContractTest.assertFinite(c.name() + " KL", kl.value());
      for (double v : kl.value().data) {
        assertThat(v).as("%s KL", c.name()).isGreaterThanOrEqualTo(0.0);
      }
      if (kl.requiresGrad()) {
        kl.sum().backward();
        for (Tensor leaf : leaves) {
          if (leaf.grad() != null) {
            FamilyContractTest.assertFinite(c.name() + " KL gradient", leaf.grad());
          }
        }
      }
    }
  }

  @Test
  void normalAgainstStandardNormalIsTheVaePaperFormula() {
    // -KL = 1/2 sum_j (1 + log sigma^2 - mu^2 - sigma^2) (Kingma & Welling 2013, appendix B).
    Normal q = Normal.ofLogVariance(Tensor.row(0.5, -1.0), Tensor.row(-0.2, 0.7));
    double expected = -0.5 * ((1 - 0.2 - 0.25 - Math.exp(-0.2)) + (1 + 0.7 - 1 - Math.exp(0.7)));
    assertThat(REGISTRY.kl(q, StandardNormal.of(1, 2)).item()).isCloseTo(expected, within(1e-15));
  }

  @Test
  void bernoulliKlAtOppositeSaturatedLogitsIsTheLogitGap() {
    Bernoulli q = Bernoulli.ofLogits(Tensor.row(1000));
    Bernoulli p = Bernoulli.ofLogits(Tensor.row(-1000));
    // q puts all mass on 1, where log p = -1000.
    assertThat(REGISTRY.kl(q, p).item()).isCloseTo(1000, within(1e-9));
  }

  @Test
  void standardRegistryHasNoRuleBetweenUnrelatedFamilies() {
    assertThat(REGISTRY.has(Fixtures.normalScale().build(), Fixtures.laplace().build())).isFalse();
    assertThat(REGISTRY.has(Fixtures.bernoulli().build(), Fixtures.continuousBernoulli().build()))
        .isFalse();
  }
}
