package org.latentj.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The step count of {@link ConvStepCpuTime}: a whole number, at least 4, or one message. */
class ConvStepCpuTimeTest {

  @Test
  void stepsAreAWholeNumberOfAtLeastFour() {
    assertThat(ConvStepCpuTime.steps("40")).isEqualTo(40);
    for (String bad : new String[] {"3", "ten", ""}) {
      assertThatThrownBy(() -> ConvStepCpuTime.steps(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("ConvStepCpuTime: steps must be a whole number of at least 4, got '" + bad
              + "'");
    }
  }
}
