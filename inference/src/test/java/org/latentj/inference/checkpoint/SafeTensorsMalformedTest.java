package org.latentj.inference.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.latentj.inference.checkpoint.RawFiles.entry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way a safetensors file can be wrong gives a CheckpointFormatException that says how. */
class SafeTensorsMalformedTest {

  @TempDir Path dir;

  /** Two 2x2 F64 tensors, "a" then "b": 64 bytes of data. */
  private static final String TWO = "{" + entry("a", "F64", "[2, 2]", 0, 32) + ", "
      + entry("b", "F64", "[2, 2]", 32, 64) + "}";

  static Stream<Arguments> badHeaders() {
    byte[] four = RawFiles.doubles(4);
    byte[] eight = RawFiles.doubles(8);
    return Stream.of(
        Arguments.of("empty header", "", four, "not a JSON object"),
        Arguments.of("bad JSON", "{\"a\": {\"dtype\": ", four, "header is not valid JSON"),
        Arguments.of("trailing garbage", "{} x", four, "header is not valid JSON"),
        Arguments.of("duplicate key", "{" + entry("a", "F64", "[4]", 0, 32) + ", "
            + entry("a", "F64", "[4]", 0, 32) + "}", four, "Duplicate field 'a'"),
        Arguments.of("not an object", "[1, 2]", four, "header is not a JSON object"),
        Arguments.of("unknown dtype", "{" + entry("a", "F65", "[4]", 0, 32) + "}", four,
            "tensor a: unknown dtype 'F65'"),
        Arguments.of("unsupported dtype", "{" + entry("a", "BF16", "[16]", 0, 32) + "}", four,
            "tensor a: dtype BF16 is not supported; latentj reads F64 and F32"),
        Arguments.of("dtype not a string",
            "{\"a\": {\"dtype\": 8, \"shape\": [4], \"data_offsets\": [0, 32]}}", four,
            "tensor a: dtype is missing or not a string"),
        Arguments.of("entry not an object", "{\"a\": 3}", four,
            "tensor a: entry is not a JSON object"),
        Arguments.of("unexpected field", "{\"a\": {\"dtype\": \"F64\", \"shape\": [4], "
            + "\"data_offsets\": [0, 32], \"stride\": 1}}", four,
            "tensor a: unexpected field 'stride'"),
        Arguments.of("missing shape", "{\"a\": {\"dtype\": \"F64\", \"data_offsets\": [0, 32]}}",
            four, "tensor a: shape is missing or not an array"),
        Arguments.of("three dimensions", "{" + entry("a", "F64", "[1, 2, 2]", 0, 32) + "}",
            four, "tensor a: shape [1,2,2] has 3 dimensions"),
        Arguments.of("negative dimension", "{" + entry("a", "F64", "[-4]", 0, 32) + "}", four,
            "tensor a: shape [-4]: -4 is not a non-negative integer"),
        Arguments.of("fractional dimension", "{" + entry("a", "F64", "[1.5]", 0, 32) + "}",
            four, "is not a non-negative integer"),
        Arguments.of("huge dimensions", "{" + entry("a", "F64", "[2000000000, 2000000000]", 0,
            32) + "}", four, "more than a Java array can"),
        Arguments.of("dimension beyond long", "{" + entry("a", "F64",
            "[99999999999999999999]", 0, 32) + "}", four, "is not a non-negative integer"),
        Arguments.of("one offset", "{\"a\": {\"dtype\": \"F64\", \"shape\": [4], "
            + "\"data_offsets\": [32]}}", four, "tensor a: data_offsets is missing"),
        Arguments.of("offsets reversed", "{" + entry("a", "F64", "[0]", 32, 0) + "}", four,
            "tensor a: data_offsets [32,0] end before they begin"),
        Arguments.of("offsets out of range", "{" + entry("a", "F64", "[4]", 0, 32) + ", "
            + entry("b", "F64", "[4]", 32, 64) + "}", four,
            "tensor b: data_offsets [32,64] reach beyond the data section of 32 bytes"),
        Arguments.of("shape/offset mismatch", "{" + entry("a", "F64", "[3]", 0, 32) + "}", four,
            "tensor a: shape [3] of F64 needs 24 bytes but data_offsets [0,32] span 32"),
        Arguments.of("F32 size mismatch", "{" + entry("a", "F32", "[4]", 0, 32) + "}", four,
            "tensor a: shape [4] of F32 needs 16 bytes"),
        Arguments.of("overlap", "{" + entry("a", "F64", "[4]", 0, 32) + ", "
            + entry("b", "F64", "[4]", 16, 48) + ", " + entry("c", "F64", "[2]", 48, 64) + "}",
            eight, "tensors a and b overlap: a ends at byte 32 but b begins at 16"),
        Arguments.of("gap", "{" + entry("a", "F64", "[2]", 0, 16) + ", "
            + entry("b", "F64", "[4]", 32, 64) + "}", eight,
            "bytes [16, 32) of the data section belong to no tensor (gap before b)"),
        Arguments.of("trailing data", "{" + entry("a", "F64", "[2]", 0, 16) + "}", four,
            "tensors cover 16 bytes but the data section holds 32"),
        Arguments.of("metadata not an object", "{\"__metadata__\": [1], "
            + entry("a", "F64", "[4]", 0, 32) + "}", four, "__metadata__ is not a JSON object"),
        Arguments.of("metadata value not a string", "{\"__metadata__\": {\"n\": 3}, "
            + entry("a", "F64", "[4]", 0, 32) + "}", four,
            "__metadata__ value of n is NUMBER, but safetensors metadata are strings"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badHeaders")
  void badHeaderIsReportedWithFileAndTensor(String what, String json, byte[] data,
      String message) throws IOException {
    Path file = RawFiles.write(dir.resolve("bad.safetensors"), json, data);

    assertThatThrownBy(() -> SafeTensors.read(file))
        .isInstanceOf(CheckpointFormatException.class)
        .hasMessageStartingWith(file.toString() + ": ")
        .hasMessageContaining(message);
  }

  @Test
  void emptyFileIsReported() throws IOException {
    Path file = Files.write(dir.resolve("empty.safetensors"), new byte[0]);

    assertThatThrownBy(() -> SafeTensors.read(file))
        .isInstanceOf(CheckpointFormatException.class)
        .hasMessage(file + ": file holds 0 bytes, fewer than the 8-byte header length (empty or "
            + "truncated file)");
  }

  @Test
  void headerLengthLargerThanTheFileIsReportedBeforeAllocating() throws IOException {
    byte[] json = TWO.getBytes(StandardCharsets.UTF_8);
    Path longer = RawFiles.write(dir.resolve("longer.safetensors"), json.length + 65L, json,
        RawFiles.doubles(8));
    Path huge = RawFiles.write(dir.resolve("huge.safetensors"), 90_000_000L, json,
        RawFiles.doubles(8));
    Path overLimit = RawFiles.write(dir.resolve("limit.safetensors"), 1L << 40, json,
        RawFiles.doubles(8));
    Path unsigned = RawFiles.write(dir.resolve("unsigned.safetensors"), -1L, json,
        RawFiles.doubles(8));

    assertThatThrownBy(() -> SafeTensors.read(longer))
        .isInstanceOf(CheckpointFormatException.class)
        .hasMessageContaining("header length " + (json.length + 65) + " exceeds the "
            + (json.length + 64) + " bytes after it (truncated file?)");
    assertThatThrownBy(() -> SafeTensors.read(huge))
        .isInstanceOf(CheckpointFormatException.class)
        .hasMessageContaining("header length 90000000 exceeds the");
    assertThatThrownBy(() -> SafeTensors.read(overLimit))
        .isInstanceOf(CheckpointFormatException.class)
        .hasMessageContaining("header length 1099511627776 exceeds the 100000000-byte limit");
    assertThatThrownBy(() -> SafeTensors.read(unsigned))
        .isInstanceOf(CheckpointFormatException.class)
        .hasMessageContaining("header length 18446744073709551615 exceeds the 100000000-byte");
  }

  @Test
  void invalidUtf8HeaderIsReported() throws IOException {
    byte[] header = "{\"a\u00ff\": 1}".getBytes(StandardCharsets.ISO_8859_1);
    Path file = RawFiles.write(dir.resolve("utf.safetensors"), header.length, header,
        new byte[0]);

    assertThatThrownBy(() -> SafeTensors.read(file))
        .isInstanceOf(CheckpointFormatException.class)
        .hasMessageContaining("header is not valid UTF-8");
  }

  @Test
  void truncationAtAnyPointIsReported() throws IOException {
    Map<String, DMatrixRMaj> tensors = new LinkedHashMap<>();
    tensors.put("a", new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}}));
    tensors.put("b", new DMatrixRMaj(new double[][] {{5, 6, 7}}));
    Path whole = dir.resolve("whole.safetensors");
    SafeTensors.write(whole, tensors, Map.of("note", "x"));
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = dir.resolve("cut.safetensors");

    // Every cut: in the header length, in the header, in the first and in the last tensor.
    for (int length = 0; length < bytes.length; length++) {
      Files.write(cut, Arrays.copyOf(bytes, length));
      int at = length;
      assertThatThrownBy(() -> SafeTensors.read(cut)).as("cut at %d", at)
          .isInstanceOf(CheckpointFormatException.class)
          .hasMessageContaining("truncated");
    }
    assertThat(SafeTensors.read(whole).tensors()).containsOnlyKeys("a", "b");
  }
}
