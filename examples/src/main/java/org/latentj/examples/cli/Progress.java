package org.latentj.examples.cli;

import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.latentj.inference.training.EpochSummary;
import org.latentj.inference.training.MetricsListener;
import org.latentj.inference.training.MetricsRecord;
import org.latentj.inference.training.TrainingListener;
import org.latentj.inference.training.TrainingState;

/**
 * Progress on stderr. On a terminal: a bar per epoch with the running bound and examples per
 * second, left on screen at the end of the epoch with its final figures; elsewhere (a pipe, a CI
 * log) one plain line per epoch and nothing in between, so logs stay readable.
 */
final class Progress implements TrainingListener, AutoCloseable {

  /** An evaluation's progress: examples done out of a total. */
  interface Ticker extends AutoCloseable {
    void step(long done, String message);

    @Override
    void close();
  }

  private final PrintWriter err;
  private final boolean bar;
  private final int epochs;
  private final long batchesPerEpoch;
  private final MetricsListener metrics;
  private ProgressBar current;
  private double boundSum;
  private long batches;
  private long examplesAtStart;
  private long start;

  /**
   * @param err where plain lines go (bars go to {@code System.err}, the terminal)
   * @param bar whether to draw bars, e.g. {@link #interactive()}
   */
  Progress(PrintWriter err, boolean bar, int epochs, long batchesPerEpoch,
      MetricsListener metrics) {
    this.err = err;
    this.bar = bar;
    this.epochs = epochs;
    this.batchesPerEpoch = batchesPerEpoch;
    this.metrics = metrics;
  }

  /** Whether stderr is an interactive terminal (a bar would then be redrawn in place). */
  static boolean interactive() {
    return System.console() != null && !"dumb".equals(System.getenv("TERM"));
  }

  @Override
  public void onEpochStart(TrainingState state) {
    boundSum = 0;
    batches = 0;
    examplesAtStart = state.examplesSeen();
    start = System.nanoTime();
    if (bar) {
      current = builder("epoch " + state.epoch() + "/" + epochs, batchesPerEpoch).build();
    }
  }

  @Override
  public void onStep(TrainingState state, double bound) {
    boundSum += bound;
    batches++;
    if (current != null) {
      double seconds = (System.nanoTime() - start) / 1e9;
      current.step();
      current.setExtraMessage(String.format(Locale.ROOT, "bound %.2f | %.0f ex/s",
          boundSum / batches, (state.examplesSeen() - examplesAtStart) / seconds));
    }
  }

  @Override
  public void onEpochEnd(TrainingState state, EpochSummary summary) {
    MetricsRecord r = metrics == null ? null : metrics.last();
    String validation = r != null && r.epoch() == summary.epoch() && r.hasValidation()
        ? String.format(Locale.ROOT, " | validation %.2f", r.validationBound()) : "";
    if (current != null) {
      current.setExtraMessage(String.format(Locale.ROOT, "bound %.2f%s | %.0f ex/s",
          summary.trainBound(), validation, summary.examplesPerSecond()));
      current.close();
      current = null;
    } else if (!bar) {
      err.printf(Locale.ROOT, "epoch %d/%d: train bound %.2f%s nats, %.1f s, %.0f examples/s%n",
          summary.epoch(), epochs, summary.trainBound(), validation.replace(" |", ","),
          summary.seconds(), summary.examplesPerSecond());
    }
  }

  @Override
  public void onTrainingEnd(TrainingState state) {
    close();
  }

  @Override
  public void close() {
    if (current != null) {
      current.close();
      current = null;
    }
  }

  /** A bar over {@code total} units on a terminal, nothing elsewhere. */
  static Ticker ticker(boolean bar, String task, long total) {
    if (!bar) {
      return new Ticker() {
        @Override
        public void step(long done, String message) {}

        @Override
        public void close() {}
      };
    }
    ProgressBar pb = builder(task, total).build();
    return new Ticker() {
      @Override
      public void step(long done, String message) {
        pb.stepTo(done);
        pb.setExtraMessage(message);
      }

      @Override
      public void close() {
        pb.close();
      }
    };
  }

  private static ProgressBarBuilder builder(String task, long max) {
    return new ProgressBarBuilder().setTaskName(task).setInitialMax(max)
        .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUpdateIntervalMillis(250)
        .setConsumer(new ConsoleProgressBarConsumer(System.err));
  }
}
