package org.latentj.examples.reproduction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentj.inference.guice.ObjectivesModule;
import org.latentj.inference.optim.IwaeStages;

/** The pieces of the IWAE table: names, schedule, data, output bias and report. */
class IwaePartsTest {

  @Test
  void configNamesGiveTheObjectiveAndK() {
    assertThat(IwaeConfig.parse("vae-k5"))
        .isEqualTo(new IwaeConfig("vae-k5", ObjectivesModule.ELBO, 5));
    assertThat(IwaeConfig.parse(" iwae-k50"))
        .isEqualTo(new IwaeConfig("iwae-k50", ObjectivesModule.IWAE, 50));
    assertThat(IwaeConfig.parseList(IwaeConfig.DEFAULTS)).extracting(IwaeConfig::particles)
        .containsExactly(1, 5, 50, 5, 50);
    assertThatThrownBy(() -> IwaeConfig.parse("iwae-k0")).hasMessageContaining("iwae-k0");
    assertThatThrownBy(() -> IwaeConfig.parse("vae5")).hasMessageContaining("vae-k<k>");
  }

  @Test
  void fourStagesAreFortyEpochsOnThePapersRates() {
    IwaeSchedule s = new IwaeSchedule(4, 1, Integer.MAX_VALUE);
    assertThat(s.epochs()).isEqualTo(40);
    for (int e = 0; e < 40; e++) {
      assertThat(s.rate(e)).as("epoch %d", e).isEqualTo(IwaeStages.standard().rate(e));
    }
    assertThat(new IwaeSchedule(8, 1, Integer.MAX_VALUE).epochs()).isEqualTo(3280);
  }

  @Test
  void scaleShortensEveryStageAndMaxEpochsCuts() {
    // round(0.1 * 3^i) for i = 0..3 is 0, 0, 1, 3; every stage keeps at least one pass.
    IwaeSchedule s = new IwaeSchedule(4, 0.1, Integer.MAX_VALUE);
    assertThat(s.epochs()).isEqualTo(6);
    assertThat(new int[] {s.stage(0), s.stage(1), s.stage(2), s.stage(3), s.stage(5), s.stage(9)})
        .containsExactly(0, 1, 2, 3, 3, 3);
    assertThat(s.rate(3)).isEqualTo(IwaeStages.standard().stageRate(3));
    assertThat(new IwaeSchedule(4, 1, 10).epochs()).isEqualTo(10);
    assertThatThrownBy(() -> new IwaeSchedule(9, 1, 1)).hasMessageContaining("stages");
    assertThatThrownBy(() -> new IwaeSchedule(2, Double.NaN, 1)).hasMessageContaining("scale");
    assertThatThrownBy(() -> new IwaeSchedule(2, 1, 0)).hasMessageContaining("maxEpochs");
  }

  @Test
  void trainingDataStaysGreyAndTheTestSetIsOneFixedBinaryDraw() throws Exception {
    ReproductionData a = IwaeData.load("digits", null, 50);
    ReproductionData b = IwaeData.load("digits", null, 50);
    assertThat(a.train().numRows).isEqualTo(50);
    assertThat(a.test().numRows).isEqualTo(2000);
    boolean grey = false;
    for (double v : a.train().data) {
      assertThat(v).isBetween(0.0, 1.0);
      grey |= v > 0 && v < 1;
    }
    assertThat(grey).isTrue();
    for (double v : a.test().data) {
      assertThat(v == 0 || v == 1).isTrue();
    }
    assertThat(a.test().data).isEqualTo(b.test().data);
    assertThat(a.testSubset(7).numRows).isEqualTo(7);
    assertThat(a.testSubset(0).numRows).isEqualTo(2000);
    assertThatThrownBy(() -> IwaeData.load("mnist", null, 0)).hasMessageContaining("mnist");
  }

  @Test
  void outputBiasStartsAtTheClampedLogitOfEachPixelMean() {
    DMatrixRMaj means = new DMatrixRMaj(1, 784);
    for (int j = 0; j < 784; j++) {
      means.data[j] = j / 783.0;
    }
    IwaeNetwork net = IwaeNetwork.build(IwaeConfig.parse("iwae-k5"), means, 3);
    double[] bias = net.outputBias().value().data;
    assertThat(bias[0]).isCloseTo(Math.log(1e-3 / (1 - 1e-3)), within(1e-12));
    assertThat(bias[783]).isCloseTo(Math.log((1 - 1e-3) / 1e-3), within(1e-12));
    double p = 300 / 783.0;
    assertThat(bias[300]).isCloseTo(Math.log(p / (1 - p)), within(1e-12));
    // The bias set is the one the optimizer trains.
    assertThat(net.svi().parameters().get(net.outputBiasName())).isSameAs(net.outputBias());
    assertThat(net.outputBiasName()).startsWith("model.decoder").endsWith("bias");
  }

  @Test
  void reportAppendsRowsAndSummarisesSeedsByMeanAndSampleSd(@TempDir Path dir)
      throws Exception {
    IwaeResult r1 = new IwaeResult("iwae-k5", 1, 4, 10, 2, -100, -90, 100, 20, 20);
    IwaeResult r2 = new IwaeResult("iwae-k5", 2, 4, 12, 2, -102, -94, 100, 20, 24);
    Path csv = dir.resolve("t.csv");
    IwaeReport.appendCsv(csv, r1);
    IwaeReport.appendCsv(csv, r2);
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).isEqualTo(IwaeReport.CSV_HEADER);
    assertThat(lines.get(2)).startsWith("iwae-k5,2,4,");

    assertThat(IwaeReport.sampleSd(new double[] {1, 2, 3, 4}))
        .isCloseTo(Math.sqrt(5.0 / 3), within(1e-12));
    String md = IwaeReport.markdown("t", List.of(), IwaeConfig.parseList("vae-k1,iwae-k5"),
        List.of(r1, r2));
    // sd of -90, -94 is 2.83; of 20, 24 also; vae-k1 has no results and no row.
    assertThat(md).contains("| iwae-k5 | IWAE | 5 | 2 | 4 | -92.00 +- 2.83 | -101.00 +- 1.41 |"
        + " 22.0 +- 2.8 |").doesNotContain("vae-k1");
  }
}
