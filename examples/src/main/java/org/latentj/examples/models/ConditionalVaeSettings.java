package org.latentj.examples.models;

import org.latentj.nn.Activation;

/**
 * The sizes of a {@link ConditionalVae}: encoder {@code (inputSize + conditionSize) - hidden -
 * latent}, decoder {@code (latentSize + conditionSize) - hidden - inputSize}, one hidden layer
 * each.
 *
 * @param inputSize pixels of one image (784 for MNIST)
 * @param conditionSize columns of the condition (10 for one-hot digit labels)
 * @param hiddenSize width of the hidden layer of encoder and decoder
 * @param latentSize size of z
 * @param activation applied after the hidden layers
 * @param seed fixes the initial weights
 */
public record ConditionalVaeSettings(int inputSize, int conditionSize, int hiddenSize,
    int latentSize, Activation activation, long seed) {

  public ConditionalVaeSettings {
    Sizes.positive("ConditionalVaeSettings", "inputSize", inputSize);
    Sizes.positive("ConditionalVaeSettings", "conditionSize", conditionSize);
    Sizes.positive("ConditionalVaeSettings", "hiddenSize", hiddenSize);
    Sizes.positive("ConditionalVaeSettings", "latentSize", latentSize);
    if (activation == null) {
      throw new IllegalArgumentException("ConditionalVaeSettings: activation is null");
    }
  }

  /**
   * MNIST digits conditioned on their labels: 784 + 10 inputs, 400 hidden ReLU units, a 2-D z.
   * The small z is deliberate: it has no room for the digit's class as well as its style, so
   * the decoder must take the class from y. With a 20-D z a short run learns to carry the class
   * in z and all but ignore y (rows generated for different labels look alike).
   */
  public static ConditionalVaeSettings digits() {
    return new ConditionalVaeSettings(784, 10, 400, 2, Activation.RELU, 1);
  }

  public ConditionalVaeSettings withSeed(long newSeed) {
    return new ConditionalVaeSettings(inputSize, conditionSize, hiddenSize, latentSize,
        activation, newSeed);
  }
}
