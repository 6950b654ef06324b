package org.latentj.inference.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.latentj.inference.checkpoint.Checkpoint;
import org.latentj.inference.checkpoint.CheckpointFormatException;
import org.latentj.inference.checkpoint.CheckpointStore;
import org.latentj.inference.checkpoint.SafeTensors;

/**
 * Fuzzes {@link SafeTensors#read} and {@link CheckpointStore#load} on files holding the fuzz
 * input. {@link CheckpointFormatException} is the documented failure. The checksum covers only
 * the data section, so mutations of the header reach every metadata check behind it.
 */
class CheckpointFuzzTest {

  /** One file, rewritten for every input: the readers take paths. */
  private static final Path FILE = file();
  /** An F32 element (4 bytes) becomes an 8-byte double; the read buffer holds it once more. */
  static final long BYTES_PER_DECODED_BYTE = 4;

  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  @FuzzTest
  void safeTensors(byte[] input) throws Exception {
    Files.write(FILE, input);
    Outcome.of(List.of(FILE.toString()), input.length, BYTES_PER_DECODED_BYTE,
        CheckpointFormatException.class, () -> SafeTensors.read(FILE)).ifPresent(f -> {
          assertThat(f.dataSha256()).hasSize(64);
          f.tensors().values().forEach(m -> assertThat(m.getNumElements())
              .isLessThanOrEqualTo(input.length));
        });
  }

  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  @FuzzTest
  void checkpoint(byte[] input) throws Exception {
    Files.write(FILE, input);
    Outcome.of(List.of(FILE.toString()), input.length, BYTES_PER_DECODED_BYTE,
        CheckpointFormatException.class, () -> CheckpointStore.load(FILE))
        .ifPresent(CheckpointFuzzTest::check);
  }

  /** A loaded checkpoint is whole: its parts are there and can be used. */
  private static void check(Checkpoint c) {
    assertThat(c.rngState()).isNotEmpty();
    assertThat(c.position().step()).isNotNegative();
    assertThat(c.provenance().toJson()).startsWith("{");
    c.requireCompatible(c.parameters());
  }

  private static Path file() {
    try {
      Path dir = Files.createTempDirectory("latentj-fuzz");
      dir.toFile().deleteOnExit();
      Path f = dir.resolve("fuzz.safetensors");
      f.toFile().deleteOnExit();
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
