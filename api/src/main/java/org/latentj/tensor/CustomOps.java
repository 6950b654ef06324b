package org.latentj.tensor;

import org.ejml.data.DMatrixRMaj;

/** Joins a user's {@link DifferentiableOp} to the graph. */
final class CustomOps {

  private CustomOps() {}

  static Tensor apply(DifferentiableOp op, Tensor... inputs) {
    if (op == null) {
      throw new IllegalArgumentException("Tensor.apply: op is null");
    }
    String name = op.name();
    if (inputs.length == 0) {
      throw new IllegalArgumentException(name + ": needs at least one input");
    }
    if (Tensor.requireSameDtype(name, inputs) == DType.FLOAT32) {
      return ViaFloat64.apply(name, wide -> apply(op, wide), inputs);
    }
    DMatrixRMaj[] values = new DMatrixRMaj[inputs.length];
    boolean[] needsGrad = new boolean[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      values[i] = inputs[i].value();
      needsGrad[i] = GradMode.isEnabled() && inputs[i].requiresGrad();
    }
    OpContext ctx = new OpContext(values, needsGrad);
    DMatrixRMaj out = op.forward(ctx, values);
    if (out == null) {
      throw new IllegalStateException(name + ": forward returned null");
    }
    for (DMatrixRMaj v : values) {
      if (out == v) {
        throw new IllegalStateException(name + ": forward returned an input; return a new matrix");
      }
    }
    ctx.setOutput(out);
    Tensor[] in = inputs.clone();
    return Tensor.result(name, out, g -> {
      DMatrixRMaj[] grads = new DMatrixRMaj[in.length];
      for (int i = 0; i < in.length; i++) {
        grads[i] = Tensor.gradOf(in[i]);
      }
      op.backward(ctx, g, grads);
    }, in);
  }
}
