package org.latentj.inference.guice;

/**
 * How long and in what portions a model is trained.
 *
 * @param epochs passes over the training data asked for
 * @param batchSize examples per minibatch
 */
public record TrainingSettings(int epochs, int batchSize) {

  public TrainingSettings {
    if (epochs < 1 || batchSize < 1) {
      throw new IllegalArgumentException("TrainingSettings: epochs and batchSize must be"
          + " positive, got " + epochs + " and " + batchSize);
    }
  }
}
