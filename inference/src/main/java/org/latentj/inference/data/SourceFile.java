package org.latentj.inference.data;

import org.latentj.inference.checkpoint.Sha256;

import java.util.Objects;

/**
 * One file a data set was read from, as stored: its name (path or classpath resource), its size
 * in bytes and the SHA-256 of those bytes (of the compressed bytes for a gzip file), so a result
 * can be traced to the exact data behind it.
 *
 * @param name the path or resource name
 * @param bytes the number of bytes read
 * @param sha256 64 lower-case hex digits
 */
public record SourceFile(String name, long bytes, String sha256) {

  /** Validates the fields. */
  public SourceFile {
    Objects.requireNonNull(name, "name");
    if (bytes < 0) {
      throw new IllegalArgumentException("SourceFile " + name + ": bytes must be >= 0, got "
          + bytes);
    }
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("SourceFile " + name
          + ": sha256 must be 64 lower-case hex digits, got " + sha256);
    }
  }

  /** The SHA-256 of {@code data} as 64 lower-case hex digits. */
  public static String sha256Of(byte[] data) {
    return Sha256.of(data);
  }

  @Override
  public String toString() {
    return name + " (" + bytes + " bytes, sha256 " + sha256 + ")";
  }
}
