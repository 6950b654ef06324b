package org.latentj.examples.models;

import org.latentj.nn.Activation;

/**
 * The sizes of a {@link HierarchicalVae} with two stochastic layers, {@code x <- z1 <- z2}. Every
 * network has two hidden layers of the same width: {@code hidden1} between {@code x} and
 * {@code z1} (both directions), {@code hidden2} between {@code z1} and {@code z2}.
 *
 * <pre>
 *   q(z1 | x):  inputSize - hidden1 - hidden1 - latent1
 *   q(z2 | z1): latent1   - hidden2 - hidden2 - latent2
 *   p(z1 | z2): latent2   - hidden2 - hidden2 - latent1
 *   p(x | z1):  latent1   - hidden1 - hidden1 - inputSize
 * </pre>
 *
 * (a Normal layer's network outputs twice its latent size: mean and log-variance).
 *
 * @param inputSize pixels of one image (784 for MNIST)
 * @param hidden1 width of the deterministic layers between x and z1
 * @param latent1 size of the lower latent z1
 * @param hidden2 width of the deterministic layers between z1 and z2
 * @param latent2 size of the top latent z2
 * @param activation applied after every hidden layer
 * @param seed fixes every network's initial weights
 */
public record HierarchicalVaeSettings(int inputSize, int hidden1, int latent1, int hidden2,
    int latent2, Activation activation, long seed) {

  public HierarchicalVaeSettings {
    Sizes.positive("HierarchicalVaeSettings", "inputSize", inputSize);
    Sizes.positive("HierarchicalVaeSettings", "hidden1", hidden1);
    Sizes.positive("HierarchicalVaeSettings", "latent1", latent1);
    Sizes.positive("HierarchicalVaeSettings", "hidden2", hidden2);
    Sizes.positive("HierarchicalVaeSettings", "latent2", latent2);
    if (activation == null) {
      throw new IllegalArgumentException("HierarchicalVaeSettings: activation is null");
    }
  }

  /**
   * The two-stochastic-layer architecture of Burda, Grosse &amp; Salakhutdinov, "Importance
   * Weighted Autoencoders" (2016, section 5): 784-200-200-100 then 100-100-100-50, tanh.
   */
  public static HierarchicalVaeSettings iwaePaper() {
    return new HierarchicalVaeSettings(784, 200, 100, 100, 50, Activation.TANH, 1);
  }

  public HierarchicalVaeSettings withSeed(long newSeed) {
    return new HierarchicalVaeSettings(inputSize, hidden1, latent1, hidden2, latent2, activation,
        newSeed);
  }
}
