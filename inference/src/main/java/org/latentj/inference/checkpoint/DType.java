package org.latentj.inference.checkpoint;

import java.nio.ByteBuffer;

/**
 * The element types latentj reads and writes, under their safetensors names. Values are stored
 * little-endian; {@link #F32} rounds each double to the nearest float (overflowing to infinity).
 */
public enum DType {
  /** IEEE 754 binary64, exact: the default, and the only type that resumes training bit-for-bit. */
  F64(Double.BYTES),
  /** IEEE 754 binary32: half the size, for sharing parameters. */
  F32(Float.BYTES);

  private final int bytes;

  DType(int bytes) {
    this.bytes = bytes;
  }

  /** Bytes per element. */
  public int bytes() {
    return bytes;
  }

  /** Puts {@code src[from, from + n)} into {@code dst} (Modified; little-endian, with room). */
  void encode(double[] src, int from, int n, ByteBuffer dst) {
    if (this == F64) {
      dst.asDoubleBuffer().put(src, from, n);
      dst.position(dst.position() + n * Double.BYTES);
    } else {
      for (int i = from, end = from + n; i < end; i++) {
        dst.putFloat((float) src[i]);
      }
    }
  }

  /** Takes {@code n} elements from {@code src} (Modified; little-endian) into {@code dst}. */
  void decode(ByteBuffer src, double[] dst, int from, int n) {
    if (this == F64) {
      src.asDoubleBuffer().get(dst, from, n);
      src.position(src.position() + n * Double.BYTES);
    } else {
      for (int i = from, end = from + n; i < end; i++) {
        dst[i] = src.getFloat();
      }
    }
  }
}
