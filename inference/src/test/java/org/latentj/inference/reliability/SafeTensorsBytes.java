package org.latentj.inference.reliability;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Safetensors files written by hand, to say things latentj's writer never would. */
final class SafeTensorsBytes {

  private SafeTensorsBytes() {}

  /** The 8-byte little-endian length of {@code json}, {@code json} itself, then {@code data}. */
  static byte[] of(String json, byte[] data) {
    byte[] header = json.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(8 + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN)
        .putLong(header.length).put(header).put(data).array();
  }

  /** A file whose first 8 bytes claim a header of {@code length} bytes, then {@code data}. */
  static byte[] claiming(long length, byte[] data) {
    return ByteBuffer.allocate(8 + data.length).order(ByteOrder.LITTLE_ENDIAN)
        .putLong(length).put(data).array();
  }
}
