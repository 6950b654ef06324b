package org.latentj.tensor;

import org.ejml.data.DMatrixRMaj;

/**
 * An op written outside latentj: a forward computation on the inputs' values and its
 * vector-Jacobian product, joined to the graph by {@link Tensor#apply(DifferentiableOp,
 * Tensor...)} like every built-in op. For {@code y = f(x_1, ..., x_n)}:
 *
 * <pre>forward:  y = f(x_1, ..., x_n)        backward:  grad_i += J_i^T gradOut   (each i)</pre>
 *
 * <p>Implementations follow the built-in ops: {@code forward} returns a new matrix and never
 * modifies its inputs; it may keep what {@code backward} needs with {@link OpContext#save}
 * (tinygrad's {@code Exp} keeps its output, {@code Mul} its inputs, which the context holds
 * anyway). {@code backward} <em>adds</em> into the gradient buffers, so an input used twice, or
 * by several ops, sums its gradients. Check one with {@code GradientCheck} in the api test-jar.
 *
 * <p>Dtype: the op is written once, in float64. On float32 inputs it runs on exact float64
 * copies and its output (and each input gradient) is rounded to float32, as the built-in ops
 * without float32 loops do.
 *
 * <p>Example, {@code softsign(x) = x / (1 + |x|)} with {@code softsign'(x) = 1 / (1 + |x|)^2}:
 *
 * <pre>{@code
 * DifferentiableOp softsign = new DifferentiableOp() {
 *   public String name() { return "softsign"; }
 *   public DMatrixRMaj forward(OpContext ctx, DMatrixRMaj... in) {
 *     DMatrixRMaj y = new DMatrixRMaj(in[0].numRows, in[0].numCols);
 *     for (int i = 0; i < y.data.length; i++) y.data[i] = in[0].data[i] / (1 + Math.abs(in[0].data[i]));
 *     return y;
 *   }
 *   public void backward(OpContext ctx, DMatrixRMaj gradOut, DMatrixRMaj... grads) {
 *     double[] x = ctx.input(0).data;
 *     for (int i = 0; i < x.length; i++) {
 *       double d = 1 + Math.abs(x[i]);
 *       grads[0].data[i] += gradOut.data[i] / (d * d);
 *     }
 *   }
 * };
 * Tensor y = Tensor.apply(softsign, x);
 * }</pre>
 */
public interface DifferentiableOp {

  /** The op's name, as {@link Tensor#op()} reports it and as error messages say. */
  String name();

  /**
   * {@code y = f(inputs)}: a new matrix of the output's shape.
   *
   * @param ctx where to keep what backward needs (Modified)
   * @param inputs the inputs' values, in the order given to {@code Tensor.apply} (Not modified)
   */
  DMatrixRMaj forward(OpContext ctx, DMatrixRMaj... inputs);

  /**
   * {@code grads[i] += J_i^T gradOut} for every input {@code i} with {@code grads[i] != null};
   * {@code grads[i]} is {@code null} when input {@code i} takes no gradient.
   *
   * @param ctx the context forward filled; {@link OpContext#input} and {@link OpContext#output}
   *     give the values (Not modified)
   * @param gradOut the gradient of the output, of the output's shape (Not modified)
   * @param grads the inputs' gradient buffers (Modified)
   */
  void backward(OpContext ctx, DMatrixRMaj gradOut, DMatrixRMaj... grads);
}
