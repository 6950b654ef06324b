package org.latentj.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.latentj.tensor.Rngs;

/** Each initializer's draws follow its stated law (seeded Kolmogorov-Smirnov test). */
class InitializerTest {

  private static final int FAN_IN = 200;
  private static final int FAN_OUT = 100;

  static Stream<Arguments> laws() {
    double glorotA = Math.sqrt(6.0 / (FAN_IN + FAN_OUT));
    double heA = Math.sqrt(6.0 / FAN_IN);
    double lecunA = 1.0 / Math.sqrt(FAN_IN);
    return Stream.of(
        Arguments.of("normal(0.01)", Initializer.normal(0.01), new NormalDistribution(0, 0.01)),
        Arguments.of("glorotNormal", Initializer.glorotNormal(),
            new NormalDistribution(0, Math.sqrt(2.0 / (FAN_IN + FAN_OUT)))),
        Arguments.of("heNormal", Initializer.heNormal(),
            new NormalDistribution(0, Math.sqrt(2.0 / FAN_IN))),
        Arguments.of("glorotUniform", Initializer.glorotUniform(),
            new UniformRealDistribution(-glorotA, glorotA)),
        Arguments.of("heUniform", Initializer.heUniform(), new UniformRealDistribution(-heA, heA)),
        Arguments.of("lecunUniform", Initializer.lecunUniform(),
            new UniformRealDistribution(-lecunA, lecunA)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("laws")
  void drawsFollowTheStatedLaw(String name, Initializer init, RealDistribution law) {
    DMatrixRMaj w = new DMatrixRMaj(FAN_IN, FAN_OUT);
    init.fill(w, Rngs.create(11));
    double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(law, w.data);
    assertThat(p).as("KS p-value for %s", name).isGreaterThan(0.001);
    SummaryStatistics s = new SummaryStatistics();
    for (double d : w.data) {
      s.addValue(d);
    }
    assertThat(Math.abs(s.getMean())).isLessThan(4 * Math.sqrt(law.getNumericalVariance()
        / w.data.length));
  }
}
