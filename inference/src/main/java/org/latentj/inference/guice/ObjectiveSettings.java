package org.latentj.inference.guice;

/**
 * Which objective trains the model, by its registered name, and its particles per example.
 *
 * @param name a name bound in {@link ObjectivesModule}'s registry, e.g. {@code analytic-kl}
 * @param particles samples of z per example (the k of an importance-weighted bound)
 */
public record ObjectiveSettings(String name, int particles)
    implements java.io.Serializable {

  public ObjectiveSettings {
    SettingsChecks.given("objective", name);
    name = ComponentSpec.canonicalName(name);
    SettingsChecks.positive("particles", particles);
  }
}
