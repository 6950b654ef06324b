package org.latentj.examples.cli;

/** How grey levels in [0, 1] are made binary for training and evaluation. */
enum Binarization {
  /** Grey levels as they are (a Bernoulli likelihood then scores them as soft targets). */
  NONE,
  /** {@code 1[x > 0.5]}, once. */
  FIXED,
  /**
   * A fresh Bernoulli draw of every pixel in every training epoch (Burda et al. 2016); the
   * validation and test sets get one fixed draw, from the run's seed.
   */
  DYNAMIC
}
