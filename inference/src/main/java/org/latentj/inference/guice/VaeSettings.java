package org.latentj.inference.guice;

import java.util.List;
import org.latentj.nn.Activation;

/**
 * Everything that defines a VAE, in one small value: the input size, the hidden sizes of the
 * encoder (the decoder mirrors them), the activation, the latent size, the likelihood, the
 * objective and its particles, the optimizer and its learning rate, and the seed. Defaults are
 * the VAE-400-20 of latentj's benchmarks (784-400-20-400-784 ReLU, Bernoulli, analytic KL,
 * Adam 1e-3, seed 42).
 */
public record VaeSettings(int inputSize, List<Integer> hiddenSizes, Activation activation,
    int latentSize, LikelihoodFamily likelihood, ObjectiveKind objective, int particles,
    OptimizerKind optimizer, double learningRate, long seed) implements java.io.Serializable {

  public VaeSettings {
    hiddenSizes = List.copyOf(hiddenSizes);
    positive("inputSize", inputSize);
    positive("latentSize", latentSize);
    positive("particles", particles);
    for (int h : hiddenSizes) {
      positive("hidden size", h);
    }
    if (activation == null || likelihood == null || objective == null || optimizer == null) {
      throw new IllegalArgumentException("VaeSettings: activation, likelihood, objective and"
          + " optimizer must all be given");
    }
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("VaeSettings: learningRate must be a positive number,"
          + " got " + learningRate);
    }
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException("VaeSettings: " + name + " must be positive, got "
          + value);
    }
  }

  /** The defaults, to change with the {@code with...} methods. */
  public static VaeSettings defaults() {
    return new VaeSettings(784, List.of(400), Activation.RELU, 20, LikelihoodFamily.BERNOULLI,
        ObjectiveKind.ANALYTIC_KL_ELBO, 1, OptimizerKind.ADAM, 1e-3, 42);
  }

  public VaeSettings withInputSize(int n) {
    return new VaeSettings(n, hiddenSizes, activation, latentSize, likelihood, objective,
        particles, optimizer, learningRate, seed);
  }

  public VaeSettings withHiddenSizes(List<Integer> sizes) {
    return new VaeSettings(inputSize, sizes, activation, latentSize, likelihood, objective,
        particles, optimizer, learningRate, seed);
  }

  public VaeSettings withActivation(Activation a) {
    return new VaeSettings(inputSize, hiddenSizes, a, latentSize, likelihood, objective,
        particles, optimizer, learningRate, seed);
  }

  public VaeSettings withLatentSize(int n) {
    return new VaeSettings(inputSize, hiddenSizes, activation, n, likelihood, objective,
        particles, optimizer, learningRate, seed);
  }

  public VaeSettings withLikelihood(LikelihoodFamily family) {
    return new VaeSettings(inputSize, hiddenSizes, activation, latentSize, family, objective,
        particles, optimizer, learningRate, seed);
  }

  public VaeSettings withObjective(ObjectiveKind kind, int k) {
    return new VaeSettings(inputSize, hiddenSizes, activation, latentSize, likelihood, kind, k,
        optimizer, learningRate, seed);
  }

  public VaeSettings withOptimizer(OptimizerKind kind, double rate) {
    return new VaeSettings(inputSize, hiddenSizes, activation, latentSize, likelihood, objective,
        particles, kind, rate, seed);
  }

  public VaeSettings withSeed(long s) {
    return new VaeSettings(inputSize, hiddenSizes, activation, latentSize, likelihood, objective,
        particles, optimizer, learningRate, s);
  }

  /** Encoder layer sizes: input, hidden..., and the raw width its head needs. */
  int[] encoderSizes(int headColumns) {
    int[] sizes = new int[hiddenSizes.size() + 2];
    sizes[0] = inputSize;
    for (int i = 0; i < hiddenSizes.size(); i++) {
      sizes[i + 1] = hiddenSizes.get(i);
    }
    sizes[sizes.length - 1] = headColumns;
    return sizes;
  }

  /** Decoder layer sizes: latent, hidden reversed..., and the raw width its head needs. */
  int[] decoderSizes(int headColumns) {
    int[] sizes = new int[hiddenSizes.size() + 2];
    sizes[0] = latentSize;
    for (int i = 0; i < hiddenSizes.size(); i++) {
      sizes[i + 1] = hiddenSizes.get(hiddenSizes.size() - 1 - i);
    }
    sizes[sizes.length - 1] = headColumns;
    return sizes;
  }
}
