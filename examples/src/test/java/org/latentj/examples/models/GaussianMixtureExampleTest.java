package org.latentj.examples.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The mixture example, shortened: it finds the three components and their weights. */
class GaussianMixtureExampleTest {

  @Test
  void findsTheComponentsAndWeights() {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    GaussianMixtureExample.Report r = GaussianMixtureExample.run(600, 1,
        new PrintStream(text, true, StandardCharsets.UTF_8));
    java.util.Set<Integer> matched = new java.util.HashSet<>();
    for (int j = 0; j < 3; j++) {
      // components are found up to a relabelling: match each to the nearest true mean
      int t = nearestTrueMean(r.means().get(j, 0), r.means().get(j, 1));
      matched.add(t);
      double[] truth = GaussianMixtureExample.TRUE_MEANS[t];
      assertThat(r.means().get(j, 0)).isCloseTo(truth[0], within(0.25));
      assertThat(r.means().get(j, 1)).isCloseTo(truth[1], within(0.25));
      // the posterior sd of a mean is about sigma / sqrt(points in its cluster)
      double sd = GaussianMixtureExample.SIGMA
          / Math.sqrt(GaussianMixtureExample.POINTS * r.weights()[j]);
      assertThat(r.scales().get(j, 0)).isCloseTo(sd, withinPercentage(25));
      assertThat(r.scales().get(j, 1)).isCloseTo(sd, withinPercentage(25));
      assertThat(r.weights()[j]).isCloseTo(GaussianMixtureExample.TRUE_WEIGHTS[t], within(0.06));
    }
    assertThat(matched).hasSize(3);
    // fitted parameters explain the sample at least about as well as the truth does
    assertThat(r.logLikelihood()).isGreaterThan(r.trueLogLikelihood() - 0.01);
    assertThat(text.toString(StandardCharsets.UTF_8)).contains("log p(x) per point");
  }

  private static int nearestTrueMean(double a, double b) {
    int best = 0;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int t = 0; t < 3; t++) {
      double[] m = GaussianMixtureExample.TRUE_MEANS[t];
      double d = (a - m[0]) * (a - m[0]) + (b - m[1]) * (b - m[1]);
      if (d < bestDistance) {
        bestDistance = d;
        best = t;
      }
    }
    return best;
  }
}
