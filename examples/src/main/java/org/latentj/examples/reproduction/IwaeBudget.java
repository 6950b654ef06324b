package org.latentj.examples.reproduction;

/**
 * How much to train and evaluate each configuration.
 *
 * @param schedule the shortened IWAE schedule
 * @param batch minibatch size (20 in the paper)
 * @param evalK importance samples per test image for log p(x) (5000 in the paper)
 * @param evalImages how many test images (the first ones) to score; 0 for all
 */
record IwaeBudget(IwaeSchedule schedule, int batch, int evalK, int evalImages) {

  IwaeBudget {
    if (batch < 1 || evalK < 1 || evalImages < 0) {
      throw new IllegalArgumentException("IwaeBudget: batch and evalK must be positive and"
          + " evalImages >= 0, got " + batch + ", " + evalK + ", " + evalImages);
    }
  }
}
