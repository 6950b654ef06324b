package org.latentj.nn;

import org.apache.commons.rng.UniformRandomProvider;
import org.latentj.tensor.DType;
import org.latentj.tensor.Tensor;

/**
 * A 2-D convolution (cross-correlation, as in every deep-learning library) of row-flattened
 * images: each input row is one {@link ImageShape} {@code C x H x W}, each output row one
 * {@code C' x H' x W'} with {@code H' = floor((H + 2 padding - kernel) / stride) + 1} (likewise
 * W'):
 *
 * <pre>y[c', oy, ox] = b[c'] + sum_{c, ky, kx} W[(c, ky, kx), c'] x[c, oy*stride - padding + ky,
 *                                                      ox*stride - padding + kx]</pre>
 *
 * with zeros outside the image. Computed as im2col, one {@code (n*H'*W') x (C*k*k)} times
 * {@code (C*k*k) x C'} product through {@link Tensor#affine} (the matrix-product seam, so a native
 * BLAS runs it), then a permutation back to channels-first rows. The weight is a
 * {@code (C*k*k) x C'} parameter, so initializers see fan-in {@code C*k*k} as for a dense layer.
 */
public final class Conv2d extends ConvLayer {

  /** Weights from {@code init}, zero bias, float64. */
  public Conv2d(ImageShape input, int outChannels, int kernel, int stride, int padding,
      Initializer init, UniformRandomProvider rng) {
    this(input, outChannels, kernel, stride, padding, init, rng, DType.FLOAT64);
  }

  /**
   * A square {@code kernel x kernel} convolution from {@code input} images to
   * {@code outChannels} channels, weights from {@code init} (drawn in float64, stored as
   * {@code dtype}), zero bias.
   *
   * @throws IllegalArgumentException when {@code outChannels}, kernel or stride is below 1, the
   *     padding is negative, or the kernel is larger than the padded image
   */
  public Conv2d(ImageShape input, int outChannels, int kernel, int stride, int padding,
      Initializer init, UniformRandomProvider rng, DType dtype) {
    this(geometry(input, outChannels, kernel, stride, padding), outChannels, init, rng, dtype);
  }

  private Conv2d(ConvGeometry g, int outChannels, Initializer init, UniformRandomProvider rng,
      DType dtype) {
    super("Conv2d", g.input, ImageShape.of(outChannels, g.outHeight, g.outWidth), g, g.taps(),
        outChannels, init, rng, dtype);
  }

  /** Checks {@code outChannels}, then lets the geometry check kernel, stride and padding. */
  private static ConvGeometry geometry(ImageShape input, int outChannels, int kernel, int stride,
      int padding) {
    if (outChannels < 1) {
      throw new IllegalArgumentException("Conv2d: outChannels must be positive, got "
          + outChannels);
    }
    return new ConvGeometry("Conv2d", input, kernel, stride, padding);
  }

  /** im2col, one product with the {@code (C*k*k) x C'} weight, back to channels-first rows. */
  @Override
  Tensor map(Tensor x, Tensor w, Tensor b) {
    ConvGeometry g = geometry();
    Tensor patches = Tensor.apply(ConvOps.im2col(g), x);
    Tensor byPosition = patches.affine(w, b);
    return Tensor.apply(ConvOps.channelsFirst(g.positions(), outputShape().channels()),
        byPosition);
  }
}
