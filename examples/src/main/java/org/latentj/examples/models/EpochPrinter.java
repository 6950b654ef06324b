package org.latentj.examples.models;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import org.latentj.inference.training.EpochSummary;
import org.latentj.inference.training.TrainingListener;
import org.latentj.inference.training.TrainingState;

/** After each epoch, measures the test ELBO, prints one line and keeps the figures. */
final class EpochPrinter implements TrainingListener {

  private final DoubleSupplier testElbo;
  private final PrintStream out;
  private final List<EpochFigures> figures = new ArrayList<>();

  EpochPrinter(DoubleSupplier testElbo, PrintStream out) {
    this.testElbo = testElbo;
    this.out = out;
  }

  @Override
  public void onEpochEnd(TrainingState state, EpochSummary summary) {
    EpochFigures f = new EpochFigures(summary.epoch(), summary.trainBound(),
        testElbo.getAsDouble(), summary.seconds());
    figures.add(f);
    out.printf(Locale.ROOT, "epoch %3d: train bound %8.2f   test ELBO %8.2f   (%.1f s)%n",
        f.epoch(), f.trainBound(), f.testElbo(), f.seconds());
  }

  List<EpochFigures> figures() {
    return List.copyOf(figures);
  }
}
