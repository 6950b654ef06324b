package org.latentj.inference.flows;

import org.ejml.data.DMatrixRMaj;
import org.latentj.tensor.DifferentiableOp;
import org.latentj.tensor.OpContext;

/**
 * The one non-closed-form step of inverting a planar flow: per row, the {@code a} with
 *
 * <pre>  a + c tanh(a + b) = s,   c &gt; -1</pre>
 *
 * ({@code a = w^T x}, {@code s = w^T y}, {@code c = w^T u-hat}). The left side is strictly
 * increasing in {@code a} (slope {@code 1 + c sech^2 >= 1 + min(c, 0) > 0}) and within
 * {@code |c|} of {@code a}, so bisection on {@code [s - |c|, s + |c|]} followed by Newton steps
 * finds it to round-off. The gradient is the implicit function's:
 * {@code da = (ds - tanh(a + b) dc - c sech^2(a + b) db) / (1 + c sech^2(a + b))}.
 *
 * <p>Inputs {@code s}, {@code c}, {@code b}, each {@code n x 1}; output {@code a}, {@code n x 1}.
 */
final class PlanarInverse implements DifferentiableOp {

  static final PlanarInverse INSTANCE = new PlanarInverse();

  private static final int BISECTIONS = 60;
  private static final int NEWTON_STEPS = 3;

  private PlanarInverse() {}

  @Override
  public String name() {
    return "planarInverse";
  }

  @Override
  public DMatrixRMaj forward(OpContext ctx, DMatrixRMaj... in) {
    DMatrixRMaj s = in[0];
    DMatrixRMaj c = in[1];
    DMatrixRMaj b = in[2];
    int n = s.numRows;
    DMatrixRMaj a = new DMatrixRMaj(n, 1);
    for (int i = 0; i < n; i++) {
      a.data[i] = solve(s.data[i], c.data[i], b.data[i]);
    }
    return a;
  }

  static double solve(double s, double c, double b) {
    double lo = s - Math.abs(c);
    double hi = s + Math.abs(c);
    for (int it = 0; it < BISECTIONS && hi - lo > 1e-12 * (1 + Math.abs(s)); it++) {
      double mid = 0.5 * (lo + hi);
      if (mid + c * Math.tanh(mid + b) < s) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double a = 0.5 * (lo + hi);
    for (int it = 0; it < NEWTON_STEPS; it++) {
      double t = Math.tanh(a + b);
      a -= (a + c * t - s) / (1 + c * (1 - t * t));
    }
    return a;
  }

  @Override
  public void backward(OpContext ctx, DMatrixRMaj gradOut, DMatrixRMaj... grads) {
    DMatrixRMaj c = ctx.input(1);
    DMatrixRMaj b = ctx.input(2);
    DMatrixRMaj a = ctx.output();
    for (int i = 0; i < a.numRows; i++) {
      double t = Math.tanh(a.data[i] + b.data[i]);
      double sech2 = 1 - t * t;
      double g = gradOut.data[i] / (1 + c.data[i] * sech2);
      if (grads[0] != null) {
        grads[0].data[i] += g;
      }
      if (grads[1] != null) {
        grads[1].data[i] -= g * t;
      }
      if (grads[2] != null) {
        grads[2].data[i] -= g * c.data[i] * sech2;
      }
    }
  }
}
