package org.latentj.examples.reproduction;

import java.io.PrintStream;
import java.util.Locale;
import org.latentj.inference.training.EpochSummary;
import org.latentj.inference.training.TrainingListener;
import org.latentj.inference.training.TrainingState;

/** One line per epoch: the run, stage and rate, the training bound, and elapsed seconds. */
final class IwaeProgress implements TrainingListener {

  private final PrintStream out;
  private final String run;
  private final IwaeSchedule schedule;
  private long start;

  IwaeProgress(PrintStream out, String run, IwaeSchedule schedule) {
    this.out = out;
    this.run = run;
    this.schedule = schedule;
  }

  @Override
  public void onTrainingStart(TrainingState state) {
    start = System.nanoTime();
  }

  @Override
  public void onEpochEnd(TrainingState state, EpochSummary s) {
    int epoch = s.epoch() - 1;
    out.printf(Locale.ROOT, "[%s] epoch %d/%d (stage %d, rate %.2e): train bound %.2f nats,"
            + " %.1f s/epoch, elapsed %.1f s%n", run, s.epoch(), schedule.epochs(),
        schedule.stage(epoch), schedule.rate(epoch), s.trainBound(), s.seconds(),
        (System.nanoTime() - start) / 1e9);
  }
}
