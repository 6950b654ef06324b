package org.latentj.inference.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad input in the table fails fast with an exception of the expected class, raised by
 * latentj's own checks (not deep inside EJML, Jackson or the JDK), whose message names what is
 * wrong and where; none hangs, and none allocates on a header's word (each row may allocate at
 * most {@value #MAX_ALLOCATED_MB} MB). Add a row whenever a new way to feed bad input appears.
 */
class BadInputTest {

  static final long MAX_ALLOCATED_MB = 64;
  static final Duration TIME_LIMIT = Duration.ofSeconds(10);

  @TempDir static Path root;

  static List<BadInput> table() {
    return Stream.of(ShapeCases.cases(), ValueCases.cases(), DataFileCases.cases(),
        CheckpointCases.cases(), SettingsCases.cases())
        .flatMap(List::stream).toList();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("table")
  void failsClearly(BadInput row) throws Exception {
    Path dir = Files.createTempDirectory(root, "row");
    Outcome outcome = assertTimeoutPreemptively(TIME_LIMIT, () -> run(row, dir),
        () -> row.name() + " did not finish within " + TIME_LIMIT);
    Throwable thrown = outcome.thrown();
    assertThat(thrown).as("%s must fail", row.name()).isNotNull();
    assertThat(thrown.getClass()).as("%s: exception class of %s", row.name(), thrown)
        .isEqualTo(row.type());
    String message = thrown.getMessage();
    for (String fragment : row.says()) {
      assertThat(message).as("%s: the message", row.name()).contains(fragment);
    }
    StackTraceElement origin = thrown.getStackTrace()[0];
    assertThat(origin.getClassName()).as("%s: raised by %s, not by latentj's checks",
        row.name(), origin).startsWith("org.latentj.");
    assertThat(outcome.allocatedBytes()).as("%s: bytes allocated", row.name())
        .isLessThan(MAX_ALLOCATED_MB << 20);
  }

  @Test
  void tableCountsItsRowsAndNamesEachOnce() {
    List<BadInput> rows = table();
    Set<String> names = new HashSet<>();
    for (BadInput row : rows) {
      assertThat(names.add(row.name())).as("duplicate row %s", row.name()).isTrue();
    }
    System.out.println("BadInputTest: " + rows.size() + " bad inputs in the table");
    assertThat(rows).hasSizeGreaterThanOrEqualTo(80);
  }

  private record Outcome(Throwable thrown, long allocatedBytes) {}

  /** Runs the row on this thread, measuring what the thread allocates meanwhile. */
  private static Outcome run(BadInput row, Path dir) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(id);
    Throwable thrown = null;
    try {
      row.action().run(dir);
    } catch (Throwable t) {
      thrown = t;
    }
    return new Outcome(thrown, threads.getThreadAllocatedBytes(id) - before);
  }
}
