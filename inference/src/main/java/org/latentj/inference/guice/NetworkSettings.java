package org.latentj.inference.guice;

import java.util.List;
import org.latentj.nn.Activation;

/**
 * The shape of a VAE's two networks: which network family ({@code mlp}), the input size, the
 * encoder's hidden sizes (the decoder mirrors them), the activation and the latent size.
 *
 * @param type the registered network family, e.g. {@code mlp}
 * @param inputSize features per example
 * @param hiddenSizes hidden layer sizes of the encoder, input side first
 * @param activation the hidden layers' activation
 * @param latentSize dimensions of z
 */
public record NetworkSettings(String type, int inputSize, List<Integer> hiddenSizes,
    Activation activation, int latentSize) implements java.io.Serializable {

  public NetworkSettings {
    SettingsChecks.given("network type", type);
    type = ComponentSpec.canonicalName(type);
    SettingsChecks.given("hiddenSizes", hiddenSizes);
    hiddenSizes = List.copyOf(hiddenSizes);
    SettingsChecks.positive("inputSize", inputSize);
    SettingsChecks.positive("latentSize", latentSize);
    for (int h : hiddenSizes) {
      SettingsChecks.positive("hidden size", h);
    }
    SettingsChecks.given("activation", activation);
  }

  /** Encoder layer sizes: input, hidden..., and the raw width its head needs. */
  public int[] encoderSizes(int headColumns) {
    int[] sizes = new int[hiddenSizes.size() + 2];
    sizes[0] = inputSize;
    for (int i = 0; i < hiddenSizes.size(); i++) {
      sizes[i + 1] = hiddenSizes.get(i);
    }
    sizes[sizes.length - 1] = headColumns;
    return sizes;
  }

  /** Decoder layer sizes: latent, hidden reversed..., and the raw width its head needs. */
  public int[] decoderSizes(int headColumns) {
    int[] sizes = new int[hiddenSizes.size() + 2];
    sizes[0] = latentSize;
    for (int i = 0; i < hiddenSizes.size(); i++) {
      sizes[i + 1] = hiddenSizes.get(hiddenSizes.size() - 1 - i);
    }
    sizes[sizes.length - 1] = headColumns;
    return sizes;
  }

  /** "784-400-20-400-784": the layer sizes of encoder and decoder. */
  public String shape() {
    StringBuilder s = new StringBuilder().append(inputSize);
    for (int h : hiddenSizes) {
      s.append('-').append(h);
    }
    s.append('-').append(latentSize);
    for (int i = hiddenSizes.size() - 1; i >= 0; i--) {
      s.append('-').append(hiddenSizes.get(i));
    }
    return s.append('-').append(inputSize).toString();
  }
}
