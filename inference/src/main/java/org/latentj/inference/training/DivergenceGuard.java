package org.latentj.inference.training;

import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.latentj.nn.Parameter;

/**
 * Stops a run whose bound or gradients are NaN or infinite, before the bad update is applied,
 * with a message naming the step, the parameter and the position. Costs one pass over the
 * gradients per step.
 */
public final class DivergenceGuard implements Svi.GradientHook {

  @Override
  public void inspect(long step, double bound, Map<String, Parameter> parameters) {
    if (!Double.isFinite(bound)) {
      String where = firstNonFinite(parameters);
      throw new TrainingDivergedException(step, "the bound is " + bound
          + (where == null ? "" : "; " + where));
    }
    for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
      String bad = firstNonFinite(e.getValue().grad());
      if (bad != null) {
        throw new TrainingDivergedException(step, "the gradient of " + e.getKey() + " is " + bad);
      }
    }
  }

  /**
   * The first parameter whose value or gradient holds NaN or an infinity, described with its
   * name, row and column; null when every one is finite.
   */
  public static String firstNonFinite(Map<String, Parameter> parameters) {
    for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
      String value = firstNonFinite(e.getValue().value());
      if (value != null) {
        return "the value of " + e.getKey() + " is " + value;
      }
      DMatrixRMaj grad = e.getValue().tensor().grad();
      String gradient = grad == null ? null : firstNonFinite(grad);
      if (gradient != null) {
        return "the gradient of " + e.getKey() + " is " + gradient;
      }
    }
    return null;
  }

  private static String firstNonFinite(DMatrixRMaj m) {
    int n = m.getNumElements();
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(m.data[i])) {
        return m.data[i] + " at row " + (i / m.numCols) + ", column " + (i % m.numCols);
      }
    }
    return null;
  }
}
