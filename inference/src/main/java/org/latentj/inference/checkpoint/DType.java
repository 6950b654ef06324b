package org.latentj.inference.checkpoint;

import java.nio.ByteBuffer;

/**
 * The element types latentj reads and writes, under their safetensors names. Values are stored
 * little-endian; {@link #F32} rounds each double to the nearest float (overflowing to infinity),
 * which loses nothing for a float32 tensor. A checkpoint stores each tensor in its own dtype.
 */
public enum DType {
  /** IEEE 754 binary64, exact: the default, and the only type that resumes training bit-for-bit. */
  F64(Double.BYTES),
  /** IEEE 754 binary32: half the size; exact for float32 tensors, rounding for float64 ones. */
  F32(Float.BYTES);

  private final int bytes;

  DType(int bytes) {
    this.bytes = bytes;
  }

  /** How a tensor of {@code dtype} is stored: float64 as {@link #F64}, float32 as {@link #F32}. */
  public static DType of(org.latentj.tensor.DType dtype) {
    return dtype == org.latentj.tensor.DType.FLOAT32 ? F32 : F64;
  }

  /** The tensor dtype a stored tensor is read back into: {@link #F32} as float32. */
  public org.latentj.tensor.DType tensorDtype() {
    return this == F32 ? org.latentj.tensor.DType.FLOAT32 : org.latentj.tensor.DType.FLOAT64;
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
