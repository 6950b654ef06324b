package org.latentj.examples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * {@code latentj} in a child JVM of the test class path (as the inference tests' ChildJvm runs
 * its savers), with stdout and stderr merged into lines collected as they arrive, so a test can
 * wait for a line, send a signal, and read the exit code.
 */
final class ChildLatentj implements AutoCloseable {

  private final Process process;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Thread reader;

  private ChildLatentj(Process process) {
    this.process = process;
    this.reader = new Thread(this::collect, "latentj-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code latentj args} with the exact matrix kernel and {@code jvmOptions}. */
  static ChildLatentj start(List<String> jvmOptions, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Dlatentj.matmul=ejml");
    cmd.addAll(jvmOptions);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Latentj.class.getName()));
    cmd.addAll(List.of(args));
    return new ChildLatentj(new ProcessBuilder(cmd).redirectErrorStream(true).start());
  }

  private void collect() {
    try (BufferedReader r = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lines.add(line);
      }
    } catch (IOException e) {
      // The child ended mid-line; what arrived is kept.
    }
  }

  /** Waits until a line starts with {@code prefix}; false if the child ended first. */
  boolean awaitLineStarting(String prefix, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    while (System.nanoTime() < deadline) {
      if (lines.stream().anyMatch(l -> l.startsWith(prefix))) {
        return true;
      }
      if (!process.isAlive()) {
        return false;
      }
      Thread.sleep(2);
    }
    return false;
  }

  /** Sends {@code signal} ("INT", "TERM") with kill(1). */
  void signal(String signal) throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start()
        .waitFor();
  }

  /** Waits for the child to end and returns its exit code. */
  int waitFor(long timeoutMillis) throws InterruptedException {
    if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("latentj did not end within " + timeoutMillis + " ms: " + lines);
    }
    reader.join(10_000);
    return process.exitValue();
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
