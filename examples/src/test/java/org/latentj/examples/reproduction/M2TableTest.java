package org.latentj.examples.reproduction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class M2TableTest {

  private static String refusal(String... args) {
    StringWriter err = new StringWriter();
    CommandLine cl = DriverCommandLine.of(new M2Table());
    cl.setErr(new PrintWriter(err));
    assertThat(cl.execute(args)).isEqualTo(2);
    return err.toString();
  }

  @Test
  void aValidationSplitThatLeavesNoTrainingDigitsIsRefused() {
    assertThat(refusal("--validation", "8000"))
        .contains("--validation must be in [1, 7999]").contains("got 8000")
        .doesNotContain("\tat ");
  }

  @Test
  void zeroLabelledStepsAreRefused() {
    assertThat(refusal("--labelled-steps", "0", "--train-rows", "300", "--validation", "100"))
        .contains("labelled steps must be at least 1").doesNotContain("\tat ");
  }
}
