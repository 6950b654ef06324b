package org.latentj.inference.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPOutputStream;

/** IDX files made in memory: headers with any magic and dimensions, and gzip of any bytes. */
final class IdxFiles {

  static final int IMAGES_MAGIC = 0x00000803;
  static final int LABELS_MAGIC = 0x00000801;

  private IdxFiles() {}

  /** A big-endian header: the magic number, then one 4-byte size per dimension. */
  static byte[] header(int magic, int... dims) {
    ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length);
    b.putInt(magic);
    for (int d : dims) {
      b.putInt(d);
    }
    return b.array();
  }

  /** A well-formed images file of {@code n} images of {@code rows x cols} grey levels. */
  static byte[] images(int n, int rows, int cols) {
    return withData(header(IMAGES_MAGIC, n, rows, cols), n * rows * cols);
  }

  /** A well-formed labels file of {@code n} labels in 0..9. */
  static byte[] labels(int n) {
    return withData(header(LABELS_MAGIC, n), n);
  }

  /** {@code header} followed by {@code count} bytes of a fixed pattern. */
  static byte[] withData(byte[] header, int count) {
    byte[] out = new byte[header.length + count];
    System.arraycopy(header, 0, out, 0, header.length);
    for (int i = 0; i < count; i++) {
      out[header.length + i] = (byte) (i * 37 % 10);
    }
    return out;
  }

  /** The gzip (RFC 1952) compression of {@code bytes}. */
  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
