package org.latentj.examples.pictures;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The lower bound in nats per example against training examples seen, one line per named series
 * ("train", "validation", ...), as in Kingma and Welling (2013), Figure 2, which uses a
 * logarithmic x axis ({@link #withLogX(boolean)}).
 *
 * <p>A bound that went NaN or infinite (a diverged or not yet evaluated step) is not drawn:
 * such points are skipped and the line joins the finite points on either side. On a logarithmic
 * axis, points at 0 examples seen (an evaluation before the first step) are skipped too. A series
 * left with no point is left out of the chart and its legend. Series with at most
 * {@value #MAX_POINTS_WITH_MARKERS} drawn points get a marker at each point, so a single-point
 * series is visible. Instances are immutable; the {@code with...} methods return changed copies.
 */
public final class TrainingCurve {

  public static final String X_AXIS_TITLE = "training examples seen";
  public static final String Y_AXIS_TITLE = "lower bound (nats per example)";
  /** Longer series are drawn as plain lines; markers would hide them. */
  public static final int MAX_POINTS_WITH_MARKERS = 50;
  /** Smallest width and height in pixels that leave room for titles, ticks and legend. */
  public static final int MIN_SIZE = 100;

  private record Series(String name, double[] examplesSeen, double[] nats) {}

  private final String title;
  private final List<Series> series;
  private final boolean logX;

  private TrainingCurve(String title, List<Series> series, boolean logX) {
    this.title = title;
    this.series = series;
    this.logX = logX;
  }

  /** An empty chart with the given title and a linear x axis. */
  public static TrainingCurve titled(String title) {
    Objects.requireNonNull(title, "title");
    return new TrainingCurve(title, List.of(), false);
  }

  /** The same chart with a logarithmic ({@code on}) or linear x axis. */
  public TrainingCurve withLogX(boolean on) {
    return new TrainingCurve(title, series, on);
  }

  /**
   * The same chart plus a series: {@code natsPerExample[i]} is the bound after
   * {@code examplesSeen[i]} examples. Both arrays are copied; they must have the same non-zero
   * length, and {@code examplesSeen} must be finite, non-negative and non-decreasing. The name
   * must be non-blank and new to this chart.
   */
  public TrainingCurve withSeries(String name, double[] examplesSeen, double[] natsPerExample) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(examplesSeen, "examplesSeen");
    Objects.requireNonNull(natsPerExample, "natsPerExample");
    if (name.isBlank()) {
      throw new IllegalArgumentException("series name is blank");
    }
    for (Series s : series) {
      if (s.name().equals(name)) {
        throw new IllegalArgumentException("series \"" + name + "\" is already in the chart");
      }
    }
    if (examplesSeen.length != natsPerExample.length || examplesSeen.length == 0) {
      throw new IllegalArgumentException("series \"" + name + "\" has " + examplesSeen.length
          + " examplesSeen and " + natsPerExample.length
          + " natsPerExample values; they must be equal in number and not zero");
    }
    for (int i = 0; i < examplesSeen.length; i++) {
      double x = examplesSeen[i];
      if (!Double.isFinite(x) || x < 0) {
        throw new IllegalArgumentException("series \"" + name + "\" has examplesSeen[" + i
            + "] = " + x + "; it must be finite and >= 0");
      }
      if (i > 0 && x < examplesSeen[i - 1]) {
        throw new IllegalArgumentException("series \"" + name + "\" has examplesSeen[" + i
            + "] = " + x + " below examplesSeen[" + (i - 1) + "] = " + examplesSeen[i - 1]
            + "; it must be non-decreasing");
      }
    }
    List<Series> more = new ArrayList<>(series);
    more.add(new Series(name, examplesSeen.clone(), natsPerExample.clone()));
    return new TrainingCurve(title, List.copyOf(more), logX);
  }

  /** {@link #withSeries(String, double[], double[])} with counts as longs. */
  public TrainingCurve withSeries(String name, long[] examplesSeen, double[] natsPerExample) {
    Objects.requireNonNull(examplesSeen, "examplesSeen");
    return withSeries(name, Arrays.stream(examplesSeen).asDoubleStream().toArray(),
        natsPerExample);
  }

  public String title() {
    return title;
  }

  public boolean logX() {
    return logX;
  }

  /** The series names in the order they were added. */
  public List<String> seriesNames() {
    return series.stream().map(Series::name).toList();
  }

  /** A new XChart chart of {@code width x height} pixels, for callers that want to restyle it. */
  public XYChart chart(int width, int height) {
    if (width < MIN_SIZE || height < MIN_SIZE) {
      throw new IllegalArgumentException("chart size " + width + " x " + height
          + " is below the minimum of " + MIN_SIZE + " x " + MIN_SIZE + " pixels");
    }
    PngFiles.init();
    XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
        .xAxisTitle(X_AXIS_TITLE).yAxisTitle(Y_AXIS_TITLE).build();
    chart.getStyler()
        .setXAxisLogarithmic(logX)
        .setChartBackgroundColor(Color.WHITE)
        .setPlotBackgroundColor(Color.WHITE)
        .setLegendPosition(Styler.LegendPosition.InsideSE);
    if (logX) {
      // Every decade as 1E3, 1E4, ... (by default the first ones are spelled out: 100, 1000, 1E4).
      chart.getStyler().setXAxisDecimalPattern("0E0");
    } else {
      // Ticks every round step, with thousands separated: 20,000  40,000 ...
      chart.getStyler().setXAxisDecimalPattern("#,##0");
    }
    for (Series s : series) {
      double[][] kept = drawable(s);
      if (kept[0].length > 0) {
        XYSeries line = chart.addSeries(s.name(), kept[0], kept[1]);
        line.setMarker(kept[0].length <= MAX_POINTS_WITH_MARKERS
            ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
      }
    }
    return chart;
  }

  /** The chart drawn into a new image of {@code width x height} pixels. */
  public BufferedImage render(int width, int height) {
    return BitmapEncoder.getBufferedImage(chart(width, height));
  }

  /** Renders as {@link #render} does and writes the PNG atomically to {@code png}. */
  public void write(Path png, int width, int height) throws IOException {
    PngFiles.write(render(width, height), png);
  }

  @Override
  public String toString() {
    return "TrainingCurve{title=\"" + title + "\", series=" + seriesNames() + ", logX=" + logX
        + "}";
  }

  /** The points that can be drawn: finite bound, and x > 0 on a log axis. */
  private double[][] drawable(Series s) {
    double[] x = s.examplesSeen();
    double[] y = s.nats();
    int kept = 0;
    double[] keptX = new double[x.length];
    double[] keptY = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      if (Double.isFinite(y[i]) && (!logX || x[i] > 0)) {
        keptX[kept] = x[i];
        keptY[kept] = y[i];
        kept++;
      }
    }
    return new double[][] {Arrays.copyOf(keptX, kept), Arrays.copyOf(keptY, kept)};
  }
}
