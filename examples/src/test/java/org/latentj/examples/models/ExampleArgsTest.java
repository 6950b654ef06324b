package org.latentj.examples.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ExampleArgsTest {

  @Test
  void givenArgumentsWinAndMissingOnesTakeTheDefault() {
    String[] args = {"7", "out.png"};
    assertThat(ExampleArgs.integer(args, 0, 5)).isEqualTo(7);
    assertThat(ExampleArgs.path(args, 1, "x.png")).isEqualTo(Path.of("out.png"));
    assertThat(ExampleArgs.integer(args, 2, 5)).isEqualTo(5);
    assertThat(ExampleArgs.path(args, 3, "x.png")).isEqualTo(Path.of("x.png"));
  }

  @Test
  void aNumberThatIsNotOneIsNamed() {
    assertThatThrownBy(() -> ExampleArgs.integer(new String[] {"ten"}, 0, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("argument 1 must be a whole number, got 'ten'");
  }
}
