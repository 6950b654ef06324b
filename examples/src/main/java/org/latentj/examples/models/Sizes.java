package org.latentj.examples.models;

/** The size checks the example models share, with one wording for each. */
final class Sizes {
  private Sizes() {}

  /**
   * A count that must be at least 1.
   *
   * @throws IllegalArgumentException "{@code owner}: {@code name} must be positive, got ..."
   */
  static void positive(String owner, String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(owner + ": " + name + " must be positive, got "
          + value);
    }
  }
}
