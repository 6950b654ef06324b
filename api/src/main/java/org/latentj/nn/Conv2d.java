package org.latentj.nn;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
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
public final class Conv2d extends Layer {

  private final ConvGeometry geometry;
  private final int outChannels;
  private final ImageShape outputShape;
  private final Parameter weight;
  private final Parameter bias;

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
    if (outChannels < 1) {
      throw new IllegalArgumentException("Conv2d: outChannels must be positive, got "
          + outChannels);
    }
    this.geometry = new ConvGeometry("Conv2d", input, kernel, stride, padding);
    this.outChannels = outChannels;
    this.outputShape = ImageShape.of(outChannels, geometry.outHeight, geometry.outWidth);
    DMatrixRMaj w = new DMatrixRMaj(geometry.taps(), outChannels);
    init.fill(w, rng);
    this.weight = register(Parameter.of("weight", w, dtype));
    this.bias = register(Parameter.of("bias", new DMatrixRMaj(1, outChannels), dtype));
  }

  /**
   * The convolution of every row of {@code x}.
   *
   * @throws IllegalArgumentException naming this layer's path and shapes when {@code x} does not
   *     have {@code C*H*W} columns
   */
  @Override
  public Tensor forward(Tensor x) {
    return forward(x, weight.tensor(), bias.tensor());
  }

  /** The same convolution with the given weight and bias (for tests of the op itself). */
  Tensor forward(Tensor x, Tensor w, Tensor b) {
    Shapes.requireRowWidth(this, geometry.input, x);
    Tensor patches = Tensor.apply(ConvOps.im2col(geometry), x);
    Tensor byPosition = patches.affine(w, b);
    return Tensor.apply(ConvOps.channelsFirst(geometry.positions(), outChannels), byPosition);
  }

  /** Each row is one image; nothing couples rows. */
  @Override
  public boolean rowWise() {
    return true;
  }

  public ImageShape inputShape() {
    return geometry.input;
  }

  /** The shape of each output row's image, {@code C' x H' x W'}. */
  public ImageShape outputShape() {
    return outputShape;
  }

  public Parameter weight() {
    return weight;
  }

  public Parameter bias() {
    return bias;
  }

  @Override
  public String toString() {
    return "Conv2d(" + geometry.input + " -> " + outputShape + ", kernel " + geometry.kernel
        + ", stride " + geometry.stride + ", padding " + geometry.padding + ")";
  }
}
