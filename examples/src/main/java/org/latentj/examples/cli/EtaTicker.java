package org.latentj.examples.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A {@link Progress.Ticker} that says, once the first examples are done, how long the whole
 * task will take (when that is more than {@value #QUIET_SECONDS} s), and, where no bar is drawn
 * (a pipe, a CI log), one line at every tenth of the way, so a long evaluation is never silent.
 */
final class EtaTicker implements Progress.Ticker {

  static final double QUIET_SECONDS = 5;

  private final Progress.Ticker bar;
  private final boolean lines;
  private final PrintWriter err;
  private final String task;
  private final long total;
  private final LongSupplier nanos;
  private final long start;
  private boolean estimated;
  private long nextTenth = 1;

  /**
   * @param bar the bar drawn on a terminal (or a silent ticker)
   * @param lines whether to print progress lines (when there is no bar)
   * @param nanos the clock, {@code System::nanoTime} outside tests
   */
  EtaTicker(Progress.Ticker bar, boolean lines, PrintWriter err, String task, long total,
      LongSupplier nanos) {
    this.bar = bar;
    this.lines = lines;
    this.err = err;
    this.task = task;
    this.total = total;
    this.nanos = nanos;
    this.start = nanos.getAsLong();
  }

  /** The bar of {@link Progress#ticker} on a terminal, with the estimate and lines elsewhere. */
  static EtaTicker of(PrintWriter err, String task, long total) {
    boolean bar = Progress.interactive();
    return new EtaTicker(Progress.ticker(bar, task, total), !bar, err, task, total,
        System::nanoTime);
  }

  @Override
  public void step(long done, String message) {
    bar.step(done, message);
    double seconds = (nanos.getAsLong() - start) / 1e9;
    if (!estimated && done > 0) {
      estimated = true;
      double all = seconds * total / done;
      if (all > QUIET_SECONDS) {
        err.printf(Locale.ROOT, "%s: about %s for %,d examples (timed on the first %,d)%n",
            task, duration(all), total, done);
        err.flush();
      }
    }
    if (lines && done * 10 >= nextTenth * total && done < total) {
      while (done * 10 >= nextTenth * total) {
        nextTenth++;
      }
      err.printf(Locale.ROOT, "%s: %d%% (%,d of %,d examples), about %s left, %s%n", task,
          done * 100 / total, done, total, duration(seconds * (total - done) / done), message);
      err.flush();
    }
  }

  /** "40 s", "12 min", "1.5 h". */
  static String duration(double seconds) {
    if (seconds < 90) {
      return String.format(Locale.ROOT, "%.0f s", seconds);
    }
    if (seconds < 90 * 60) {
      return String.format(Locale.ROOT, "%.0f min", seconds / 60);
    }
    return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
  }

  @Override
  public void close() {
    bar.close();
  }
}
