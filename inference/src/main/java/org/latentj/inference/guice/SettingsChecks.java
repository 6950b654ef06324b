package org.latentj.inference.guice;

/** The checks the settings share, with one wording for each. */
final class SettingsChecks {
  private SettingsChecks() {}

  /** A count that must be at least 1. */
  static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException("VaeSettings: " + name + " must be positive, got "
          + value);
    }
  }

  /** A part every VAE needs. */
  static void given(String name, Object value) {
    if (value == null || value instanceof String s && s.isBlank()) {
      throw new IllegalArgumentException("VaeSettings: network, activation, likelihood, prior,"
          + " objective and optimizer must all be given; " + name + " is missing");
    }
  }
}
