package org.latentj.inference.guice;

import org.latentj.distributions.KlRegistry;
import org.latentj.model.Objective;

/**
 * Makes an objective from its settings; bound by name with
 * {@link ObjectivesModule#register(com.google.inject.Binder, String, ObjectiveFactory)}.
 */
@FunctionalInterface
public interface ObjectiveFactory {

  /** A fresh objective; {@code kl} holds the closed-form KL rules it may use. */
  Objective create(ObjectiveSettings settings, KlRegistry kl);
}
