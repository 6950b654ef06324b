package org.latentj.inference.data;

import java.util.List;
import java.util.Objects;

/**
 * Where a {@link Dataset} came from: a description that grows by one step per derivation
 * ("mnist-10k train | rows 0..7000 | scaled to [0,1]") and the files it was read from, with their
 * SHA-256, so a trained model can record exactly which data it saw.
 *
 * @param description what the data is and how it was derived
 * @param files the files read, in reading order; empty for data built in memory
 */
public record DataProvenance(String description, List<SourceFile> files) {

  /** Validates and copies the file list. */
  public DataProvenance {
    Objects.requireNonNull(description, "description");
    files = List.copyOf(files);
  }

  /** Data built in memory, with no file behind it. */
  public static DataProvenance inMemory(String description) {
    return new DataProvenance(description, List.of());
  }

  /** This provenance after one more derivation {@code step}, from the same files. */
  public DataProvenance derive(String step) {
    return new DataProvenance(description + " | " + step, files);
  }

  @Override
  public String toString() {
    return files.isEmpty() ? description : description + " from " + files;
  }
}
