package org.latentj.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.latentj.inference.training.TrainingListener;
import org.latentj.inference.training.TrainingState;

/**
 * {@code --log-every-steps N}: one JSON line every N optimizer steps in {@value #FILE} (epoch,
 * step, examples seen, the minibatch's bound), beside {@code metrics.jsonl}, which stays one
 * line per epoch for the readers that expect that. On a resumed run the lines after the
 * checkpoint's step are dropped first, so the file matches the run's one history.
 */
final class StepLog implements TrainingListener {

  static final String FILE = "steps.jsonl";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One logged step. */
  record Point(long step, long examplesSeen, double bound) {}

  private final Path file;
  private final int every;
  private final List<Point> points = new ArrayList<>();
  private BufferedWriter out;

  StepLog(Path dir, int every) {
    this.file = dir.resolve(FILE);
    this.every = every;
  }

  /** The steps logged so far, those kept from before a resume included. */
  List<Point> points() {
    return List.copyOf(points);
  }

  @Override
  public void onTrainingStart(TrainingState state) {
    try {
      List<String> kept = new ArrayList<>();
      if (Files.exists(file)) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          JsonNode n = JSON.readTree(line);
          if (n.path("step").asLong(Long.MAX_VALUE) <= state.steps()) {
            kept.add(line);
            points.add(new Point(n.get("step").asLong(), n.path("examples_seen").asLong(),
                n.path("bound").asDouble()));
          }
        }
      }
      Files.write(file, kept, StandardCharsets.UTF_8);
      out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void onStep(TrainingState state, double bound) {
    if (state.steps() % every != 0) {
      return;
    }
    ObjectNode n = JSON.createObjectNode().put("epoch", state.epoch())
        .put("step", state.steps()).put("examples_seen", state.examplesSeen())
        .put("bound", bound);
    try {
      out.write(n.toString());
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
    points.add(new Point(state.steps(), state.examplesSeen(), bound));
  }

  @Override
  public void onTrainingEnd(TrainingState state) {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
