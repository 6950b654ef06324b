package org.latentj.nn;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.latentj.tensor.DType;
import org.latentj.tensor.Tensor;

/**
 * A named, persistent value that training changes: a leaf {@link Tensor} that accumulates a
 * gradient across every graph built from it. Optimizers update {@link #value()} (float64) or
 * {@link #valueF()} (float32) in place; {@link #dtype()} says which.
 */
public final class Parameter {

  private final String name;
  private Tensor tensor;

  /** A float64 parameter wrapping {@code value} (not copied). */
  public Parameter(String name, DMatrixRMaj value) {
    this.name = requireName(name);
    this.tensor = Tensor.variable(value);
  }

  /** A float32 parameter wrapping {@code value} (not copied). */
  public Parameter(String name, FMatrixRMaj value) {
    this.name = requireName(name);
    this.tensor = Tensor.variable(value);
  }

  /** A parameter of {@code dtype} holding {@code value} (Not modified; rounded for float32). */
  public static Parameter of(String name, DMatrixRMaj value, DType dtype) {
    return dtype == DType.FLOAT64
        ? new Parameter(name, value)
        : new Parameter(name, Tensor.constant(value, DType.FLOAT32).valueF());
  }

  private static String requireName(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("Parameter: name is empty");
    }
    return name;
  }

  /** The name within its owning module, e.g. {@code weight}. */
  public String name() {
    return name;
  }

  /** The leaf to build graphs from. Read it per forward pass: {@link #convertTo} replaces it. */
  public Tensor tensor() {
    return tensor;
  }

  /** The dtype of the value, the gradient and (for optimizers) the state. */
  public DType dtype() {
    return tensor.dtype();
  }

  /**
   * The live float64 value (Modified by optimizers).
   *
   * @throws IllegalStateException for a float32 parameter (use {@link #valueF()})
   */
  public DMatrixRMaj value() {
    return tensor.value();
  }

  /**
   * The live float32 value (Modified by optimizers).
   *
   * @throws IllegalStateException for a float64 parameter (use {@link #value()})
   */
  public FMatrixRMaj valueF() {
    return tensor.valueF();
  }

  /** The accumulated float64 gradient, allocated as zeros if nothing has reached it yet. */
  public DMatrixRMaj grad() {
    return tensor.gradBuffer();
  }

  /** The accumulated float32 gradient, allocated as zeros if nothing has reached it yet. */
  public FMatrixRMaj gradF() {
    return tensor.gradBufferF();
  }

  public void zeroGrad() {
    tensor.zeroGrad();
  }

  /**
   * Converts the value to {@code dtype} (float32 rounds to nearest), as a new leaf; nothing
   * happens when it already has that dtype. The gradient starts again from zero, and graphs or
   * optimizers built before keep the old leaf: convert a model before training it.
   */
  public void convertTo(DType dtype) {
    if (dtype == null) {
      throw new IllegalArgumentException("Parameter.convertTo: dtype is null");
    }
    if (dtype == tensor.dtype()) {
      return;
    }
    Tensor converted;
    try (org.latentj.tensor.GradMode.Scope off = org.latentj.tensor.GradMode.disable()) {
      converted = tensor.to(dtype);
    }
    tensor = dtype == DType.FLOAT64
        ? Tensor.variable(converted.value())
        : Tensor.variable(converted.valueF());
  }

  public int rows() {
    return tensor.rows();
  }

  public int cols() {
    return tensor.cols();
  }

  @Override
  public String toString() {
    return "Parameter[" + name + ", " + tensor.shape()
        + (dtype() == DType.FLOAT64 ? "" : ", " + dtype()) + "]";
  }
}
