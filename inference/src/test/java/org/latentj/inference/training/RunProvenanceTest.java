package org.latentj.inference.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.inference.checkpoint.Provenance;
import org.latentj.inference.data.Dataset;
import org.latentj.inference.data.SourceFile;
import org.latentj.inference.guice.ObjectivesModule;
import org.latentj.inference.guice.VaeSettings;

class RunProvenanceTest {

  static final String A = "a".repeat(64);
  static final String B = "b".repeat(64);

  static Svi svi() {
    return CheckpointResumeTest.svi(CheckpointResumeTest.settings(ObjectivesModule.IWAE));
  }

  static Dataset data(List<SourceFile> files) {
    return Dataset.of(new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}}),
        new org.latentj.inference.data.DataProvenance("toy | scaled", files));
  }

  @Test
  void oneFileGivesItsOwnHash() {
    Provenance p = RunProvenance.of(7, data(List.of(new SourceFile("x.csv", 10, A))), svi())
        .build();
    Map<String, Object> m = p.asMap();
    assertThat(((Number) m.get("seed")).longValue()).isEqualTo(7);
    assertThat(m.get("data")).isEqualTo(Map.of("source", "toy | scaled from x.csv",
        "sha256", A));
    assertThat(m.get("examples")).isEqualTo(2);
    assertThat(m.get("matmulKernel")).isEqualTo(
        org.latentj.tensor.MatMulKernels.name(org.latentj.tensor.MatMul.kernel()));
    assertThat(m.get("dtype")).isEqualTo("float64");
    assertThat(m.get("trainingWorkers")).isEqualTo(1);
    assertThat(m.get("vectorApi")).isEqualTo(org.latentj.tensor.VectorApi.enabled());
    Svi two = svi().gradientSource(new ParallelGradients(2));
    assertThat(RunProvenance.of(7, data(List.of(new SourceFile("x.csv", 10, A))), two).build()
        .asMap().get("trainingWorkers")).isEqualTo(2);
    assertThat(p.components().get("objective").toString()).contains("ImportanceWeighted");
    assertThat(p.components().get("optimizer").toString()).contains("Adam{learningRate=0.01");
  }

  @Test
  void severalFilesGiveTheHashOfTheirManifest() throws Exception {
    Provenance p = RunProvenance.of(7, data(List.of(new SourceFile("img", 10, A),
        new SourceFile("lab", 3, B))), svi()).build();
    String manifest = A + "  img\n" + B + "  lab\n";
    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(manifest.getBytes(StandardCharsets.UTF_8)));
    assertThat(p.asMap().get("data")).asString().contains(expected);
    assertThat(p.asMap().get("dataFiles")).asList().hasSize(2);
  }

  @Test
  void inMemoryDataIsHashedByValue() {
    String one = RunProvenance.valuesSha256(new DMatrixRMaj(new double[][] {{1, 2}}));
    String other = RunProvenance.valuesSha256(new DMatrixRMaj(new double[][] {{1, 2.5}}));
    assertThat(one).hasSize(64).isNotEqualTo(other);
    // 2000 values cross the 1024-value buffer twice.
    DMatrixRMaj big = new DMatrixRMaj(1, 2000);
    big.set(0, 1999, 1);
    assertThat(RunProvenance.valuesSha256(big))
        .isNotEqualTo(RunProvenance.valuesSha256(new DMatrixRMaj(1, 2000)));
    Provenance p = RunProvenance.of(1, data(List.of()), svi()).build();
    assertThat(p.asMap().get("data").toString()).contains("in memory");
  }

  @Test
  void settingsComeBackAsTheyWent() {
    VaeSettings s = CheckpointResumeTest.settings(ObjectivesModule.IWAE_DREG);
    Provenance p = Provenance.fromJson(RunProvenance.of(1, data(List.of()), svi())
        .component("vae", s).build().toJson());
    assertThat(RunProvenance.component(p, "vae", VaeSettings.class)).isEqualTo(s);
    assertThatThrownBy(() -> RunProvenance.component(p, "missing", VaeSettings.class))
        .hasMessageContaining("no component 'missing'");
    assertThatThrownBy(() -> RunProvenance.component(p, "model", VaeSettings.class))
        .hasMessageContaining("'model' is not a valid VaeSettings");
  }
}
