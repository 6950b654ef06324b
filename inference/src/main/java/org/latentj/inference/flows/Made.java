package org.latentj.inference.flows;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.nn.Activation;
import org.latentj.nn.Initializer;
import org.latentj.nn.Linear;
import org.latentj.nn.Module;
import org.latentj.tensor.Tensor;

/**
 * A masked autoencoder for distribution estimation (Germain et al. 2015) with one hidden layer
 * and two outputs per input column: {@code (m, s) = Made(x[, h])} with {@code m_j, s_j} depending
 * only on {@code x_1 .. x_{j-1}} (and on the context h, which reaches every hidden unit).
 *
 * <p>Degrees: input j has degree j (1-based); hidden unit k has degree {@code 1 + k mod (d-1)}
 * (1 when d = 1); an input-to-hidden weight exists when {@code deg(hidden) >= deg(input)}, a
 * hidden-to-output weight when {@code deg(output) > deg(hidden)}. So output j sees exactly the
 * inputs of lower degree, and output 1 sees none (it is a learned constant, or a function of
 * the context).
 */
final class Made extends Module {

  private final int size;
  private final MaskedLinear input;
  private final Linear context;
  private final MaskedLinear output;

  /**
   * @param outputBiasS the initial bias of the s outputs (IAF sets it so its gates start open)
   */
  Made(int size, int hidden, int contextSize, double outputBiasS, UniformRandomProvider rng) {
    this.size = size;
    int[] hiddenDegree = new int[hidden];
    for (int k = 0; k < hidden; k++) {
      hiddenDegree[k] = 1 + k % Math.max(1, size - 1);
    }
    DMatrixRMaj inMask = new DMatrixRMaj(size, hidden);
    for (int j = 0; j < size; j++) {
      for (int k = 0; k < hidden; k++) {
        inMask.set(j, k, hiddenDegree[k] >= j + 1 ? 1 : 0);
      }
    }
    DMatrixRMaj outMask = new DMatrixRMaj(hidden, 2 * size);
    for (int k = 0; k < hidden; k++) {
      for (int j = 0; j < size; j++) {
        double allowed = j + 1 > hiddenDegree[k] ? 1 : 0;
        outMask.set(k, j, allowed);
        outMask.set(k, size + j, allowed);
      }
    }
    this.input = register("input", new MaskedLinear(inMask, Initializer.lecunUniform(), rng));
    this.context = contextSize == 0 ? null
        : register("context", new Linear(contextSize, hidden, Initializer.lecunUniform(), rng));
    this.output = register("output",
        new MaskedLinear(outMask, Initializer.normal(FlowLayer.INITIAL_SD), rng));
    double[] bias = output.bias().value().data;
    for (int j = size; j < 2 * size; j++) {
      bias[j] = outputBiasS;
    }
  }

  /** {@code [m | s]}: {@code n x 2d}. */
  Tensor forward(Tensor x, Tensor h) {
    Tensor pre = input.forward(x);
    if (context != null) {
      pre = pre.add(context.forward(h));
    }
    return output.forward(Activation.ELU.apply(pre));
  }

  int size() {
    return size;
  }
}
