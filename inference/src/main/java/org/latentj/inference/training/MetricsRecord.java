package org.latentj.inference.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of {@code metrics.jsonl}: what one epoch did, bounds in nats per example.
 *
 * <pre>{"epoch":3,"step":210,"examples_seen":21000,"train_bound":-112.4,
 *  "validation_bound":-113.0,"seconds":2.9,"examples_per_s":2414.0}</pre>
 *
 * {@code validation_bound} is left out when there is no validation set ({@link Double#NaN}
 * here). A non-finite number is written as a JSON string ({@code "NaN"}, {@code "-Infinity"}),
 * since JSON has no such numbers.
 *
 * @param epoch the epoch, from 1
 * @param step optimizer steps taken by its end
 * @param examplesSeen training examples seen by its end
 * @param trainBound the mean training bound over the epoch's minibatches, as they were seen
 * @param validationBound the bound on the validation set after the epoch, or NaN if none
 * @param seconds the epoch's training time (validation excluded)
 * @param examplesPerSecond training throughput during the epoch
 */
public record MetricsRecord(int epoch, long step, long examplesSeen, double trainBound,
    double validationBound, double seconds, double examplesPerSecond) {

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS).build();

  /** The record of one epoch's summary, with a validation bound or NaN. */
  public static MetricsRecord of(EpochSummary summary, double validationBound) {
    return new MetricsRecord(summary.epoch(), summary.steps(), summary.examplesSeen(),
        summary.trainBound(), validationBound, summary.seconds(), summary.examplesPerSecond());
  }

  /** Whether a validation bound was computed. */
  public boolean hasValidation() {
    return !Double.isNaN(validationBound);
  }

  /** This record as one line of JSON (no line break). */
  public String toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("epoch", epoch);
    m.put("step", step);
    m.put("examples_seen", examplesSeen);
    m.put("train_bound", trainBound);
    if (hasValidation()) {
      m.put("validation_bound", validationBound);
    }
    m.put("seconds", seconds);
    m.put("examples_per_s", examplesPerSecond);
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("MetricsRecord: cannot write " + m, e);
    }
  }

  /**
   * Parses one line written by {@link #toJson()}.
   *
   * @throws IllegalArgumentException naming the missing or malformed field
   */
  public static MetricsRecord fromJson(String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("not a JSON object: " + line);
    }
    long epoch = count(node, "epoch");
    if (epoch > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("epoch " + epoch + " is too large");
    }
    return new MetricsRecord((int) epoch, count(node, "step"), count(node, "examples_seen"),
        number(node, "train_bound"),
        node.has("validation_bound") ? number(node, "validation_bound") : Double.NaN,
        number(node, "seconds"), number(node, "examples_per_s"));
  }

  /**
   * Every record of a metrics file, in order; blank lines are skipped.
   *
   * @throws IOException if it cannot be read
   * @throws IllegalArgumentException naming the file and line of a malformed record
   */
  public static List<MetricsRecord> readAll(Path file) throws IOException {
    List<MetricsRecord> records = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        records.add(fromJson(lines.get(i)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ", line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return records;
  }

  private static long count(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.canConvertToLong() || !v.isIntegralNumber() || v.longValue() < 0) {
      throw new IllegalArgumentException(field + " is " + v + ", expected an integer >= 0");
    }
    return v.longValue();
  }

  private static double number(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v != null && v.isNumber()) {
      return v.doubleValue();
    }
    if (v != null && v.isTextual()) {
      switch (v.textValue()) {
        case "NaN":
          return Double.NaN;
        case "Infinity":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          break;
      }
    }
    throw new IllegalArgumentException(field + " is " + v + ", expected a number");
  }
}
