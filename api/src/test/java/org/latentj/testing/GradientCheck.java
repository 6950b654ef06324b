package org.latentj.testing;

import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.tensor.GradMode;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/**
 * Checks a differentiable function's backward pass against central finite differences.
 *
 * <p>For random directions {@code u} (output-shaped) and {@code v} (one per input), it compares
 * {@code <J^T u, v>} from {@code backward} with {@code <u, J v>} estimated as
 * {@code (<u, f(x + h v)> - <u, f(x - h v)>) / 2h}. One scalar per trial checks the whole
 * Jacobian (Autograd's {@code check_vjp}). Inputs must sit away from kinks (relu at 0, abs at 0).
 */
public final class GradientCheck {

  private final double step;
  private final double tolerance;
  private final int trials;
  private final long seed;

  private GradientCheck(double step, double tolerance, int trials, long seed) {
    this.step = step;
    this.tolerance = tolerance;
    this.trials = trials;
    this.seed = seed;
  }

  /** Step 1e-6, relative tolerance 1e-6, three trials, seed 42. */
  public static GradientCheck standard() {
    return new GradientCheck(1e-6, 1e-6, 3, 42);
  }

  public GradientCheck withStep(double h) {
    return new GradientCheck(h, tolerance, trials, seed);
  }

  public GradientCheck withTolerance(double relative) {
    return new GradientCheck(step, relative, trials, seed);
  }

  public GradientCheck withSeed(long s) {
    return new GradientCheck(step, tolerance, trials, s);
  }

  /** Thrown when the two directional derivatives disagree. */
  public static final class Mismatch extends AssertionError {
    Mismatch(String message) {
      super(message);
    }
  }

  /**
   * Checks {@code f} at {@code inputs} (Not modified). {@code f} must not keep state between
   * calls and must treat every input tensor as differentiable.
   */
  public void check(String name, Function<Tensor[], Tensor> f, DMatrixRMaj... inputs) {
    UniformRandomProvider rng = Rngs.create(seed);
    for (int trial = 0; trial < trials; trial++) {
      Tensor[] vars = new Tensor[inputs.length];
      for (int i = 0; i < inputs.length; i++) {
        vars[i] = Tensor.variable(inputs[i].copy());
      }
      Tensor y = f.apply(vars);
      DMatrixRMaj u = Rngs.standardNormal(rng, y.rows(), y.cols());
      y.backward(u);

      double analytic = 0;
      DMatrixRMaj[] v = new DMatrixRMaj[inputs.length];
      for (int i = 0; i < inputs.length; i++) {
        v[i] = Rngs.standardNormal(rng, inputs[i].numRows, inputs[i].numCols);
        DMatrixRMaj g = vars[i].grad();
        if (g != null) {
          analytic += dot(g, v[i]);
        }
      }
      double plus = projected(f, inputs, v, step, u);
      double minus = projected(f, inputs, v, -step, u);
      double numeric = (plus - minus) / (2 * step);

      double scale = Math.max(1.0, Math.max(Math.abs(analytic), Math.abs(numeric)));
      double error = Math.abs(analytic - numeric);
      if (!(error <= tolerance * scale)) {
        throw new Mismatch(String.format(
            "%s: backward gives <J^T u, v> = %.10g but finite differences give <u, J v> = %.10g"
                + " (trial %d, error %.3g, allowed %.3g)",
            name, analytic, numeric, trial, error, tolerance * scale));
      }
    }
  }

  /**
   * Checks {@code f} with respect to existing leaves (e.g. a module's parameters), whose values
   * are perturbed in place and restored. Their gradients are zeroed first and left holding
   * {@code J^T u} of the last trial.
   */
  public void checkLeaves(String name, java.util.function.Supplier<Tensor> f,
      java.util.List<Tensor> leaves) {
    UniformRandomProvider rng = Rngs.create(seed);
    for (int trial = 0; trial < trials; trial++) {
      for (Tensor leaf : leaves) {
        leaf.zeroGrad();
      }
      Tensor y = f.get();
      DMatrixRMaj u = Rngs.standardNormal(rng, y.rows(), y.cols());
      y.backward(u);
      double analytic = 0;
      DMatrixRMaj[] v = new DMatrixRMaj[leaves.size()];
      for (int i = 0; i < v.length; i++) {
        Tensor leaf = leaves.get(i);
        v[i] = Rngs.standardNormal(rng, leaf.rows(), leaf.cols());
        if (leaf.grad() != null) {
          analytic += dot(leaf.grad(), v[i]);
        }
      }
      double plus = shiftedInPlace(f, leaves, v, step, u);
      double minus = shiftedInPlace(f, leaves, v, -step, u);
      double numeric = (plus - minus) / (2 * step);
      double scale = Math.max(1.0, Math.max(Math.abs(analytic), Math.abs(numeric)));
      double error = Math.abs(analytic - numeric);
      if (!(error <= tolerance * scale)) {
        throw new Mismatch(String.format(
            "%s: backward gives <J^T u, v> = %.10g but finite differences give <u, J v> = %.10g"
                + " (trial %d, error %.3g, allowed %.3g)",
            name, analytic, numeric, trial, error, tolerance * scale));
      }
    }
  }

  private static double shiftedInPlace(java.util.function.Supplier<Tensor> f,
      java.util.List<Tensor> leaves, DMatrixRMaj[] v, double h, DMatrixRMaj u) {
    DMatrixRMaj[] saved = new DMatrixRMaj[leaves.size()];
    for (int i = 0; i < saved.length; i++) {
      DMatrixRMaj value = leaves.get(i).value();
      saved[i] = value.copy();
      for (int k = 0; k < value.data.length; k++) {
        value.data[k] += h * v[i].data[k];
      }
    }
    try (GradMode.Scope off = GradMode.disable()) {
      return dot(f.get().value(), u);
    } finally {
      for (int i = 0; i < saved.length; i++) {
        leaves.get(i).value().setTo(saved[i]);
      }
    }
  }

  private static double projected(Function<Tensor[], Tensor> f, DMatrixRMaj[] inputs,
      DMatrixRMaj[] v, double h, DMatrixRMaj u) {
    Tensor[] shifted = new Tensor[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      DMatrixRMaj m = inputs[i].copy();
      for (int k = 0; k < m.data.length; k++) {
        m.data[k] += h * v[i].data[k];
      }
      shifted[i] = Tensor.constant(m);
    }
    try (GradMode.Scope off = GradMode.disable()) {
      return dot(f.apply(shifted).value(), u);
    }
  }

  private static double dot(DMatrixRMaj a, DMatrixRMaj b) {
    double s = 0;
    int n = a.getNumElements();
    for (int i = 0; i < n; i++) {
      s += a.data[i] * b.data[i];
    }
    return s;
  }
}
