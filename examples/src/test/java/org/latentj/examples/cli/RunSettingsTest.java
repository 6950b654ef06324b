package org.latentj.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentj.inference.checkpoint.Provenance;
import org.latentj.inference.guice.TrainingSettings;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.nn.Activation;

/** A run's settings in its provenance: written as data, read back, older runs' form included. */
class RunSettingsTest {

  private static final RunSettings SETTINGS = new RunSettings(
      VaeSettings.builder().inputSize(784).hiddenSizes(List.of(32)).latentSize(2)
          .activation(Activation.TANH).objective("iwae-dreg", 2).build(),
      DataSettings.builder().data("embedded-digits").binarize(Binarization.DYNAMIC).limit(200)
          .validation(40).image(28, 28).build(),
      new TrainingSettings(3, 100));

  /** The provenance of a run written before the settings were split (copied from one). */
  private static final String OLD = "{\"seed\":42,\"createdAt\":\"2026-11-20T10:00:00Z\","
      + "\"latentjVersion\":\"0.1.0-SNAPSHOT\",\"components\":{"
      + "\"vae\":{\"inputSize\":784,\"hiddenSizes\":[32],\"activation\":\"TANH\","
      + "\"latentSize\":2,\"likelihood\":\"BERNOULLI\",\"objective\":\"IWAE_DREG\","
      + "\"particles\":2,\"optimizer\":\"ADAM\",\"learningRate\":0.001,\"seed\":42},"
      + "\"run\":{\"data\":\"embedded-digits\",\"binarize\":\"DYNAMIC\","
      + "\"prior\":\"STANDARD_NORMAL\",\"limit\":200,\"validation\":40,\"batchSize\":100,"
      + "\"epochs\":3,\"imageHeight\":28,\"imageWidth\":28}}}";

  @Test
  void aRunsSettingsGoIntoItsProvenanceAndComeBack() {
    Provenance p = SETTINGS.addTo(Provenance.builder(42)).build();
    assertThat(p.components().keySet()).contains("vae", "data", "training");
    assertThat(RunSettings.read(Provenance.fromJson(p.toJson()))).isEqualTo(SETTINGS);
  }

  @Test
  void anOlderRunStillLoads() {
    assertThat(RunSettings.read(Provenance.fromJson(OLD))).isEqualTo(SETTINGS);
  }

  @Test
  void anOlderRunWithAnUnknownPriorOrFieldIsRefusedSayingWhy() {
    assertThatThrownBy(() -> RunSettings.read(Provenance.fromJson(
        OLD.replace("STANDARD_NORMAL", "MIXTURE"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the run's provenance component 'run' names the prior MIXTURE, which this"
            + " latentj does not know");
    assertThatThrownBy(() -> RunSettings.read(Provenance.fromJson(
        OLD.replace("\"limit\"", "\"cap\""))))
        .hasMessage("the run's provenance component 'run' has an unknown field 'cap'");
    assertThatThrownBy(() -> RunSettings.read(Provenance.fromJson(
        OLD.replace("\"run\":", "\"other\":"))))
        .hasMessageContaining("the run's provenance has no component 'data'");
  }
}
