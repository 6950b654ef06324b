package org.latentj.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentj.examples.pictures.TrainingCurve;
import org.latentj.inference.training.MetricsRecord;

/**
 * Numbers out of a run on data that are not images: {@code encode} writes posterior means and
 * variances, {@code sample} writes CSV by default, {@code --log-every-steps} writes steps.jsonl
 * and draws those points; the training curve's x axis is logarithmic only over wide spans.
 */
class NumbersOutTest {

  @TempDir
  static Path dir;
  static Path run;

  static String[] ran(int expectedCode, String... args) {
    LatentjTest.Result r = LatentjTest.latentj(args);
    assertThat(r.code()).as(r.err()).isEqualTo(expectedCode);
    return new String[] {r.out(), r.err()};
  }

  @BeforeAll
  static void trainOnFiveColumns() throws IOException {
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      csv.append(String.format(java.util.Locale.ROOT, "%.3f,%.3f,%.3f,%.3f,%.3f%n",
          (i % 7) / 7.0, (i % 3) / 3.0, 0.5, (i % 5) / 5.0, 1.0 - (i % 7) / 7.0));
    }
    Path data = Files.writeString(dir.resolve("five.csv"), csv);
    run = dir.resolve("run");
    // 50 training rows in batches of 10: 5 steps per epoch, 2 epochs, a line every 2 steps.
    ran(0, "train", "--data", data.toString(), "--validation", "0", "--epochs", "2",
        "--batch-size", "10", "--hidden", "6", "--latent", "2", "--eval-k", "0",
        "--log-every-steps", "2", "--out", run.toString());
  }

  @Test
  void encodeWritesMeansAndVariancesPerExample() throws IOException {
    String[] r = ran(0, "encode", run.toString());
    Path file = run.resolve(EncodeCommand.LATENTS);
    assertThat(r[0]).contains("wrote " + file, "10 examples of the test split");
    List<String> lines = Files.readAllLines(file);
    assertThat(lines.get(0)).isEqualTo("example,mean_1,mean_2,variance_1,variance_2");
    assertThat(lines).hasSize(11);
    String[] first = lines.get(1).split(",");
    assertThat(first[0]).isEqualTo("0");
    assertThat(Double.parseDouble(first[3])).isPositive();
  }

  @Test
  void sampleWritesCsvForDataThatAreNotImages() throws IOException {
    ran(0, "sample", run.toString(), "--count", "3");
    List<String> lines = Files.readAllLines(run.resolve(SampleCommand.SAMPLES_CSV));
    assertThat(lines.get(0)).isEqualTo("sample,z_1,z_2,x_1,x_2,x_3,x_4,x_5");
    assertThat(lines).hasSize(4);
    assertThat(lines.get(3).split(",")).hasSize(8);
  }

  @Test
  void logEveryStepsWritesOneLinePerNthStep() throws IOException {
    List<String> lines = Files.readAllLines(run.resolve(StepLog.FILE));
    assertThat(lines).hasSize(5); // steps 2, 4, 6, 8, 10
    var last = new ObjectMapper().readTree(lines.get(4));
    assertThat(last.get("step").asLong()).isEqualTo(10);
    assertThat(last.get("epoch").asInt()).isEqualTo(2);
    assertThat(last.get("examples_seen").asLong()).isEqualTo(100);
    assertThat(last.get("bound").asDouble()).isNegative();
  }

  @Test
  void theCurveIsLogarithmicOnlyOverTwoDecadesAndDrawsLoggedSteps() {
    List<MetricsRecord> narrow = List.of(new MetricsRecord(1, 80, 8_000, -200, Double.NaN, 1, 1),
        new MetricsRecord(20, 1600, 160_000, -120, Double.NaN, 1, 1));
    TrainingCurve curve = Figures.trainingCurve(narrow,
        List.of(new StepLog.Point(40, 4_000, -300), new StepLog.Point(60, 6_000, -250)), "t");
    assertThat(curve.logX()).isFalse();
    assertThat(curve.seriesNames()).containsExactly(Figures.STEP_SERIES, "train");
    assertThat(curve.chart(400, 300).getStyler().getXAxisDecimalPattern()).isEqualTo("#,##0");
    TrainingCurve wide = Figures.trainingCurve(narrow,
        List.of(new StepLog.Point(1, 100, -500)), "t");
    assertThat(wide.logX()).isTrue();
  }
}
