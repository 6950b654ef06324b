package org.latentj.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The evaluation's time estimate and plain progress lines, on a clock the test moves. */
class EtaTickerTest {

  private long now;

  private static Progress.Ticker silent() {
    return Progress.ticker(false, "t", 1);
  }

  @Test
  void estimatesTheWholeTaskFromTheFirstExamplesAndPrintsEachTenth() {
    StringWriter text = new StringWriter();
    EtaTicker t = new EtaTicker(silent(), true, new PrintWriter(text, true), "log p(x), k=5000",
        2000, () -> now);
    now = 2_000_000_000L; // 2 s for the first 20 of 2,000 examples: 200 s in all
    t.step(20, "log p(x) -100.00");
    now = 40_000_000_000L;
    t.step(400, "log p(x) -99.00");
    t.step(420, "log p(x) -99.00");
    assertThat(text.toString()).isEqualTo("log p(x), k=5000: about 3 min for 2,000 examples "
        + "(timed on the first 20)\n"
        + "log p(x), k=5000: 20% (400 of 2,000 examples), about 3 min left, log p(x) -99.00\n");
  }

  @Test
  void aShortTaskSaysNothing() {
    StringWriter text = new StringWriter();
    EtaTicker t = new EtaTicker(silent(), false, new PrintWriter(text, true), "x", 100,
        () -> now);
    now = 10_000_000L;
    t.step(50, "");
    assertThat(text.toString()).isEmpty();
  }

  @Test
  void evaluateDefaultsToAKThatFinishesInMinutesAndNamesK5000InItsHelp() {
    CommandLine evaluate = Latentj.commandLine().getSubcommands().get("evaluate");
    assertThat(evaluate.getCommandSpec().findOption("-k").defaultValue()).isEqualTo("100");
    assertThat(evaluate.getUsageMessage()).contains("-k 5000 gives the IWAE paper's figure");
  }
}
