package org.latentj.examples.reproduction;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.latentj.examples.pictures.TrainingCurve;

/**
 * Draws Figure 2 of Kingma &amp; Welling (2013): the lower bound per datapoint against training
 * examples seen on a logarithmic axis, one colour per latent size, the test bound solid and the
 * train bound dashed. Built on {@link TrainingCurve}, restyled.
 */
public final class AevbFigure2Chart {

  /** The y axis title, as in the paper. */
  public static final String Y_AXIS_TITLE = "lower bound per datapoint (nats)";

  private static final Color[] PALETTE = {
      new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd),
      new Color(0xff7f0e), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)};

  private AevbFigure2Chart() {}

  /** The chart of {@code points} (any order), titled {@code title}, {@code width x height} px. */
  public static XYChart chart(String title, List<AevbCurvePoint> points, int width, int height) {
    Map<Integer, List<AevbCurvePoint>> byLatent = new TreeMap<>();
    for (AevbCurvePoint p : points) {
      byLatent.computeIfAbsent(p.latentSize(), k -> new ArrayList<>()).add(p);
    }
    TrainingCurve curve = TrainingCurve.titled(title).withLogX(true);
    for (Map.Entry<Integer, List<AevbCurvePoint>> e : byLatent.entrySet()) {
      List<AevbCurvePoint> ps = e.getValue().stream()
          .sorted(Comparator.comparingLong(AevbCurvePoint::examples)).toList();
      long[] x = ps.stream().mapToLong(AevbCurvePoint::examples).toArray();
      curve = curve
          .withSeries(testName(e.getKey()), x,
              ps.stream().mapToDouble(AevbCurvePoint::testBound).toArray())
          .withSeries(trainName(e.getKey()), x,
              ps.stream().mapToDouble(AevbCurvePoint::trainBound).toArray());
    }
    XYChart chart = curve.chart(width, height);
    chart.setYAxisTitle(Y_AXIS_TITLE);
    int i = 0;
    for (Integer nz : byLatent.keySet()) {
      Color colour = PALETTE[i++ % PALETTE.length];
      style(chart.getSeries(testName(nz)), colour, false);
      style(chart.getSeries(trainName(nz)), colour, true);
    }
    return chart;
  }

  /** Writes the chart as a PNG of {@code width x height} pixels to {@code png}. */
  public static void write(String title, List<AevbCurvePoint> points, Path png, int width,
      int height) throws IOException {
    XYChart chart = chart(title, points, width, height);
    Files.createDirectories(png.toAbsolutePath().getParent());
    ImageIO.write(BitmapEncoder.getBufferedImage(chart), "png", png.toFile());
  }

  static String testName(int nz) {
    return "Nz=" + nz + " test";
  }

  static String trainName(int nz) {
    return "Nz=" + nz + " train";
  }

  // A series with no finite point is left out of the chart by TrainingCurve.
  private static void style(XYSeries series, Color colour, boolean dashed) {
    if (series != null) {
      series.setLineColor(colour);
      series.setMarkerColor(colour);
      series.setLineStyle(dashed ? SeriesLines.DASH_DASH : SeriesLines.SOLID);
    }
  }
}
