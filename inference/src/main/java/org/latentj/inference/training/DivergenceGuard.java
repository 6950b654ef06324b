package org.latentj.inference.training;

import java.util.Map;
import org.latentj.nn.Parameter;
import org.latentj.tensor.DType;
import org.latentj.tensor.NonFiniteScan;
import org.latentj.tensor.Tensor;

/**
 * Stops a run whose bound or gradients are NaN or infinite, before the bad update is applied,
 * with a message naming the step, the parameter and the position. Costs one pass over the
 * gradients per step ({@link NonFiniteScan}, a vector test where the JVM has the Vector API).
 */
public final class DivergenceGuard implements Svi.GradientHook {

  @Override
  public void inspect(long step, double bound, Map<String, Parameter> parameters) {
    checkBound(step, bound, parameters);
    for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
      Parameter p = e.getValue();
      String bad = p.dtype() == DType.FLOAT64
          ? firstNonFinite(p.grad().data, null, p.rows() * p.cols(), p.cols())
          : firstNonFinite(null, p.gradF().data, p.rows() * p.cols(), p.cols());
      if (bad != null) {
        throw new TrainingDivergedException(step, "the gradient of " + e.getKey() + " is " + bad);
      }
    }
  }

  /** Throws when {@code bound} is not finite, naming the first non-finite parameter if any. */
  private static void checkBound(long step, double bound, Map<String, Parameter> parameters) {
    if (!Double.isFinite(bound)) {
      String where = firstNonFinite(parameters);
      throw new TrainingDivergedException(step, "the bound is " + bound
          + (where == null ? "" : "; " + where));
    }
  }

  /**
   * The first parameter whose value or gradient holds NaN or an infinity, described with its
   * name, row and column; null when every one is finite.
   */
  public static String firstNonFinite(Map<String, Parameter> parameters) {
    for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
      Tensor t = e.getValue().tensor();
      boolean wide = t.dtype() == DType.FLOAT64;
      String value = firstNonFinite(wide ? t.value().data : null, wide ? null : t.valueF().data,
          t.size(), t.cols());
      if (value != null) {
        return "the value of " + e.getKey() + " is " + value;
      }
      String gradient = wide
          ? (t.grad() == null ? null : firstNonFinite(t.grad().data, null, t.size(), t.cols()))
          : (t.gradF() == null ? null : firstNonFinite(null, t.gradF().data, t.size(), t.cols()));
      if (gradient != null) {
        return "the gradient of " + e.getKey() + " is " + gradient;
      }
    }
    return null;
  }

  /** The first non-finite of the {@code n} elements of {@code d}, or else of {@code f}, described. */
  private static String firstNonFinite(double[] d, float[] f, int n, int cols) {
    int i = d != null ? NonFiniteScan.firstIndex(d, n) : NonFiniteScan.firstIndex(f, n);
    return i < 0 ? null : NonFiniteScan.at(d != null ? d[i] : f[i], i, cols);
  }
}
