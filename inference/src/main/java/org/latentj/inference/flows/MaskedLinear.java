package org.latentj.inference.flows;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.nn.Initializer;
import org.latentj.nn.Layer;
import org.latentj.nn.Parameter;
import org.latentj.tensor.Tensor;

/**
 * {@code x (W .* M) + b}: a dense layer whose weights are multiplied by a fixed 0/1 mask, the
 * building block of MADE (Germain et al. 2015). Masked-out weights get zero gradient through the
 * product, so they stay whatever they were and never matter.
 */
final class MaskedLinear extends Layer {

  private final Parameter weight;
  private final Parameter bias;
  private final Tensor mask;

  /** @param mask {@code in x out}, 0 or 1 (Not modified) */
  MaskedLinear(DMatrixRMaj mask, Initializer init, UniformRandomProvider rng) {
    DMatrixRMaj w = new DMatrixRMaj(mask.numRows, mask.numCols);
    init.fill(w, rng);
    this.weight = register(new Parameter("weight", w));
    this.bias = register(new Parameter("bias", new DMatrixRMaj(1, mask.numCols)));
    this.mask = Tensor.constant(mask.copy());
  }

  @Override
  public Tensor forward(Tensor x) {
    Tensor w = weight.tensor();
    // The mask is a float64 constant; a model converted to float32 meets it in its own dtype.
    return x.affine(w.mul(mask.to(w.dtype())), bias.tensor());
  }

  @Override
  public boolean rowWise() {
    return true;
  }

  Parameter bias() {
    return bias;
  }

  @Override
  public String toString() {
    return "MaskedLinear(" + mask.rows() + " -> " + mask.cols() + ")";
  }
}
