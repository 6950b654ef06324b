package org.latentj.inference.training;

import java.util.Map;
import org.latentj.inference.optim.GradientClipping;
import org.latentj.nn.Parameter;

/**
 * Rescales all gradients together when their global norm exceeds a maximum (Pascanu et al.
 * 2013), as a hook between backward and update. Add it after a {@link DivergenceGuard}, which
 * rejects non-finite gradients that clipping would leave untouched.
 */
public final class ClipGradients implements Svi.GradientHook {

  private final GradientClipping clipping;

  public ClipGradients(double maxNorm) {
    this.clipping = GradientClipping.toMaxNorm(maxNorm);
  }

  @Override
  public void inspect(long step, double bound, Map<String, Parameter> parameters) {
    clipping.clip(parameters.values());
  }

  @Override
  public String toString() {
    return "ClipGradients(" + clipping + ")";
  }
}
