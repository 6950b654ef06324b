package org.latentj.testing;

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
 * A separate JVM running a {@code main} class of the test class path, with its output lines
 * collected as they arrive. Under Surefire the class path is a manifest-only jar whose
 * {@code Class-Path} lists every entry, which a child JVM follows just the same. Used by the
 * inference tests that kill savers and by the examples' test that stops {@code latentj train}
 * with signals.
 */
public final class ChildJvm implements AutoCloseable {

  private final Process process;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final List<Long> arrivals = new CopyOnWriteArrayList<>();
  private final Thread reader;

  private ChildJvm(Process process) {
    this.process = process;
    this.reader = new Thread(this::collect, "child-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** The command that runs {@code main} with {@code args} under {@code jvmOptions}. */
  public static List<String> command(List<String> jvmOptions, Class<?> main, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(main.getName());
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** Starts {@code command} with standard error merged into the collected output. */
  public static ChildJvm start(List<String> command) throws IOException {
    return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
  }

  private void collect() {
    try (BufferedReader r = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        arrivals.add(System.nanoTime());
        lines.add(line);
      }
    } catch (IOException e) {
      // The child was killed mid-line; what arrived is kept.
    }
  }

  /**
   * Waits until an output line equals {@code line} and returns its arrival time
   * ({@link System#nanoTime()}), or -1 if the child ended or the time ran out first.
   */
  public long awaitLine(String line, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    while (System.nanoTime() < deadline) {
      int i = lines.indexOf(line);
      if (i >= 0) {
        return arrivals.get(i);
      }
      if (!process.isAlive() && !reader.isAlive()) {
        return -1;
      }
      Thread.sleep(1);
    }
    return -1;
  }

  /** Waits until an output line starts with {@code prefix}; false if the child ended first. */
  public boolean awaitLineStarting(String prefix, long timeoutMillis)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    while (System.nanoTime() < deadline) {
      if (lines.stream().anyMatch(l -> l.startsWith(prefix))) {
        return true;
      }
      if (!process.isAlive() && !reader.isAlive()) {
        return false;
      }
      Thread.sleep(1);
    }
    return false;
  }

  /** Sends {@code signal} ("INT", "TERM", ...) to the child with kill(1). */
  public void signal(String signal) throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start()
        .waitFor();
  }

  /** The arrival time of output line {@code line}, or -1 if it has not arrived. */
  public long arrival(String line) {
    int i = lines.indexOf(line);
    return i < 0 ? -1 : arrivals.get(i);
  }

  /** SIGKILL on Linux and macOS: the child gets no chance to clean up. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
    reader.join(10_000);
  }

  /** Waits for the child to exit on its own and returns its exit code. */
  public int waitFor(long timeoutMillis) throws InterruptedException {
    if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
      kill();
      throw new AssertionError("child JVM did not finish within " + timeoutMillis
          + " ms; output: " + lines);
    }
    reader.join(10_000);
    return process.exitValue();
  }

  /** The output lines so far. */
  public List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      try {
        kill();
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
