package org.latentj.nn;

import org.ejml.data.DMatrixRMaj;
import org.latentj.tensor.Tensor;

/**
 * A named, persistent value that training changes: a leaf {@link Tensor} that accumulates a
 * gradient across every graph built from it. Optimizers update {@link #value()} in place.
 */
public final class Parameter {

  private final String name;
  private final Tensor tensor;

  public Parameter(String name, DMatrixRMaj value) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("Parameter: name is empty");
    }
    this.name = name;
    this.tensor = Tensor.variable(value);
  }

  /** The name within its owning module, e.g. {@code weight}. */
  public String name() {
    return name;
  }

  /** The leaf to build graphs from. */
  public Tensor tensor() {
    return tensor;
  }

  /** The live value (Modified by optimizers). */
  public DMatrixRMaj value() {
    return tensor.value();
  }

  /** The accumulated gradient, allocated as zeros if nothing has reached it yet. */
  public DMatrixRMaj grad() {
    return tensor.gradBuffer();
  }

  public void zeroGrad() {
    tensor.zeroGrad();
  }

  public int rows() {
    return tensor.rows();
  }

  public int cols() {
    return tensor.cols();
  }

  @Override
  public String toString() {
    return "Parameter[" + name + ", " + tensor.shape() + "]";
  }
}
