package org.latentj.inference.guice;

import java.util.List;
import org.latentj.nn.Activation;

/**
 * The shape of a VAE's two networks: which network family ({@code mlp}, {@code conv}), the input
 * size, the encoder's hidden sizes (the decoder mirrors them), the activation and the latent
 * size; for a convolutional family also the image shape of a row and the channels of each
 * convolution stage.
 *
 * @param type the registered network family, e.g. {@code mlp}
 * @param inputSize features per example
 * @param hiddenSizes hidden layer sizes of the encoder, input side first (for {@code conv}: the
 *     fully connected layers after the convolutions)
 * @param activation the hidden layers' activation
 * @param latentSize dimensions of z
 * @param image {@code [channels, height, width]} of a row-flattened image, or empty when the
 *     network does not need it; {@code channels x height x width} must be the input size
 * @param channels output channels of each convolution stage, input side first (empty for
 *     {@code mlp})
 */
public record NetworkSettings(String type, int inputSize, List<Integer> hiddenSizes,
    Activation activation, int latentSize, List<Integer> image, List<Integer> channels)
    implements java.io.Serializable {

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
    // Runs from before convolutional networks record neither.
    image = image == null ? List.of() : List.copyOf(image);
    channels = channels == null ? List.of() : List.copyOf(channels);
    if (!image.isEmpty()) {
      if (image.size() != 3) {
        throw new IllegalArgumentException("network: the image shape must be [channels, height,"
            + " width], got " + image);
      }
      for (int n : image) {
        SettingsChecks.positive("image dimension", n);
      }
      if (image.get(0) * image.get(1) * image.get(2) != inputSize) {
        throw new IllegalArgumentException("network: an image of " + image.get(0) + " x "
            + image.get(1) + " x " + image.get(2) + " has " + image.get(0) * image.get(1)
            * image.get(2) + " values, but a row has " + inputSize);
      }
    }
    for (int c : channels) {
      SettingsChecks.positive("channels", c);
    }
  }

  /** An MLP family network (no image shape, no channels). */
  public NetworkSettings(String type, int inputSize, List<Integer> hiddenSizes,
      Activation activation, int latentSize) {
    this(type, inputSize, hiddenSizes, activation, latentSize, List.of(), List.of());
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

  /**
   * "784-400-20-400-784": the layer sizes of encoder and decoder; convolution stages show as
   * {@code c32}, the input and output as {@code 1x28x28} when the image shape is known.
   */
  public String shape() {
    String ends = image.isEmpty() ? Integer.toString(inputSize)
        : image.get(0) + "x" + image.get(1) + "x" + image.get(2);
    StringBuilder s = new StringBuilder().append(ends);
    for (int c : channels) {
      s.append("-c").append(c);
    }
    for (int h : hiddenSizes) {
      s.append('-').append(h);
    }
    s.append('-').append(latentSize);
    for (int i = hiddenSizes.size() - 1; i >= 0; i--) {
      s.append('-').append(hiddenSizes.get(i));
    }
    for (int i = channels.size() - 1; i >= 0; i--) {
      s.append("-c").append(channels.get(i));
    }
    return s.append('-').append(ends).toString();
  }
}
