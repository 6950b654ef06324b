package org.latentj.nn;

import org.apache.commons.rng.UniformRandomProvider;
import org.latentj.tensor.DType;
import org.latentj.tensor.Tensor;

/**
 * The transpose (adjoint) of a {@link Conv2d}: the map whose matrix is the transpose of the
 * convolution's, the usual learned upsampling of convolutional decoders. From {@code C x H x W}
 * rows to {@code C' x H' x W'} rows with
 * {@code H' = (H - 1) stride - 2 padding + kernel} (likewise W'), so that a {@code Conv2d} from
 * {@code C' x H' x W'} with the same kernel, stride and padding maps back to {@code H x W}:
 *
 * <pre>y = b + col2im(x_channelsLast W)</pre>
 *
 * where {@code W} is a {@code C x (C'*k*k)} parameter: each input pixel spreads
 * {@code x[c] W[c, (c', ky, kx)]} onto the output window it would have been read from, and
 * overlapping windows add. With {@code W} the transpose of a convolution's weight and zero biases,
 * {@code <conv(x), y> = <x, convT(y)>}. The product runs through {@link Tensor#matmul}, the
 * matrix-product seam. Initializers see fan-in {@code C} (the weight's rows).
 */
public final class ConvTranspose2d extends ConvLayer {

  /** Weights from {@code init}, zero bias, float64. */
  public ConvTranspose2d(ImageShape input, int outChannels, int kernel, int stride, int padding,
      Initializer init, UniformRandomProvider rng) {
    this(input, outChannels, kernel, stride, padding, init, rng, DType.FLOAT64);
  }

  /**
   * A square {@code kernel x kernel} transpose convolution from {@code input} images to
   * {@code outChannels} channels, weights from {@code init} (drawn in float64, stored as
   * {@code dtype}), zero bias.
   *
   * @throws IllegalArgumentException when a size is out of range or the output would be empty
   */
  public ConvTranspose2d(ImageShape input, int outChannels, int kernel, int stride, int padding,
      Initializer init, UniformRandomProvider rng, DType dtype) {
    this(input, adjoint(input, outChannels, kernel, stride, padding), init, rng, dtype);
  }

  private ConvTranspose2d(ImageShape input, ConvGeometry adjoint, Initializer init,
      UniformRandomProvider rng, DType dtype) {
    super("ConvTranspose2d", input, adjoint.input, adjoint, input.channels(), adjoint.taps(),
        init, rng, dtype);
  }

  /** The geometry of the convolution this layer is the adjoint of (its input is our output). */
  private static ConvGeometry adjoint(ImageShape input, int outChannels, int kernel, int stride,
      int padding) {
    if (outChannels < 1 || kernel < 1 || stride < 1 || padding < 0) {
      throw new IllegalArgumentException("ConvTranspose2d: outChannels, kernel and stride must be"
          + " positive and padding non-negative, got outChannels " + outChannels + ", kernel "
          + kernel + ", stride " + stride + ", padding " + padding);
    }
    int h = (input.height() - 1) * stride - 2 * padding + kernel;
    int w = (input.width() - 1) * stride - 2 * padding + kernel;
    if (h < 1 || w < 1) {
      throw new IllegalArgumentException("ConvTranspose2d: image " + input + " with kernel "
          + kernel + ", stride " + stride + " and padding " + padding + " gives an empty " + h
          + "x" + w + " output; use less padding");
    }
    return new ConvGeometry("ConvTranspose2d", ImageShape.of(outChannels, h, w), kernel, stride,
        padding);
  }

  /** Channels-last rows, one product with the {@code C x (C'*k*k)} weight, col2im, bias. */
  @Override
  Tensor map(Tensor x, Tensor w, Tensor b) {
    ImageShape in = inputShape();
    Tensor byPosition = Tensor.apply(ConvOps.channelsLast(in.pixels(), in.channels()), x);
    Tensor patches = byPosition.matmul(w);
    Tensor images = Tensor.apply(ConvOps.col2im(geometry()), patches);
    ImageShape out = outputShape();
    return Tensor.apply(ConvOps.channelBias(out.pixels(), out.channels()), images, b);
  }
}
