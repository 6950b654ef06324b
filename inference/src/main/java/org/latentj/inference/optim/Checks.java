package org.latentj.inference.optim;

/** Validation of hyperparameters; every message names the algorithm and the argument. */
final class Checks {

  private Checks() {}

  /** A finite value {@code >= 0} (learning rates, weight decay, accumulator start values). */
  static double nonNegative(String owner, String argument, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(owner + ": " + argument
          + " must be finite and >= 0, got " + value);
    }
    return value;
  }

  /** A finite value {@code > 0}. */
  static double positive(String owner, String argument, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(owner + ": " + argument
          + " must be finite and > 0, got " + value);
    }
    return value;
  }

  /** A decay or momentum factor in {@code [0, 1)}. */
  static double fraction(String owner, String argument, double value) {
    if (!(value >= 0 && value < 1)) {
      throw new IllegalArgumentException(owner + ": " + argument + " must be in [0, 1), got "
          + value);
    }
    return value;
  }

  /** A count {@code >= 1}. */
  static int atLeastOne(String owner, String argument, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(owner + ": " + argument + " must be >= 1, got " + value);
    }
    return value;
  }

  /** An epoch number {@code >= 0}. */
  static int epoch(String owner, int epoch) {
    if (epoch < 0) {
      throw new IllegalArgumentException(owner + ": epoch must be >= 0, got " + epoch);
    }
    return epoch;
  }
}
