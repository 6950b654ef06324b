package org.latentj.spark;

import java.io.Serializable;
import org.latentj.inference.training.Svi;

/**
 * How every executor builds its own copy of the run's model, guide, objective and optimizer
 * (programs hold live tensors and are not sent over the wire; a recipe is). The copy's
 * parameters are then overwritten each step by the driver's, so only the architecture and the
 * objective must match; its optimizer is never stepped.
 */
@FunctionalInterface
public interface SviRecipe extends Serializable {

  /** A fresh {@link Svi}; its parameters in the same order as the driver's. */
  Svi build();
}
