package org.latentj.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.latentj.inference.checkpoint.AtomicFiles;

/**
 * {@value #FILE}: one self-contained page per run folder, opened straight from disk (file://):
 * settings, the training curve and logged points, the pictures present, the evaluation figures
 * and the provenance. Pictures are linked by relative name; there are no scripts, external
 * style sheets or fonts, so it needs neither a server nor the network.
 */
final class RunPage {

  static final String FILE = "index.html";
  /** Logged steps shown in the table; the curve draws them all. */
  static final int MAX_STEP_ROWS = 200;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> PICTURES = List.of(Run.SAMPLES, Run.RECONSTRUCTIONS,
      Run.MANIFOLD, Run.INTERPOLATION);
  /** Provenance shown first, in this order; the rest follows (components are the settings). */
  private static final List<String> HEADLINE = List.of("matmulKernel", "dtype", "seed", "data",
      "dataFiles", "examples", "features", "latentjVersion", "createdAt");
  private static final String STYLE = "body{font-family:sans-serif;margin:1.5em;color:#222}"
      + "table{border-collapse:collapse;margin:.3em 0}th,td{border:1px solid #ccc;"
      + "padding:2px 6px;text-align:left;vertical-align:top;font-size:13px}"
      + "th{background:#f3f3f3}figure{display:inline-block;margin:0 1em 1em 0}"
      + "figure img{max-width:560px;image-rendering:pixelated}"
      + "figcaption{font-size:13px;color:#555}";

  private RunPage() {}

  /** Writes {@value #FILE} into the folder of {@code run} from what the folder holds now. */
  static Path write(Run run) throws IOException {
    Path dir = run.dir();
    ObjectNode settings = JSON.createObjectNode();
    settings.set("model", JSON.valueToTree(run.model()));
    settings.set("data", JSON.valueToTree(run.settings().data()));
    settings.set("training", JSON.valueToTree(run.settings().training()));
    StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head>"
        + "<meta charset=\"utf-8\"><title>");
    String name = dir.toAbsolutePath().normalize().getFileName() == null ? dir.toString()
        : dir.toAbsolutePath().normalize().getFileName().toString();
    page.append(Html.escape("latentj run " + name)).append("</title><style>").append(STYLE)
        .append("</style></head><body><h1>").append(Html.escape("latentj run " + name))
        .append("</h1><p>").append(Html.escape(dir.toAbsolutePath().normalize().toString()))
        .append(", epoch ").append(run.checkpoint().position().epoch()).append("</p>");
    pictures(dir, page);
    training(dir, page);
    evaluation(dir, page);
    page.append("<h2>Settings</h2>").append(Html.fields(settings));
    page.append("<h2>Provenance</h2>").append(Html.fields(provenance(run)));
    page.append("</body></html>\n");
    Path file = dir.resolve(FILE);
    byte[] bytes = page.toString().getBytes(StandardCharsets.UTF_8);
    AtomicFiles.writeStream(file, out -> out.write(bytes));
    return file;
  }

  private static void pictures(Path dir, StringBuilder page) {
    List<String> present = PICTURES.stream().filter(p -> Files.isRegularFile(dir.resolve(p)))
        .toList();
    page.append("<h2>Pictures</h2>");
    if (present.isEmpty()) {
      page.append("<p>none in this folder (the data are not images, or 'latentj sample' has "
          + "not been run)</p>");
    }
    present.forEach(p -> figure(p, page));
  }

  private static void figure(String file, StringBuilder page) {
    // Relative and URL-encoded: the page works wherever the folder is copied.
    String src = URLEncoder.encode(file, StandardCharsets.UTF_8).replace("+", "%20");
    page.append("<figure><img src=\"").append(Html.escape(src)).append("\" alt=\"")
        .append(Html.escape(file)).append("\"><figcaption>").append(Html.escape(file))
        .append("</figcaption></figure>");
  }

  private static void training(Path dir, StringBuilder page) throws IOException {
    page.append("<h2>Training</h2>");
    if (Files.isRegularFile(dir.resolve(Run.TRAINING_CURVE))) {
      figure(Run.TRAINING_CURVE, page);
    }
    List<JsonNode> epochs = jsonLines(dir.resolve(Run.METRICS));
    if (!epochs.isEmpty()) {
      page.append("<h3>Per epoch (").append(Run.METRICS).append(")</h3>")
          .append(Html.rows(epochs));
    }
    List<JsonNode> steps = jsonLines(dir.resolve(StepLog.FILE));
    if (!steps.isEmpty()) {
      page.append("<h3>Logged steps (").append(StepLog.FILE).append(", ")
          .append(steps.size()).append(" points")
          .append(steps.size() > MAX_STEP_ROWS ? ", the last " + MAX_STEP_ROWS + " shown" : "")
          .append(")</h3>")
          .append(Html.rows(steps.subList(Math.max(0, steps.size() - MAX_STEP_ROWS),
              steps.size())));
    }
  }

  private static void evaluation(Path dir, StringBuilder page) throws IOException {
    page.append("<h2>Evaluation</h2>");
    boolean any = false;
    for (String f : List.of(Run.SUMMARY, Run.EVALUATION)) {
      Path file = dir.resolve(f);
      if (Files.isRegularFile(file)) {
        JsonNode test = readJson(file).path("test");
        if (test.isObject()) {
          page.append("<h3>").append(Html.escape(f)).append("</h3>").append(Html.fields(test));
          any = true;
        }
      }
    }
    if (!any) {
      page.append("<p>no test figures yet ('latentj evaluate RUN_DIR' makes them)</p>");
    }
  }

  private static ObjectNode provenance(Run run) {
    Map<String, Object> all = run.checkpoint().provenance().asMap();
    ObjectNode p = JSON.createObjectNode();
    HEADLINE.stream().filter(all::containsKey).forEach(k -> p.set(k, JSON.valueToTree(
        all.get(k))));
    all.forEach((k, v) -> {
      if (!p.has(k) && !k.equals("components")) {
        p.set(k, JSON.valueToTree(v));
      }
    });
    return p;
  }

  private static List<JsonNode> jsonLines(Path file) throws IOException {
    List<JsonNode> rows = new ArrayList<>();
    if (Files.isRegularFile(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          rows.add(JSON.readTree(line));
        }
      }
    }
    return rows;
  }

  private static JsonNode readJson(Path file) throws IOException {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new IOException(file + ": not readable JSON: " + e.getMessage(), e);
    }
  }
}
