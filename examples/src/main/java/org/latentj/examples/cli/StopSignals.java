package org.latentj.examples.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.latentj.inference.training.TrainingListener;
import org.latentj.inference.training.TrainingState;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT (Ctrl-C) and SIGTERM while {@code train} runs: the first asks the trainer to stop after
 * the step under way ({@link TrainingState#requestStopNow}), so the command can save a checkpoint
 * inside the epoch and exit with 128 + the signal's number (130, 143); a second one ends the
 * process at once, keeping the last saved checkpoint (saves are atomic).
 *
 * <p>Why {@code sun.misc.Signal} (module jdk.unsupported, present in every JDK since 9) rather
 * than a shutdown hook: a hook runs only once the JVM has begun to exit, beside a training thread
 * that is still stepping, so it would have to stop that thread from outside and race it for the
 * parameters, and the exit code would be the JVM's, not ours. A signal handler only raises a
 * flag; the training thread itself stops between two steps, saves a consistent snapshot, prints
 * what it saved and returns the exit code. The handlers are installed once the run folder is
 * claimed and the previous ones restored at the end of the command, so Ctrl-C while data load
 * ends the process as usual; after training ({@link #trainingDone}) a signal ends it at once
 * with a line saying what was not written.
 */
final class StopSignals implements TrainingListener, AutoCloseable {

  private static final Map<String, Integer> NUMBERS = Map.of("INT", 2, "TERM", 15);

  private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
  private volatile String received;
  private volatile TrainingState state;
  private volatile String afterTraining;

  private StopSignals() {}

  /** Handles SIGINT and SIGTERM until {@link #close()}. */
  static StopSignals install() {
    StopSignals s = new StopSignals();
    for (String name : NUMBERS.keySet()) {
      Signal signal = new Signal(name);
      s.previous.put(signal, Signal.handle(signal, s::handle));
    }
    return s;
  }

  private void handle(Signal signal) {
    String late = afterTraining;
    if (late != null) {
      System.err.println("latentj: SIG" + signal.getName() + ": " + late);
      Runtime.getRuntime().halt(128 + signal.getNumber());
    }
    if (received != null) {
      System.err.println("latentj: second SIG" + signal.getName() + ": stopping now without "
          + "saving; the last checkpoint saved is kept");
      Runtime.getRuntime().halt(128 + signal.getNumber());
    }
    received = signal.getName();
    TrainingState s = state;
    if (s != null) {
      s.requestStopNow("SIG" + received);
    }
  }

  @Override
  public void onTrainingStart(TrainingState s) {
    state = s;
    if (received != null) {
      s.requestStopNow("SIG" + received);
    }
  }

  /**
   * Training is over and its checkpoint saved: a signal from now on prints {@code message}
   * (what is left unwritten and how to get it) and ends the process at once.
   */
  void trainingDone(String message) {
    afterTraining = message;
  }

  /** "SIGINT" or "SIGTERM" once one arrived, else null. */
  String received() {
    return received == null ? null : "SIG" + received;
  }

  /** 128 + the signal's number: 130 for SIGINT, 143 for SIGTERM. */
  int exitCode() {
    return 128 + NUMBERS.getOrDefault(received, 2);
  }

  @Override
  public void close() {
    previous.forEach(Signal::handle);
  }
}
