package org.latentj.inference.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds safetensors files byte by byte, for tests of what the reader rejects. */
final class RawFiles {

  private RawFiles() {}

  /** Writes the 8-byte little-endian {@code headerLength}, then {@code header}, then data. */
  static Path write(Path file, long headerLength, byte[] header, byte[] data) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(8 + header.length + data.length)
        .order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(headerLength).put(header).put(data);
    Files.write(file, b.array());
    return file;
  }

  /** A file with {@code json} as its header (its true length) and {@code data} after it. */
  static Path write(Path file, String json, byte[] data) throws IOException {
    byte[] header = json.getBytes(StandardCharsets.UTF_8);
    return write(file, header.length, header, data);
  }

  /** {@code n} little-endian doubles 0, 1, 2, ... as bytes. */
  static byte[] doubles(int n) {
    ByteBuffer b = ByteBuffer.allocate(8 * n).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < n; i++) {
      b.putDouble(i);
    }
    return b.array();
  }

  /** A header entry {@code "name": {"dtype": ..., "shape": ..., "data_offsets": [b, e]}}. */
  static String entry(String name, String dtype, String shape, long begin, long end) {
    return "\"" + name + "\": {\"dtype\": \"" + dtype + "\", \"shape\": " + shape
        + ", \"data_offsets\": [" + begin + ", " + end + "]}";
  }
}
