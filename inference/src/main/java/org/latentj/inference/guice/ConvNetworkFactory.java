package org.latentj.inference.guice;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.latentj.nn.Conv2d;
import org.latentj.nn.ConvTranspose2d;
import org.latentj.nn.ImageShape;
import org.latentj.nn.Initializer;
import org.latentj.nn.Layer;
import org.latentj.nn.Mlp;
import org.latentj.nn.Sequential;
import org.latentj.tensor.DType;

/**
 * The {@code conv} network family on row-flattened images ({@code channels x height x width}
 * per row): each stage is a 4 x 4 convolution with stride 2 and padding 1, which halves the
 * side exactly, so height and width must be divisible by 2 per stage.
 *
 * <pre>encoder: image -conv c1-> act -conv c2-> act ... -> MLP(hidden...) -> raw
 * decoder: z -> MLP(hidden reversed...) -> c_last x H/2^n x W/2^n -> act -convT-> ... -> raw
 * </pre>
 *
 * The decoder's last transposed convolution has one output channel per raw column block of its
 * head (a Gaussian's mean and log-variance are two blocks of {@code C x H x W}), so the head
 * reads its columns as it does from an MLP. No activation after the last layer of either.
 */
final class ConvNetworkFactory implements NetworkFactory {

  private static final int KERNEL = NetworksModule.CONV_KERNEL;
  private static final int STRIDE = NetworksModule.CONV_STRIDE;
  private static final int PADDING = NetworksModule.CONV_PADDING;

  @Override
  public Layer create(NetworkSettings n, Role role, int outputColumns, Initializer init,
      UniformRandomProvider rng, DType dtype) {
    ImageShape image = imageOf(n);
    return role == Role.ENCODER ? encoder(n, image, outputColumns, init, rng, dtype)
        : decoder(n, image, outputColumns, init, rng, dtype);
  }

  /**
   * The image shape, checked to halve exactly at every stage.
   *
   * @throws IllegalArgumentException naming what is missing or does not divide
   */
  static ImageShape imageOf(NetworkSettings n) {
    if (n.image().isEmpty()) {
      throw new IllegalArgumentException("conv network: no image shape; a convolution needs the"
          + " channels, height and width of a row");
    }
    if (n.channels().isEmpty()) {
      throw new IllegalArgumentException("conv network: no channels; give the output channels"
          + " of at least one convolution stage");
    }
    ImageShape image = ImageShape.of(n.image().get(0), n.image().get(1), n.image().get(2));
    int divisor = 1 << n.channels().size();
    if (image.height() % divisor != 0 || image.width() % divisor != 0) {
      throw new IllegalArgumentException("conv network: " + n.channels().size() + " stride-2"
          + " stages need a height and width divisible by " + divisor + ", but the image is "
          + image.height() + " x " + image.width());
    }
    return image;
  }

  private static Layer encoder(NetworkSettings n, ImageShape image, int out, Initializer init,
      UniformRandomProvider rng, DType dtype) {
    List<Layer> layers = new ArrayList<>();
    ImageShape shape = image;
    for (int c : n.channels()) {
      Conv2d conv = new Conv2d(shape, c, KERNEL, STRIDE, PADDING, init, rng, dtype);
      layers.add(conv);
      layers.add(n.activation().layer());
      shape = conv.outputShape();
    }
    layers.add(new Mlp(sizes(shape.size(), n.hiddenSizes(), false, out), n.activation(), init,
        rng, dtype));
    return new Sequential(layers);
  }

  private static Layer decoder(NetworkSettings n, ImageShape image, int out, Initializer init,
      UniformRandomProvider rng, DType dtype) {
    int stages = n.channels().size();
    int pixels = image.height() * image.width();
    if (out % pixels != 0) {
      throw new IllegalArgumentException("conv network: the likelihood's head needs " + out
          + " columns, not a whole number of " + image.height() + " x " + image.width()
          + " channels");
    }
    ImageShape shape = ImageShape.of(n.channels().get(stages - 1), image.height() >> stages,
        image.width() >> stages);
    List<Layer> layers = new ArrayList<>();
    layers.add(new Mlp(sizes(n.latentSize(), n.hiddenSizes(), true, shape.size()),
        n.activation(), init, rng, dtype));
    for (int i = stages - 1; i >= 0; i--) {
      layers.add(n.activation().layer());
      int channels = i > 0 ? n.channels().get(i - 1) : out / pixels;
      ConvTranspose2d up = new ConvTranspose2d(shape, channels, KERNEL, STRIDE, PADDING, init,
          rng, dtype);
      layers.add(up);
      shape = up.outputShape();
    }
    return new Sequential(layers);
  }

  /** {@code first, hidden (reversed if asked)..., last}. */
  private static int[] sizes(int first, List<Integer> hidden, boolean reversed, int last) {
    int[] sizes = new int[hidden.size() + 2];
    sizes[0] = first;
    for (int i = 0; i < hidden.size(); i++) {
      sizes[i + 1] = hidden.get(reversed ? hidden.size() - 1 - i : i);
    }
    sizes[sizes.length - 1] = last;
    return sizes;
  }
}
