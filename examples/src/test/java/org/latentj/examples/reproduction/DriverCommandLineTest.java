package org.latentj.examples.reproduction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class DriverCommandLineTest {

  @Command(name = "driver")
  static final class Failing implements Callable<Integer> {
    private final RuntimeException failure;

    Failing(RuntimeException failure) {
      this.failure = failure;
    }

    @Override
    public Integer call() {
      throw failure;
    }
  }

  @Test
  void aBadSettingExitsTwoWithItsMessageAndNoStackTrace() {
    StringWriter err = new StringWriter();
    int code = run(new IllegalArgumentException("--stages must be in [1, 8], got 9"), err);
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("driver: --stages must be in [1, 8], got 9")
        .contains("--help").doesNotContain("\tat ").doesNotContain("Exception");
  }

  @Test
  void anotherFailureExitsOneWithItsMessage() {
    StringWriter err = new StringWriter();
    int code = run(new IllegalStateException("Fashion-MNIST not found"), err);
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("driver: error: Fashion-MNIST not found")
        .doesNotContain("\tat ");
  }

  @Test
  void theRealDriversRefuseABadOptionWithExitTwo() {
    assertThat(AevbFigure2.execute(System.out, "--examples", "-5")).isEqualTo(2);
    assertThat(EstimatorVariance.execute(System.out, "--minibatches", "0")).isEqualTo(2);
  }

  private static int run(RuntimeException failure, StringWriter err) {
    CommandLine cl = DriverCommandLine.of(new Failing(failure));
    cl.setErr(new PrintWriter(err));
    return cl.execute();
  }
}
