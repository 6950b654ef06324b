package org.latentj.inference.training;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.latentj.inference.checkpoint.AtomicFiles;
import org.latentj.inference.evaluation.Evaluator;
import org.latentj.model.Objective;
import org.latentj.tensor.Rngs;

/**
 * Writes one {@link MetricsRecord} per epoch to {@code <run>/metrics.jsonl} (JSON lines), each
 * line appended and flushed when its epoch ends, so the file can be followed while training
 * runs. With a validation set, each record also holds the mean bound on it, computed with the
 * {@link Evaluator} and no gradients, by the training objective unless another is given.
 *
 * <p>Validation draws from its own generator, {@code Rngs.derive(seed, "validation")}, made
 * afresh each epoch: the run's generator is untouched (so validation cannot change training, and
 * a resumed run stays bit-for-bit), and every epoch is scored with the same noise, so the curve
 * shows the model changing rather than the sampling.
 *
 * <p>On a resumed run the file is kept up to the epoch resumed from: records of later epochs
 * (written after the last checkpoint, before a crash) and a torn last line are dropped, in one
 * atomic rewrite, so the file tells the history of the run being continued.
 */
public final class MetricsListener implements TrainingListener {

  /** The metrics file's name inside a run folder. */
  public static final String FILE_NAME = "metrics.jsonl";

  private final Path file;
  private final DMatrixRMaj validation;
  private final Objective validationObjective;
  private final int batchSize;
  private final long seed;
  private final List<MetricsRecord> records = new ArrayList<>();

  private MetricsListener(Path file, DMatrixRMaj validation, Objective objective, int batchSize,
      long seed) {
    this.file = Objects.requireNonNull(file, "file");
    this.validation = validation;
    this.validationObjective = objective;
    this.batchSize = batchSize;
    this.seed = seed;
  }

  /** Writes {@code runDirectory}/{@value #FILE_NAME}, with no validation set. */
  public static MetricsListener in(Path runDirectory) {
    return new MetricsListener(runDirectory.resolve(FILE_NAME), null, null, 1, 0);
  }

  /**
   * The same listener, also scoring {@code data} (Not modified; rows = examples) after every
   * epoch with the training objective, {@code batchSize} rows at a time, with noise from
   * {@code seed}.
   */
  public MetricsListener withValidation(DMatrixRMaj data, int batchSize, long seed) {
    return withValidation(data, null, batchSize, seed);
  }

  /** As {@link #withValidation(DMatrixRMaj, int, long)}, scored by {@code objective}. */
  public MetricsListener withValidation(DMatrixRMaj data, Objective objective, int batchSize,
      long seed) {
    Objects.requireNonNull(data, "data");
    if (data.numRows < 1 || batchSize < 1) {
      throw new IllegalArgumentException("MetricsListener: the validation set needs rows and a"
          + " positive batch size, got " + data.numRows + " rows, batch " + batchSize);
    }
    return new MetricsListener(file, data, objective, batchSize, seed);
  }

  /** The file written. */
  public Path file() {
    return file;
  }

  /** Every record of the run so far, those kept from before a resume included. */
  public List<MetricsRecord> records() {
    return Collections.unmodifiableList(records);
  }

  /** The newest record, or null before the first epoch ends. */
  public MetricsRecord last() {
    return records.isEmpty() ? null : records.get(records.size() - 1);
  }

  @Override
  public void onTrainingStart(TrainingState state) {
    records.clear();
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      if (Files.isRegularFile(file)) {
        keepUpTo(state.epoch());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the metrics file " + file + ": " + e, e);
    }
  }

  @Override
  public void onEpochEnd(TrainingState state, EpochSummary summary) {
    double bound = Double.NaN;
    if (validation != null) {
      Svi svi = state.svi();
      Objective objective = validationObjective != null ? validationObjective : svi.objective();
      // In the run's own context, like its steps: the same kernel and validation switch.
      bound = new Evaluator(svi.model(), svi.guide()).inContext(svi.context())
          .meanBound(objective, validation, batchSize, Rngs.derive(seed, "validation"));
    }
    MetricsRecord record = MetricsRecord.of(summary, bound);
    records.add(record);
    try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE),
        StandardCharsets.UTF_8))) {
      out.write(record.toJson());
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append epoch " + summary.epoch() + " to " + file
          + ": " + e, e);
    }
  }

  /** Keeps the readable records of epochs up to {@code epoch}, rewriting the file if needed. */
  private void keepUpTo(int epoch) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      MetricsRecord r;
      try {
        r = MetricsRecord.fromJson(line);
      } catch (IllegalArgumentException e) {
        if (i == lines.size() - 1) {
          continue; // torn by a crash while it was being appended
        }
        throw new IllegalArgumentException(file + ", line " + (i + 1) + ": " + e.getMessage(),
            e);
      }
      if (r.epoch() <= epoch) {
        records.add(r);
        kept.add(line);
      }
    }
    if (kept.size() != lines.size()) {
      AtomicFiles.writeStream(file, out -> {
        for (String line : kept) {
          out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
      });
    }
  }

  @Override
  public String toString() {
    return "MetricsListener(" + file + (validation == null ? ""
        : ", validation " + validation.numRows + " rows") + ")";
  }
}
