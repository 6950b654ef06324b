package org.latentj.distributions;

import java.util.function.UnaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.latentj.tensor.Tensor;

/**
 * Elementwise choice between a closed form and its Taylor series about 0, for functions whose
 * closed form is 0/0 at the origin (PyTorch's {@code ContinuousBernoulli} does the same with its
 * {@code lims}).
 *
 * <p>Both branches are evaluated on the whole tensor, so each must see only inputs it can handle:
 * the series gets {@code x} with outside elements set to 0, the closed form gets {@code x} with
 * inside elements set to {@code radius * 2}. Constant masks then pick each element's branch, so
 * neither the value nor the gradient of the branch not taken can leak a NaN or an infinity
 * (the "double where" trick).
 */
final class NearZero {

  private NearZero() {}

  /**
   * {@code series(x)} where {@code |x| < radius}, {@code closedForm(x)} elsewhere.
   *
   * @param closedForm must be finite for {@code |x| >= radius}
   * @param series must be finite for {@code |x| < radius}
   */
  static Tensor piecewise(Tensor x, double radius, UnaryOperator<Tensor> closedForm,
      UnaryOperator<Tensor> series) {
    int n = x.size();
    int inside = 0;
    for (int i = 0; i < n; i++) {
      if (Math.abs(x.get(i)) < radius) {
        inside++;
      }
    }
    if (inside == 0) {
      return closedForm.apply(x);
    }
    if (inside == n) {
      return series.apply(x);
    }
    DMatrixRMaj in = new DMatrixRMaj(x.rows(), x.cols());
    DMatrixRMaj out = new DMatrixRMaj(x.rows(), x.cols());
    DMatrixRMaj fill = new DMatrixRMaj(x.rows(), x.cols());
    for (int i = 0; i < n; i++) {
      boolean near = Math.abs(x.get(i)) < radius;
      in.data[i] = near ? 1 : 0;
      out.data[i] = near ? 0 : 1;
      fill.data[i] = near ? 2 * radius : 0;
    }
    Tensor inMask = Tensor.constant(in, x.dtype());
    Tensor outMask = Tensor.constant(out, x.dtype());
    Tensor near = series.apply(x.mul(inMask)).mul(inMask);
    Tensor far = closedForm.apply(x.mul(outMask).add(Tensor.constant(fill, x.dtype())))
        .mul(outMask);
    return near.add(far);
  }
}
