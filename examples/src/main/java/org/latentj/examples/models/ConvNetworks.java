package org.latentj.examples.models;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.latentj.nn.Activation;
import org.latentj.nn.Conv2d;
import org.latentj.nn.ConvTranspose2d;
import org.latentj.nn.ImageShape;
import org.latentj.nn.Initializer;
import org.latentj.nn.Layer;
import org.latentj.nn.Linear;
import org.latentj.nn.Sequential;

/**
 * The convolutional encoder and decoder of {@link ConvVaeExample}, for square images whose side
 * is divisible by 4 (28 x 28 digits): each stage is a 4 x 4 kernel with stride 2 and padding 1,
 * which halves (encoder) or doubles (decoder) the side exactly.
 *
 * <pre>encoder: C x S x S -conv-> c1 x S/2 x S/2 -relu-conv-> c2 x S/4 x S/4 -relu-> linear -> raw
 * decoder: z -linear-> d1 x S/4 x S/4 -relu-convT-> d2 x S/2 x S/2 -relu-convT-> C x S x S logits
 * </pre>
 *
 * No activation after the last layer of either, so the outputs can feed a distribution head.
 */
public final class ConvNetworks {

  /** Kernel side, stride and padding of every stage. */
  static final int KERNEL = 4;
  static final int STRIDE = 2;
  static final int PADDING = 1;

  private ConvNetworks() {}

  /**
   * @param image the input images, side divisible by 4
   * @param channels the two convolutions' output channels (c1, c2)
   * @param rawOutputs the encoder's output width, e.g. 2 x latents for mean and log-variance
   */
  public static Sequential encoder(ImageShape image, int[] channels, int rawOutputs,
      Initializer init, UniformRandomProvider rng) {
    requireQuarterable(image);
    Conv2d first = new Conv2d(image, channels[0], KERNEL, STRIDE, PADDING, init, rng);
    Conv2d second = new Conv2d(first.outputShape(), channels[1], KERNEL, STRIDE, PADDING, init,
        rng);
    return new Sequential(List.of(first, Activation.RELU.layer(), second,
        Activation.RELU.layer(), new Linear(second.outputShape().size(), rawOutputs, init, rng)));
  }

  /**
   * @param latents the latent size (the decoder's input width)
   * @param channels the channels at a quarter and at half the side (d1, d2)
   * @param image the output images, side divisible by 4; the last layer has one output channel
   *     per image channel (one logit per pixel)
   */
  public static Sequential decoder(int latents, int[] channels, ImageShape image,
      Initializer init, UniformRandomProvider rng) {
    requireQuarterable(image);
    ImageShape quarter = ImageShape.of(channels[0], image.height() / 4, image.width() / 4);
    Linear project = new Linear(latents, quarter.size(), init, rng);
    ConvTranspose2d up = new ConvTranspose2d(quarter, channels[1], KERNEL, STRIDE, PADDING, init,
        rng);
    ConvTranspose2d out = new ConvTranspose2d(up.outputShape(), image.channels(), KERNEL, STRIDE,
        PADDING, init, rng);
    List<Layer> layers = List.of(project, Activation.RELU.layer(), up, Activation.RELU.layer(),
        out);
    return new Sequential(layers);
  }

  private static void requireQuarterable(ImageShape image) {
    if (image.height() % 4 != 0 || image.width() % 4 != 0) {
      throw new IllegalArgumentException("ConvNetworks: image " + image + " must have a height"
          + " and width divisible by 4 (two stride-2 stages)");
    }
  }
}
