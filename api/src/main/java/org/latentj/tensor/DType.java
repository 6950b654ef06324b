package org.latentj.tensor;

import java.util.Locale;

/**
 * The element type of a tensor's storage, named as EJML names its families: {@link #FLOAT64}
 * values live in a {@code DMatrixRMaj} (the D family), {@link #FLOAT32} values in an
 * {@code FMatrixRMaj} (the F family).
 *
 * <p>float64 is the default and the reference: gradient checks and closed-form tests run in it,
 * and every float32 op is tested against it. A model chooses its dtype when it is built (or
 * converts with {@code Module.convertTo}); there is no process-wide switch. Ops never mix the two:
 * combining a float64 with a float32 tensor fails naming the op and both dtypes, and
 * {@link Tensor#to(DType)} converts explicitly (differentiably).
 */
public enum DType {
  /** IEEE 754 binary64: the default and the reference. */
  FLOAT64("float64", Double.BYTES),
  /** IEEE 754 binary32: half the memory and twice the arithmetic rate of the products. */
  FLOAT32("float32", Float.BYTES);

  private final String label;
  private final int bytes;

  DType(String label, int bytes) {
    this.label = label;
    this.bytes = bytes;
  }

  /** Bytes per element. */
  public int bytes() {
    return bytes;
  }

  /** {@code float64} or {@code float32}, as PyTorch and NumPy spell them. */
  @Override
  public String toString() {
    return label;
  }

  /**
   * The dtype called {@code name}: {@code float64}/{@code f64}/{@code double} or
   * {@code float32}/{@code f32}/{@code float} (any case).
   *
   * @throws IllegalArgumentException for any other name
   */
  public static DType parse(String name) {
    String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    return switch (n) {
      case "float64", "f64", "double" -> FLOAT64;
      case "float32", "f32", "float" -> FLOAT32;
      default -> throw new IllegalArgumentException("dtype: unknown '" + name
          + "' (expected float64 or float32)");
    };
  }
}
