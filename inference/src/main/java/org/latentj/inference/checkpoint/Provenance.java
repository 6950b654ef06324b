package org.latentj.inference.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Where a trained model came from, as a JSON object (after Tribuo's provenance): the seed, the
 * creation time (ISO-8601), the latentj version, the data source and its SHA-256, the settings of
 * every component, and any further entries a caller adds.
 *
 * <pre>{@code
 * {"seed": 42, "createdAt": "2025-01-31T12:00:00Z", "latentjVersion": "0.1.0",
 *  "data": {"source": "mnist/train.csv", "sha256": "9f86...08"},
 *  "components": {"encoder": {"hidden": [400], "activation": "relu"}, "optimizer": {...}}}
 * }</pre>
 *
 * <p>Values are held as JSON, so what is read back equals what was written: two provenances are
 * equal when their JSON texts are. Component settings may be maps, lists, strings, numbers,
 * booleans or records, converted by Jackson.
 */
public final class Provenance {

  /** The version of latentj on the class path, or {@code "unknown"} outside a Maven build. */
  public static final String LIBRARY_VERSION = libraryVersion();

  private static final String SEED = "seed";
  private static final String CREATED_AT = "createdAt";
  private static final String VERSION = "latentjVersion";
  private static final String DATA = "data";
  private static final String SOURCE = "source";
  private static final String SHA256 = "sha256";
  private static final String COMPONENTS = "components";
  private static final Set<String> RESERVED = Set.of(SEED, CREATED_AT, VERSION, DATA, COMPONENTS);

  private final ObjectNode json;
  private final String text;

  private Provenance(ObjectNode json) {
    requireValid(json);
    this.json = json;
    try {
      this.text = Json.MAPPER.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Provenance: cannot serialise " + json, e);
    }
  }

  /** A builder for a run started with {@code seed}, created now by this latentj version. */
  public static Builder builder(long seed) {
    return new Builder(seed);
  }

  /**
   * Parses the JSON text of a provenance.
   *
   * @throws IllegalArgumentException if it is not a JSON object with an integer seed, an ISO-8601
   *     createdAt and a latentjVersion string (and, if present, a data object with source and
   *     sha256 strings, and a components object)
   */
  public static Provenance fromJson(String text) {
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Provenance: not valid JSON: " + e.getOriginalMessage(),
          e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("Provenance: not a JSON object");
    }
    return new Provenance((ObjectNode) node);
  }

  /** The seed that fixed every random choice of the run. */
  public long seed() {
    return json.get(SEED).longValue();
  }

  /** When the provenance (normally: the checkpoint) was made. */
  public Instant createdAt() {
    return Instant.parse(json.get(CREATED_AT).textValue());
  }

  /** The latentj version that made it. */
  public String latentjVersion() {
    return json.get(VERSION).textValue();
  }

  /** Where the training data came from, if recorded. */
  public Optional<String> dataSource() {
    return json.has(DATA) ? Optional.of(json.get(DATA).get(SOURCE).textValue())
        : Optional.empty();
  }

  /** The SHA-256 (hex) of the training data, if recorded. */
  public Optional<String> dataSha256() {
    return json.has(DATA) ? Optional.of(json.get(DATA).get(SHA256).textValue())
        : Optional.empty();
  }

  /** The settings of each component by name, as plain maps, lists and values (a fresh copy). */
  public Map<String, Object> components() {
    JsonNode components = json.get(COMPONENTS);
    return components == null ? Map.of()
        : Json.MAPPER.convertValue(components, new TypeReference<Map<String, Object>>() {});
  }

  /** The whole provenance as plain maps, lists and values (a fresh copy). */
  public Map<String, Object> asMap() {
    return Json.MAPPER.convertValue(json, new TypeReference<Map<String, Object>>() {});
  }

  /** The JSON text, as stored in a checkpoint. */
  public String toJson() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Provenance p && p.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return "Provenance" + text;
  }

  private static void requireValid(ObjectNode json) {
    JsonNode seed = json.get(SEED);
    if (seed == null || !seed.isIntegralNumber() || !seed.canConvertToLong()) {
      throw new IllegalArgumentException("Provenance: seed is " + seed + ", expected an integer");
    }
    JsonNode created = json.get(CREATED_AT);
    if (created == null || !created.isTextual()) {
      throw new IllegalArgumentException("Provenance: createdAt is " + created
          + ", expected an ISO-8601 instant");
    }
    try {
      Instant.parse(created.textValue());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Provenance: createdAt " + created
          + " is not an ISO-8601 instant", e);
    }
    JsonNode version = json.get(VERSION);
    if (version == null || !version.isTextual() || version.textValue().isEmpty()) {
      throw new IllegalArgumentException("Provenance: latentjVersion is " + version
          + ", expected a non-empty string");
    }
    JsonNode data = json.get(DATA);
    if (data != null && !(data.isObject() && data.path(SOURCE).isTextual()
        && Sha256.isHex(data.path(SHA256).textValue()))) {
      throw new IllegalArgumentException("Provenance: data is " + data
          + ", expected {\"source\": string, \"sha256\": 64 hex digits}");
    }
    JsonNode components = json.get(COMPONENTS);
    if (components != null && !components.isObject()) {
      throw new IllegalArgumentException("Provenance: components is " + components
          + ", expected a JSON object");
    }
  }

  private static String libraryVersion() {
    try (InputStream in = Provenance.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version", "");
        // An unfiltered file (an IDE build that bypassed Maven) still holds the placeholder.
        if (!v.isEmpty() && !v.startsWith("${")) {
          return v;
        }
      }
    } catch (IOException e) {
      // Fall through: the version is informative, not essential.
    }
    return "unknown";
  }

  /** Collects the entries of a {@link Provenance}; {@link #build()} checks and copies them. */
  public static final class Builder {

    private final ObjectNode json = Json.MAPPER.createObjectNode();
    private final ObjectNode components = Json.MAPPER.createObjectNode();

    private Builder(long seed) {
      json.put(SEED, seed);
      json.put(CREATED_AT, Instant.now().toString());
      json.put(VERSION, LIBRARY_VERSION);
    }

    /** Overrides the creation time (default: when the builder was made). */
    public Builder createdAt(Instant when) {
      json.put(CREATED_AT, when.toString());
      return this;
    }

    /** Overrides the latentj version (default: {@link #LIBRARY_VERSION}). */
    public Builder latentjVersion(String version) {
      json.put(VERSION, version);
      return this;
    }

    /** Records the training data's source (a path or URL) and its SHA-256 in hex. */
    public Builder data(String source, String sha256) {
      if (source == null || !Sha256.isHex(sha256)) {
        throw new IllegalArgumentException("Provenance: data source " + source + " with sha256 "
            + sha256 + ": need a source and 64 hex digits");
      }
      ObjectNode data = json.putObject(DATA);
      data.put(SOURCE, source);
      data.put(SHA256, sha256.toLowerCase(java.util.Locale.ROOT));
      return this;
    }

    /** Records a training data file and hashes its content. */
    public Builder dataFile(Path file) throws IOException {
      return data(file.toString(), Sha256.ofFile(file));
    }

    /** Records the settings of the component called {@code name} (e.g. "encoder"). */
    public Builder component(String name, Object settings) {
      components.set(name, toTree("component " + name, settings));
      return this;
    }

    /** Records any further entry under {@code key} (not one of the entries above). */
    public Builder put(String key, Object value) {
      if (RESERVED.contains(key)) {
        throw new IllegalArgumentException("Provenance: " + key
            + " is set by its own builder method");
      }
      json.set(key, toTree(key, value));
      return this;
    }

    public Provenance build() {
      ObjectNode copy = json.deepCopy();
      if (!components.isEmpty()) {
        copy.set(COMPONENTS, components.deepCopy());
      }
      return new Provenance(copy);
    }

    private static JsonNode toTree(String what, Object value) {
      try {
        return Json.MAPPER.valueToTree(value);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Provenance: " + what + " cannot be written as JSON: "
            + e.getMessage(), e);
      }
    }
  }
}
