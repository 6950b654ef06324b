package org.latentj.inference.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPOutputStream;

/** Builds IDX files byte by byte, valid or broken, for tests. */
final class IdxBytes {

  private IdxBytes() {}

  /** A header with {@code magic} and the given dimension sizes (as unsigned ints). */
  static byte[] header(int magic, long... dims) {
    ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length);
    b.putInt(magic);
    for (long d : dims) {
      b.putInt((int) d);
    }
    return b.array();
  }

  /** A valid images file: {@code n} images of {@code rows x cols}, pixel k = (k * 7) mod 256. */
  static byte[] images(int n, int rows, int cols) {
    return concat(header(0x803, n, rows, cols), pixels(n * rows * cols));
  }

  /** A valid labels file with the given labels. */
  static byte[] labels(int... labels) {
    byte[] data = new byte[labels.length];
    for (int i = 0; i < labels.length; i++) {
      data[i] = (byte) labels[i];
    }
    return concat(header(0x801, labels.length), data);
  }

  static byte[] pixels(int count) {
    byte[] data = new byte[count];
    for (int k = 0; k < count; k++) {
      data[k] = (byte) (k * 7);
    }
    return data;
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  static byte[] gzip(byte[] plain) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(plain);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** {@code gz} with its trailer's ISIZE (last 4 bytes, little-endian) replaced. */
  static byte[] withIsize(byte[] gz, long isize) {
    byte[] out = gz.clone();
    int p = out.length - 4;
    for (int i = 0; i < 4; i++) {
      out[p + i] = (byte) (isize >>> (8 * i));
    }
    return out;
  }
}
