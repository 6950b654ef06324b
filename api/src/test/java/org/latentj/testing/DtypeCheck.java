package org.latentj.testing;

import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.latentj.tensor.DType;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/**
 * Checks a differentiable function in float32 against the same function in float64, the
 * reference: values and vector-Jacobian products {@code J^T u} must agree elementwise within
 *
 * <pre>|float32 - float64| &lt;= tolerance * max(1, |float64|)</pre>
 *
 * <p>{@link #normwise()} measures against the largest {@code |float64|} element of each result
 * instead, {@code |float32 - float64| <= tolerance * max(1, max |float64|)}: the right scale for a
 * product whose long inner sums cancel, where an element can be small beside its terms.
 *
 * <p>Both runs see the same numbers: every input (and the seed {@code u}) is first rounded to
 * float32, so what is measured is the op's own float32 error, not the rounding of its inputs.
 * The float32 result must itself be float32 (ops keep their inputs' dtype).
 */
public final class DtypeCheck {

  private final double valueTolerance;
  private final double gradientTolerance;
  private final long seed;
  private final boolean normwise;

  private DtypeCheck(double valueTolerance, double gradientTolerance, long seed,
      boolean normwise) {
    this.valueTolerance = valueTolerance;
    this.gradientTolerance = gradientTolerance;
    this.seed = seed;
    this.normwise = normwise;
  }

  /**
   * Values within 1e-5 and gradients within 1e-4 (relative, floor 1): float32's unit round-off
   * is 6e-8, so this leaves room for the error of a few dozen dependent roundings, as in a sum of
   * many terms or a product's inner loop.
   */
  public static DtypeCheck standard() {
    return new DtypeCheck(1e-5, 1e-4, 7, false);
  }

  public DtypeCheck withTolerances(double values, double gradients) {
    return new DtypeCheck(values, gradients, seed, normwise);
  }

  /** The same tolerances, relative to each result's largest {@code |float64|} element. */
  public DtypeCheck normwise() {
    return new DtypeCheck(valueTolerance, gradientTolerance, seed, true);
  }

  /** Thrown when float32 and float64 disagree. */
  public static final class Mismatch extends AssertionError {
    Mismatch(String message) {
      super(message);
    }
  }

  /** Checks {@code f} at {@code inputs} (Not modified), every input differentiable. */
  public void check(String name, Function<Tensor[], Tensor> f, DMatrixRMaj... inputs) {
    Tensor[] wide = new Tensor[inputs.length];
    Tensor[] narrow = new Tensor[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      FMatrixRMaj rounded = Tensor.constant(inputs[i], DType.FLOAT32).valueF();
      narrow[i] = Tensor.variable(rounded.copy());
      wide[i] = Tensor.variable(widen(rounded));
    }
    Tensor y64 = f.apply(wide);
    Tensor y32 = f.apply(narrow);
    if (y32.dtype() != DType.FLOAT32) {
      throw new Mismatch(name + ": float32 inputs gave a " + y32.dtype() + " result");
    }
    compare(name + " value", y32.to(DType.FLOAT64).value(), y64.value(), valueTolerance);
    if (!y64.requiresGrad()) {
      return;
    }
    UniformRandomProvider rng = Rngs.create(seed);
    FMatrixRMaj u = Tensor.constant(Rngs.standardNormal(rng, y64.rows(), y64.cols()),
        DType.FLOAT32).valueF();
    y64.backward(widen(u));
    y32.backward(u);
    for (int i = 0; i < inputs.length; i++) {
      DMatrixRMaj g64 = wide[i].grad();
      FMatrixRMaj g32 = narrow[i].gradF();
      if (g64 == null && g32 == null) {
        continue;
      }
      if (g64 == null || g32 == null) {
        throw new Mismatch(name + ": input " + i + " got a gradient in only one dtype");
      }
      compare(name + " gradient of input " + i, widen(g32), g64, gradientTolerance);
    }
  }

  private void compare(String what, DMatrixRMaj f32, DMatrixRMaj f64, double tolerance) {
    if (f32.numRows != f64.numRows || f32.numCols != f64.numCols) {
      throw new Mismatch(what + ": float32 is " + f32.numRows + "x" + f32.numCols
          + " but float64 is " + f64.numRows + "x" + f64.numCols);
    }
    double largest = 0;
    for (int i = 0; i < f64.getNumElements(); i++) {
      largest = Math.max(largest, Math.abs(f64.data[i]));
    }
    for (int i = 0; i < f64.getNumElements(); i++) {
      double a = f32.data[i];
      double b = f64.data[i];
      double allowed = tolerance * Math.max(1.0, normwise ? largest : Math.abs(b));
      if (!(Math.abs(a - b) <= allowed) && !(a == b)) {
        throw new Mismatch(String.format("%s: element %d is %.9g in float32 but %.9g in float64"
            + " (error %.3g, allowed %.3g)", what, i, a, b, Math.abs(a - b), allowed));
      }
    }
  }

  private static DMatrixRMaj widen(FMatrixRMaj m) {
    DMatrixRMaj out = new DMatrixRMaj(m.numRows, m.numCols);
    for (int i = 0; i < out.data.length; i++) {
      out.data[i] = m.data[i];
    }
    return out;
  }
}
