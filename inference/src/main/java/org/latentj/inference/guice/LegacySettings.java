package org.latentj.inference.guice;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.latentj.nn.Activation;

/**
 * Reads {@link VaeSettings} from provenance JSON in either form: the current one (one object per
 * concern) or the flat ten-field record that runs wrote before it ({@code inputSize,
 * hiddenSizes, activation, latentSize, likelihood, objective, particles, optimizer,
 * learningRate, seed}, with enum constants such as {@code ANALYTIC_KL_ELBO}), so old checkpoints
 * keep loading. Anything else is refused with a message naming the field.
 */
final class LegacySettings {

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

  private static final Set<String> CURRENT = Set.of("network", "likelihood", "prior", "flow",
      "objective", "optimizer", "seed");
  private static final List<String> FLAT = List.of("inputSize", "hiddenSizes", "activation",
      "latentSize", "likelihood", "objective", "particles", "optimizer", "learningRate", "seed");

  /** The old enum constants whose command-line names are not their lower-cased spelling. */
  private static final Map<String, String> RENAMED = Map.of(
      "ANALYTIC_KL_ELBO", ObjectivesModule.ANALYTIC_KL);

  private LegacySettings() {}

  static VaeSettings read(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("VaeSettings: expected a JSON object, got " + json);
    }
    return json.has("network") ? current(json) : flat(json);
  }

  private static VaeSettings current(JsonNode json) {
    requireOnly(json, CURRENT);
    return new VaeSettings(convert(json, "network", NetworkSettings.class),
        spec(json, "likelihood"), spec(json, "prior"),
        // Runs from before posterior flows have none.
        json.hasNonNull("flow") ? spec(json, "flow") : ComponentSpec.of(FlowsModule.NONE),
        convert(json, "objective", ObjectiveSettings.class),
        convert(json, "optimizer", OptimizerSettings.class), required(json, "seed").asLong());
  }

  private static VaeSettings flat(JsonNode json) {
    requireOnly(json, Set.copyOf(FLAT));
    List<Integer> hidden = new ArrayList<>();
    required(json, "hiddenSizes").forEach(h -> hidden.add(h.asInt()));
    return VaeSettings.builder()
        .inputSize(required(json, "inputSize").asInt())
        .hiddenSizes(hidden)
        .activation(Activation.valueOf(required(json, "activation").asText()))
        .latentSize(required(json, "latentSize").asInt())
        .likelihood(renamed(required(json, "likelihood").asText()))
        .objective(renamed(required(json, "objective").asText()),
            required(json, "particles").asInt())
        .optimizer(renamed(required(json, "optimizer").asText()),
            required(json, "learningRate").asDouble())
        .seed(required(json, "seed").asLong())
        .build();
  }

  private static String renamed(String constant) {
    return RENAMED.getOrDefault(constant, constant);
  }

  private static ComponentSpec spec(JsonNode json, String field) {
    return ComponentSpec.parse(required(json, field).asText());
  }

  private static <T> T convert(JsonNode json, String field, Class<T> type) {
    try {
      return JSON.treeToValue(required(json, field), type);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("VaeSettings: '" + field + "' is not valid: "
          + e.getOriginalMessage(), e);
    }
  }

  private static JsonNode required(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("VaeSettings: the field '" + field + "' is missing");
    }
    return value;
  }

  private static void requireOnly(JsonNode json, Set<String> known) {
    for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!known.contains(field)) {
        throw new IllegalArgumentException("VaeSettings: unknown field '" + field
            + "' (a run written by a newer latentj?)");
      }
    }
  }
}
