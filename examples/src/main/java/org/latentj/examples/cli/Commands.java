package org.latentj.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.latentj.inference.checkpoint.AtomicFiles;

/** What the commands share: option checks, data names, run folder names, JSON output. */
final class Commands {

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT).build();
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private Commands() {}

  /** Fails with a usage error unless {@code value >= min}, naming the option. */
  static void atLeast(String option, long value, long min) {
    if (value < min) {
      throw new UsageException(option + " must be at least " + min + ", got " + value);
    }
  }

  /** Fails with a usage error unless {@code value} is finite and positive. */
  static void positive(String option, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new UsageException(option + " must be a positive number, got " + value);
    }
  }

  /** A data name kept as it is, or a path made absolute so the run can find it again. */
  static String dataSpec(String data) {
    if (data.equals(RunData.EMBEDDED_DIGITS) || data.equals(RunData.FASHION_MNIST)) {
      return data;
    }
    return Path.of(data).toAbsolutePath().normalize().toString();
  }

  /**
   * The name of a new folder {@code runs/<yyyyMMdd-HHmmss>} (with a suffix if that one exists),
   * not yet created: {@link RunFolder#claim} makes it once every check has passed.
   */
  static Path newRunFolder(Path parent) {
    String stamp = LocalDateTime.now().format(STAMP);
    Path dir = parent.resolve(stamp);
    for (int i = 2; Files.exists(dir); i++) {
      dir = parent.resolve(stamp + "-" + i);
    }
    return dir;
  }

  /** Writes {@code value} as indented JSON to {@code file}, atomically. */
  static void writeJson(Path file, Map<String, Object> value) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(value);
    AtomicFiles.writeStream(file, out -> {
      out.write(bytes);
      out.write('\n');
    });
  }
}
