package org.latentj.examples.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentj.examples.data.EmbeddedDigits;
import org.latentj.inference.data.Transforms;

/** The discrete-VAE comparison end to end on a few digits with small networks. */
class DiscreteVaeExampleTest {

  @Test
  void trainsBothWaysAndReportsTheDiscreteModelsFigures() {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    List<DiscreteVaeExample.Result> results = DiscreteVaeExample.run(
        Transforms.scaleToUnit(EmbeddedDigits.train().rows(0, 300)),
        Transforms.scaleToUnit(EmbeddedDigits.test().rows(0, 40)), 16, 8, 2, 25, 20, 1,
        new PrintStream(text, true, StandardCharsets.UTF_8));
    assertThat(results).hasSize(2);
    for (DiscreteVaeExample.Result r : results) {
      assertThat(r.testElbo()).isBetween(-600.0, 0.0);
      // the importance-sampled estimate is a tighter bound than the ELBO (up to noise)
      assertThat(r.testLogLikelihood()).isGreaterThan(r.testElbo() - 1).isLessThan(0);
    }
    assertThat(text.toString(StandardCharsets.UTF_8)).contains("NVIL", "Concrete relaxation",
        "test log p(x)");
  }
}
