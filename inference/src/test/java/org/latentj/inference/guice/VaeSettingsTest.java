package org.latentj.inference.guice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentj.inference.checkpoint.Provenance;
import org.latentj.inference.training.RunProvenance;
import org.latentj.nn.Activation;

/** Settings as data: built, changed, written to provenance and read back, old form included. */
class VaeSettingsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final VaeSettings S = VaeSettings.builder().inputSize(12)
      .hiddenSizes(List.of(16, 8)).activation(Activation.TANH).latentSize(3)
      .likelihood("gaussian").objective("iwae", 5).optimizer("adagrad", 0.02).seed(7).build();

  /** The settings as a run's provenance stores them, read back. */
  private static VaeSettings roundTrip(Object component) {
    Provenance p = Provenance.builder(1).component("vae", component).build();
    return RunProvenance.component(Provenance.fromJson(p.toJson()), "vae", VaeSettings.class);
  }

  @Test
  void theBuilderSetsEachConcernAndToBuilderKeepsTheRest() {
    assertThat(S.network()).isEqualTo(
        new NetworkSettings("mlp", 12, List.of(16, 8), Activation.TANH, 3));
    assertThat(S.likelihood()).isEqualTo(ComponentSpec.of("gaussian"));
    assertThat(S.prior()).isEqualTo(ComponentSpec.of("standard-normal"));
    assertThat(S.objective()).isEqualTo(new ObjectiveSettings("iwae", 5));
    assertThat(S.optimizer()).isEqualTo(new OptimizerSettings("adagrad", 0.02));
    VaeSettings changed = S.toBuilder().latentSize(4).build();
    assertThat(changed.network().latentSize()).isEqualTo(4);
    assertThat(changed.toBuilder().latentSize(3).build()).isEqualTo(S);
    assertThat(VaeSettings.defaults().network().shape()).isEqualTo("784-400-20-400-784");
  }

  @Test
  void provenanceHoldsTheSettingsAsJsonDataAndRebuildsThem() throws Exception {
    Provenance p = Provenance.builder(1).component("vae", S).build();
    JsonNode vae = JSON.readTree(p.toJson()).at("/components/vae");
    assertThat(vae.at("/network/hiddenSizes/1").asInt()).isEqualTo(8);
    assertThat(vae.at("/network/activation").asText()).isEqualTo("TANH");
    assertThat(vae.at("/likelihood").asText()).isEqualTo("gaussian");
    assertThat(vae.at("/prior").asText()).isEqualTo("standard-normal");
    assertThat(vae.at("/objective/particles").asInt()).isEqualTo(5);
    assertThat(vae.at("/optimizer/learningRate").asDouble()).isEqualTo(0.02);
    assertThat(roundTrip(S)).isEqualTo(S);
    VaeSettings mog = S.toBuilder().prior("mog:10").build();
    assertThat(roundTrip(mog).prior()).isEqualTo(new ComponentSpec("mog", "10"));
  }

  @Test
  void theFlatSettingsOfOlderRunsStillLoad() throws Exception {
    // The "vae" component as runs wrote it before the settings were split by concern.
    JsonNode old = JSON.readTree("{\"inputSize\":12,\"hiddenSizes\":[16,8],"
        + "\"activation\":\"TANH\",\"latentSize\":3,\"likelihood\":\"GAUSSIAN\","
        + "\"objective\":\"IWAE\",\"particles\":5,\"optimizer\":\"ADAGRAD\","
        + "\"learningRate\":0.02,\"seed\":7}");
    assertThat(roundTrip(old)).isEqualTo(S);
    JsonNode analytic = JSON.readTree("{\"inputSize\":784,\"hiddenSizes\":[400],"
        + "\"activation\":\"RELU\",\"latentSize\":20,\"likelihood\":\"CONTINUOUS_BERNOULLI\","
        + "\"objective\":\"ANALYTIC_KL_ELBO\",\"particles\":1,\"optimizer\":\"ADAM\","
        + "\"learningRate\":0.001,\"seed\":42}");
    assertThat(roundTrip(analytic)).isEqualTo(
        VaeSettings.builder().likelihood("continuous-bernoulli").build());
  }

  @Test
  void settingsNoVersionKnowsAreRefusedNamingTheField() throws Exception {
    JsonNode newer = JSON.readTree("{\"network\":{\"type\":\"mlp\",\"inputSize\":4,"
        + "\"hiddenSizes\":[2],\"activation\":\"RELU\",\"latentSize\":1},"
        + "\"likelihood\":\"bernoulli\",\"prior\":\"standard-normal\","
        + "\"objective\":{\"name\":\"elbo\",\"particles\":1},"
        + "\"optimizer\":{\"name\":\"adam\",\"learningRate\":0.1},\"seed\":1,\"dropout\":3}");
    assertThatThrownBy(() -> roundTrip(newer)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'vae' is not a valid VaeSettings")
        .hasMessageContaining("unknown field 'dropout'");
    JsonNode partial = JSON.readTree("{\"inputSize\":12,\"hiddenSizes\":[16]}");
    assertThatThrownBy(() -> roundTrip(partial)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the field 'activation' is missing");
  }

  @Test
  void aSpecIsANameAndAnOptionalArgumentItsBindingParses() {
    assertThat(ComponentSpec.parse("MOG:10")).isEqualTo(new ComponentSpec("mog", "10"));
    assertThat(ComponentSpec.parse("mog:10").positiveIntArgument()).isEqualTo(10);
    assertThat(ComponentSpec.parse("standard_normal").toString()).isEqualTo("standard-normal");
    assertThatThrownBy(() -> ComponentSpec.parse("mog:ten").positiveIntArgument())
        .hasMessage("'mog:ten': the argument of mog must be a positive integer, got 'ten'");
    assertThatThrownBy(() -> ComponentSpec.parse("mog").positiveIntArgument())
        .hasMessage("'mog': mog needs a positive integer argument, e.g. mog:10");
    assertThatThrownBy(() -> ComponentSpec.parse("standard-normal:3").requireNoArgument())
        .hasMessage("'standard-normal:3': standard-normal takes no argument");
    assertThatThrownBy(() -> ComponentSpec.parse("mog:"))
        .hasMessage("ComponentSpec 'mog:': the argument after the colon is empty");
  }
}
