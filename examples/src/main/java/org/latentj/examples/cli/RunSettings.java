package org.latentj.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Set;
import org.latentj.inference.checkpoint.Provenance;
import org.latentj.inference.guice.TrainingSettings;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.inference.training.RunProvenance;

/**
 * Everything needed to rebuild a run, as JSON data in its provenance: the model
 * ({@value #MODEL}), the data ({@value DataSettings#COMPONENT}) and the training
 * ({@value #TRAINING}). Runs written before these were split kept data and training together in
 * one component {@value #LEGACY}; they are still read.
 *
 * @param model what defines the VAE
 * @param data what it was trained on
 * @param training how long and in what batches
 */
record RunSettings(VaeSettings model, DataSettings data, TrainingSettings training) {

  static final String MODEL = "vae";
  static final String TRAINING = "training";
  /** The component older runs wrote: data, binarize, prior, limit, validation, batch, epochs. */
  static final String LEGACY = "run";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> LEGACY_FIELDS = Set.of("data", "binarize", "prior", "limit",
      "validation", "batchSize", "epochs", "imageHeight", "imageWidth");

  /** Adds the three components to {@code provenance}. */
  Provenance.Builder addTo(Provenance.Builder provenance) {
    return provenance.component(MODEL, model).component(DataSettings.COMPONENT, data)
        .component(TRAINING, training);
  }

  /**
   * The settings recorded in {@code provenance}.
   *
   * @throws IllegalArgumentException naming the component that is missing or not valid
   */
  static RunSettings read(Provenance provenance) {
    VaeSettings model = RunProvenance.component(provenance, MODEL, VaeSettings.class);
    Map<String, Object> components = provenance.components();
    if (!components.containsKey(DataSettings.COMPONENT) && components.containsKey(LEGACY)) {
      return legacy(model, JSON.valueToTree(components.get(LEGACY)));
    }
    return new RunSettings(model,
        RunProvenance.component(provenance, DataSettings.COMPONENT, DataSettings.class),
        RunProvenance.component(provenance, TRAINING, TrainingSettings.class));
  }

  private static RunSettings legacy(VaeSettings model, JsonNode run) {
    run.fieldNames().forEachRemaining(f -> {
      if (!LEGACY_FIELDS.contains(f)) {
        throw new IllegalArgumentException("the run's provenance component '" + LEGACY
            + "' has an unknown field '" + f + "'");
      }
    });
    String prior = text(run, "prior");
    if (!prior.equals("STANDARD_NORMAL")) {
      throw new IllegalArgumentException("the run's provenance component '" + LEGACY
          + "' names the prior " + prior + ", which this latentj does not know");
    }
    DataSettings data = DataSettings.builder().data(text(run, "data"))
        .binarize(Binarization.valueOf(text(run, "binarize")))
        .limit(run.path("limit").asInt()).validation(run.path("validation").asInt())
        .image(run.path("imageHeight").asInt(), run.path("imageWidth").asInt()).build();
    return new RunSettings(model, data, new TrainingSettings(run.path("epochs").asInt(),
        run.path("batchSize").asInt()));
  }

  private static String text(JsonNode run, String field) {
    JsonNode value = run.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("the run's provenance component '" + LEGACY
          + "' has no text field '" + field + "'");
    }
    return value.asText();
  }
}
