package org.latentj.tensor;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * What one application of a {@link DifferentiableOp} keeps between its forward and its backward
 * pass: the inputs' and the output's values, which inputs take a gradient, and anything forward
 * {@link #save saves} (PyTorch's {@code ctx.save_for_backward}). One context per application, so
 * an op object holds no per-call state and may be applied many times in one graph.
 */
public final class OpContext {

  private final DMatrixRMaj[] inputs;
  private final boolean[] needsGrad;
  private final List<Object> saved = new ArrayList<>();
  private DMatrixRMaj output;

  OpContext(DMatrixRMaj[] inputs, boolean[] needsGrad) {
    this.inputs = inputs;
    this.needsGrad = needsGrad;
  }

  /** The value of input {@code i} (Not modified: it is the live input). */
  public DMatrixRMaj input(int i) {
    return inputs[i];
  }

  /** The number of inputs. */
  public int inputCount() {
    return inputs.length;
  }

  /** True when input {@code i} takes a gradient, so forward can skip saving what only it needs. */
  public boolean needsGrad(int i) {
    return needsGrad[i];
  }

  /** The output forward returned (for backward; {@code null} inside forward). */
  public DMatrixRMaj output() {
    return output;
  }

  void setOutput(DMatrixRMaj y) {
    this.output = y;
  }

  /** Keeps {@code values} (matrices, scalars, anything) for backward, after earlier ones. */
  public void save(Object... values) {
    for (Object v : values) {
      saved.add(v);
    }
  }

  /**
   * The {@code i}-th value saved, in the order {@link #save} received them.
   *
   * @throws IllegalStateException when fewer were saved, or it is not a {@code type}
   */
  public <T> T saved(int i, Class<T> type) {
    if (i < 0 || i >= saved.size()) {
      throw new IllegalStateException("OpContext: value " + i + " was not saved (" + saved.size()
          + " saved)");
    }
    Object v = saved.get(i);
    if (!type.isInstance(v)) {
      throw new IllegalStateException("OpContext: saved value " + i + " is a "
          + (v == null ? "null" : v.getClass().getSimpleName()) + ", not a "
          + type.getSimpleName());
    }
    return type.cast(v);
  }

  /** The {@code i}-th value saved, as a matrix. */
  public DMatrixRMaj saved(int i) {
    return saved(i, DMatrixRMaj.class);
  }
}
