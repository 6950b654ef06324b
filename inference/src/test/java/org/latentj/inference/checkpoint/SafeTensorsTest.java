package org.latentj.inference.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.tensor.Rngs;
import org.latentj.testing.Matrices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {

  @TempDir Path dir;

  private static Map<String, DMatrixRMaj> sampleTensors() {
    UniformRandomProvider rng = Rngs.create(11);
    Map<String, DMatrixRMaj> tensors = new LinkedHashMap<>();
    // Names deliberately out of alphabetical order: the file must keep insertion order.
    tensors.put("encoder.layer1.weight", Matrices.normal(rng, 7, 3));
    tensors.put("encoder.layer0.weight", Matrices.normal(rng, 5, 7));
    tensors.put("encoder.layer0.bias", Matrices.normal(rng, 1, 7));
    tensors.put("empty", new DMatrixRMaj(0, 4));
    // A large tensor spans several 1 MiB chunks of the reader and writer.
    tensors.put("big", Matrices.normal(rng, 300, 700));
    return tensors;
  }

  @Test
  void f64RoundTripIsBitExactAndKeepsOrder() throws IOException {
    Map<String, DMatrixRMaj> tensors = sampleTensors();
    DMatrixRMaj special = new DMatrixRMaj(new double[][] {
        {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY},
        {-0.0, Double.MIN_VALUE, Double.MAX_VALUE}});
    tensors.put("special", special);
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("b", "2");
    metadata.put("a", "ünïcode ✓");
    Path file = dir.resolve("t.safetensors");

    SafeTensors.write(file, tensors, metadata);
    TensorFile read = SafeTensors.read(file);

    assertThat(read.tensors().keySet()).containsExactlyElementsOf(tensors.keySet());
    assertThat(read.metadata()).containsExactlyEntriesOf(metadata);
    for (Map.Entry<String, DMatrixRMaj> e : tensors.entrySet()) {
      DMatrixRMaj got = read.tensors().get(e.getKey());
      DMatrixRMaj want = e.getValue();
      assertThat(got.numRows).as(e.getKey()).isEqualTo(want.numRows);
      assertThat(got.numCols).as(e.getKey()).isEqualTo(want.numCols);
      int n = want.getNumElements();
      // Compared as raw bits, so NaN, -0.0 and subnormals count; one assertion per tensor.
      long[] gotBits = new long[n];
      long[] wantBits = new long[n];
      for (int i = 0; i < n; i++) {
        gotBits[i] = Double.doubleToRawLongBits(got.data[i]);
        wantBits[i] = Double.doubleToRawLongBits(want.data[i]);
      }
      assertThat(gotBits).as(e.getKey()).isEqualTo(wantBits);
    }
  }

  @Test
  void f32RoundTripIsWithinFloatPrecision() throws IOException {
    Map<String, DMatrixRMaj> tensors = sampleTensors();
    Path file = dir.resolve("t32.safetensors");

    SafeTensors.write(file, tensors, Map.of(), DType.F32);
    TensorFile read = SafeTensors.read(file);

    long expectedData = 0;
    for (Map.Entry<String, DMatrixRMaj> e : tensors.entrySet()) {
      DMatrixRMaj want = e.getValue();
      DMatrixRMaj got = read.tensors().get(e.getKey());
      expectedData += 4L * want.getNumElements();
      // Exactly the nearest float, hence within half a float ulp (relative 2^-24).
      double[] nearestFloat = new double[want.getNumElements()];
      double worst = 0;
      for (int i = 0; i < nearestFloat.length; i++) {
        nearestFloat[i] = (float) want.data[i];
        if (want.data[i] != 0) {
          worst = Math.max(worst, Math.abs(got.data[i] - want.data[i]) / Math.abs(want.data[i]));
        }
      }
      assertThat(Arrays.copyOf(got.data, nearestFloat.length)).as(e.getKey())
          .isEqualTo(nearestFloat);
      assertThat(worst).as(e.getKey()).isLessThanOrEqualTo(0x1p-24);
    }
    assertThat(read.metadata()).isEmpty();
    long headerLength = header(file).length;
    assertThat(Files.size(file)).isEqualTo(8 + headerLength + expectedData);
  }

  @Test
  void layoutFollowsTheSpecification() throws IOException {
    Map<String, DMatrixRMaj> tensors = new LinkedHashMap<>();
    tensors.put("w", new DMatrixRMaj(new double[][] {{1, 2, 3}, {4, 5, 6}}));
    tensors.put("b", new DMatrixRMaj(new double[][] {{7, 8}}));
    Path file = dir.resolve("layout.safetensors");
    SafeTensors.write(file, tensors, Map.of("k", "v"));

    byte[] bytes = Files.readAllBytes(file);
    byte[] header = header(file);
    // Padded with spaces to a multiple of 8, so the data section starts aligned.
    assertThat(header.length % 8).isZero();
    JsonNode json = Json.MAPPER.readTree(new String(header, StandardCharsets.UTF_8));
    assertThat(json.get("__metadata__").get("k").textValue()).isEqualTo("v");
    assertThat(json.get("w").toString())
        .isEqualTo("{\"dtype\":\"F64\",\"shape\":[2,3],\"data_offsets\":[0,48]}");
    assertThat(json.get("b").toString())
        .isEqualTo("{\"dtype\":\"F64\",\"shape\":[1,2],\"data_offsets\":[48,64]}");
    // Row-major (C order) little-endian values straight after the header.
    ByteBuffer data = ByteBuffer.wrap(bytes, 8 + header.length, 64)
        .order(ByteOrder.LITTLE_ENDIAN);
    double[] values = new double[8];
    data.asDoubleBuffer().get(values);
    assertThat(values).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    assertThat(bytes.length).isEqualTo(8 + header.length + 64);
  }

  @Test
  void readsOneDimensionalAndScalarTensorsAsRows() throws IOException {
    String json = "{" + RawFiles.entry("vec", "F64", "[3]", 0, 24) + ", "
        + RawFiles.entry("scalar", "F64", "[]", 24, 32) + "}";
    Path file = RawFiles.write(dir.resolve("1d.safetensors"), json, RawFiles.doubles(4));

    TensorFile read = SafeTensors.read(file);

    DMatrixRMaj vec = read.tensors().get("vec");
    assertThat(vec.numRows).isEqualTo(1);
    assertThat(vec.numCols).isEqualTo(3);
    assertThat(Arrays.copyOf(vec.data, 3)).containsExactly(0, 1, 2);
    DMatrixRMaj scalar = read.tensors().get("scalar");
    assertThat(scalar.numRows).isEqualTo(1);
    assertThat(scalar.numCols).isEqualTo(1);
    assertThat(scalar.get(0, 0)).isEqualTo(3.0);
  }

  @Test
  void readsTensorsListedOutOfOffsetOrderInHeaderOrder() throws IOException {
    // Writers such as PyTorch's need not list tensors in data order.
    String json = "{" + RawFiles.entry("second", "F64", "[1, 2]", 16, 32) + ", "
        + RawFiles.entry("first", "F64", "[2, 1]", 0, 16) + "}";
    Path file = RawFiles.write(dir.resolve("order.safetensors"), json, RawFiles.doubles(4));

    TensorFile read = SafeTensors.read(file);

    assertThat(read.tensors().keySet()).containsExactly("second", "first");
    assertThat(read.tensors().get("first").data).containsExactly(0, 1);
    assertThat(read.tensors().get("second").data).containsExactly(2, 3);
  }

  @Test
  void dataHashMatchesTheWriter() throws IOException {
    Map<String, DMatrixRMaj> tensors = sampleTensors();
    SafeTensorsWriter writer = SafeTensorsWriter.of(tensors, DType.F64);
    Path file = dir.resolve("hash.safetensors");
    AtomicFiles.write(file, channel -> writer.writeTo(channel, Map.of()));

    String hash = writer.dataSha256();

    assertThat(SafeTensors.read(file).dataSha256()).isEqualTo(hash).hasSize(64);
    byte[] bytes = Files.readAllBytes(file);
    int dataStart = 8 + header(file).length;
    java.security.MessageDigest digest = Sha256.newDigest();
    digest.update(bytes, dataStart, bytes.length - dataStart);
    assertThat(Sha256.hex(digest)).isEqualTo(hash);
  }

  @Test
  void writerRejectsReservedAndEmptyNames() {
    assertThatThrownBy(() -> SafeTensorsWriter.of(Map.of("__metadata__", new DMatrixRMaj(1, 1)),
        DType.F64)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved");
    assertThatThrownBy(() -> SafeTensorsWriter.of(Map.of("", new DMatrixRMaj(1, 1)), DType.F64))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** The header bytes (with padding) of a written file. */
  private static byte[] header(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    long n = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    return Arrays.copyOfRange(bytes, 8, 8 + (int) n);
  }
}
