package org.latentj.tensor;

import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;

/**
 * Runs a float64 op on float32 tensors: the inputs are widened (exactly) to float64 copies, the
 * op runs there, and its output is rounded to float32; backward widens the output gradient, runs
 * the op's own float64 backward and adds the rounded input gradients into the float32 buffers.
 *
 * <p>Values therefore equal the float64 op's, rounded once; the price is a float64 copy of every
 * input and of the output per call. Ops on the hot path of a float32 model (products, the affine
 * map, elementwise functions, the Bernoulli likelihood, repetition) have float32 loops of their
 * own; the rest come here, so every op of {@link Tensor} works in float32 with one tested
 * float64 rule.
 */
final class ViaFloat64 {

  private ViaFloat64() {}

  /**
   * {@code f} applied to float32 {@code inputs} through float64, recorded as one float32 op named
   * {@code op}.
   */
  static Tensor apply(String op, Function<Tensor[], Tensor> f, Tensor... inputs) {
    Tensor[] wide = new Tensor[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      DMatrixRMaj w = Storage.widen(inputs[i].valueF());
      wide[i] = inputs[i].requiresGrad() ? Tensor.scratchVariable(w) : Tensor.constant(w);
    }
    Tensor out64 = f.apply(wide);
    FMatrixRMaj out = Storage.narrow(out64.value());
    return Tensor.result(op, out, g -> {
      if (!out64.requiresGrad()) {
        return; // f ignored every input that takes a gradient
      }
      for (Tensor w : wide) {
        w.zeroGrad();
      }
      out64.backward(Storage.widen(g));
      for (int i = 0; i < inputs.length; i++) {
        DMatrixRMaj gw = wide[i].requiresGrad() ? wide[i].grad() : null;
        if (gw != null) {
          Storage.addNarrowed(gw.data, inputs[i].gradBufferF().data, gw.getNumElements());
        }
      }
    }, inputs);
  }
}
