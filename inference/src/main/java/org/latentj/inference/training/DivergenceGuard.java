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
      throw new TrainingDivergedException(step, "the bound is " + bound);
    }
    for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
      DMatrixRMaj g = e.getValue().grad();
      int n = g.getNumElements();
      for (int i = 0; i < n; i++) {
        if (!Double.isFinite(g.data[i])) {
          throw new TrainingDivergedException(step, "the gradient of " + e.getKey() + " is "
              + g.data[i] + " at row " + (i / g.numCols) + ", column " + (i % g.numCols));
        }
      }
    }
  }
}
