package org.latentj.examples.pictures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

class TrainingCurveTest {

  private static final double NAN = Double.NaN;

  @TempDir
  Path dir;

  private static List<String> names(XYChart chart) {
    return chart.getSeriesCollection().stream().map(XYSeries::getName).toList();
  }

  private static TrainingCurve twoSeries() {
    double[] seen = {1e3, 1e4, 1e5, 1e6};
    return TrainingCurve.titled("MNIST, J = 20")
        .withSeries("train", seen, new double[] {-190, -150, -120, -105})
        .withSeries("validation", seen, new double[] {-192, -153, -124, -110});
  }

  @Test
  void writesANonEmptyPngOfTheRequestedSizeHeadless() throws IOException {
    Path png = dir.resolve("plots/curve.png");
    twoSeries().withLogX(true).write(png, 640, 480);
    assertThat(Files.size(png)).isGreaterThan(1000);
    BufferedImage image = Pngs.read(png);
    assertThat(image.getWidth()).isEqualTo(640);
    assertThat(image.getHeight()).isEqualTo(480);
    assertThat(GraphicsEnvironment.isHeadless()).isTrue();
  }

  @Test
  void chartCarriesTitlesAxisTitlesAndSeries() {
    XYChart chart = twoSeries().chart(400, 300);
    assertThat(chart.getTitle()).isEqualTo("MNIST, J = 20");
    assertThat(chart.getXAxisTitle()).isEqualTo("training examples seen");
    assertThat(chart.getYAxisTitle()).isEqualTo("lower bound (nats per example)");
    assertThat(names(chart)).containsExactly("train", "validation");
    assertThat(chart.getStyler().isXAxisLogarithmic()).isFalse();
    assertThat(twoSeries().withLogX(true).chart(400, 300).getStyler().isXAxisLogarithmic())
        .isTrue();
  }

  @Test
  void nonFiniteBoundsAreSkipped() {
    XYChart chart = TrainingCurve.titled("diverging")
        .withSeries("train", new double[] {1, 2, 3, 4, 5},
            new double[] {-100, NAN, -90, Double.NEGATIVE_INFINITY, -85})
        .chart(400, 300);
    XYSeries train = chart.getSeries("train");
    assertThat(train.getXData()).containsExactly(1, 3, 5);
    assertThat(train.getYData()).containsExactly(-100, -90, -85);
  }

  @Test
  void zeroExamplesSeenIsSkippedOnlyOnALogAxis() {
    TrainingCurve curve = TrainingCurve.titled("from step 0")
        .withSeries("train", new long[] {0, 100, 1000}, new double[] {-500, -200, -150});
    assertThat(curve.chart(400, 300).getSeries("train").getXData()).hasSize(3);
    assertThat(curve.withLogX(true).chart(400, 300).getSeries("train").getXData())
        .containsExactly(100, 1000);
  }

  @Test
  void singlePointAndEmptiedSeriesDoNotThrow() throws IOException {
    TrainingCurve curve = TrainingCurve.titled("odd series").withLogX(true)
        .withSeries("test", new double[] {5e7}, new double[] {-99})
        .withSeries("all NaN", new double[] {1, 2}, new double[] {NAN, NAN});
    XYChart chart = curve.chart(400, 300);
    assertThat(names(chart)).containsExactly("test");
    assertThat(chart.getSeries("test").getMarker()).isEqualTo(SeriesMarkers.CIRCLE);
    Path png = dir.resolve("odd.png");
    curve.write(png, 400, 300);
    assertThat(Pngs.read(png).getWidth()).isEqualTo(400);

    Path nothing = dir.resolve("nothing.png");
    TrainingCurve.titled("nothing yet")
        .withSeries("train", new double[] {0}, new double[] {NAN}).write(nothing, 300, 200);
    assertThat(Pngs.read(nothing).getHeight()).isEqualTo(200);
  }

  @Test
  void longSeriesHaveNoMarkers() {
    int n = TrainingCurve.MAX_POINTS_WITH_MARKERS + 1;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
      y[i] = -100 + i;
    }
    XYChart chart = TrainingCurve.titled("long").withSeries("train", x, y).chart(400, 300);
    assertThat(chart.getSeries("train").getMarker()).isEqualTo(SeriesMarkers.NONE);
  }

  @Test
  void badSeriesAreErrorsNamingTheSeries() {
    TrainingCurve curve = TrainingCurve.titled("t");
    assertThatThrownBy(() -> curve.withSeries("train", new double[] {1, 2}, new double[] {-1}))
        .hasMessageContaining("\"train\" has 2 examplesSeen and 1 natsPerExample");
    assertThatThrownBy(() -> curve.withSeries("train", new double[0], new double[0]))
        .hasMessageContaining("not zero");
    assertThatThrownBy(() -> curve.withSeries("v", new double[] {1, 3, 2}, new double[3]))
        .hasMessageContaining("\"v\" has examplesSeen[2] = 2.0 below examplesSeen[1] = 3.0");
    assertThatThrownBy(() -> curve.withSeries("v", new double[] {-1}, new double[1]))
        .hasMessageContaining("examplesSeen[0] = -1.0");
    assertThatThrownBy(() -> curve.withSeries("v", new double[] {NAN}, new double[1]))
        .hasMessageContaining("examplesSeen[0] = NaN");
    assertThatThrownBy(() -> curve.withSeries(" ", new double[] {1}, new double[1]))
        .hasMessageContaining("blank");
    TrainingCurve one = curve.withSeries("train", new double[] {1}, new double[] {-1});
    assertThatThrownBy(() -> one.withSeries("train", new double[] {1}, new double[] {-1}))
        .hasMessageContaining("\"train\" is already in the chart");
    assertThatThrownBy(() -> one.chart(99, 300)).hasMessageContaining("99 x 300");
  }

  @Test
  void seriesArraysAreCopied() {
    double[] y = {-100, -90};
    TrainingCurve curve = TrainingCurve.titled("t").withSeries("train", new double[] {1, 2}, y);
    y[0] = NAN;
    assertThat(curve.chart(400, 300).getSeries("train").getYData())
        .containsExactly(-100, -90);
    assertThat(curve.seriesNames()).containsExactly("train");
    assertThat(curve.toString()).contains("train", "logX=false");
  }
}
