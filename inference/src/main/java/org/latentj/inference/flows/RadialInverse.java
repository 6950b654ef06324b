package org.latentj.inference.flows;

import org.ejml.data.DMatrixRMaj;
import org.latentj.tensor.DifferentiableOp;
import org.latentj.tensor.OpContext;

/**
 * The radius step of inverting a radial flow: per row the non-negative root of
 *
 * <pre>  r^2 + B r - C = 0,   C &gt;= 0</pre>
 *
 * computed without cancellation: {@code (-B + sqrt(B^2 + 4C)) / 2} when {@code B <= 0}, else
 * {@code 2C / (B + sqrt(B^2 + 4C))}. Implicit gradient: {@code dr = (dC - r dB) / (2r + B)}.
 *
 * <p>Inputs {@code B}, {@code C}, each {@code n x 1}; output {@code r}, {@code n x 1}.
 */
final class RadialInverse implements DifferentiableOp {

  static final RadialInverse INSTANCE = new RadialInverse();

  private RadialInverse() {}

  @Override
  public String name() {
    return "radialInverse";
  }

  @Override
  public DMatrixRMaj forward(OpContext ctx, DMatrixRMaj... in) {
    DMatrixRMaj bs = in[0];
    DMatrixRMaj cs = in[1];
    DMatrixRMaj r = new DMatrixRMaj(bs.numRows, 1);
    for (int i = 0; i < bs.numRows; i++) {
      double b = bs.data[i];
      double c = cs.data[i];
      double root = Math.sqrt(b * b + 4 * c);
      r.data[i] = b <= 0 ? 0.5 * (root - b) : 2 * c / (b + root);
    }
    return r;
  }

  @Override
  public void backward(OpContext ctx, DMatrixRMaj gradOut, DMatrixRMaj... grads) {
    DMatrixRMaj bs = ctx.input(0);
    DMatrixRMaj r = ctx.output();
    for (int i = 0; i < r.numRows; i++) {
      double g = gradOut.data[i] / (2 * r.data[i] + bs.data[i]);
      if (grads[0] != null) {
        grads[0].data[i] -= g * r.data[i];
      }
      if (grads[1] != null) {
        grads[1].data[i] += g;
      }
    }
  }
}
