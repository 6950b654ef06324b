package org.latentj.nn;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.tensor.DType;
import org.latentj.tensor.Tensor;

/**
 * What {@link Conv2d} and {@link ConvTranspose2d} share: a map from row-flattened images of one
 * {@link ImageShape} to images of another, with a square kernel, a stride and a padding, a
 * learned weight and one bias per output channel, applied to each row on its own. The
 * subclasses say only how the weight is applied ({@link #map}); the shapes, parameters, the
 * input-width check and the description live here once.
 */
public abstract sealed class ConvLayer extends Layer permits Conv2d, ConvTranspose2d {

  private final String name;
  private final ImageShape inputShape;
  private final ImageShape outputShape;
  private final ConvGeometry geometry;
  private final Parameter weight;
  private final Parameter bias;

  /**
   * Registers a {@code weightRows x weightColumns} weight drawn from {@code init} (float64, then
   * stored as {@code dtype}) and then a zero bias of one entry per output channel.
   *
   * @param geometry the im2col geometry the subclass runs (over the input of a convolution, the
   *     output of a transpose convolution); its kernel, stride and padding name the layer
   */
  ConvLayer(String name, ImageShape input, ImageShape output, ConvGeometry geometry,
      int weightRows, int weightColumns, Initializer init, UniformRandomProvider rng,
      DType dtype) {
    this.name = name;
    this.inputShape = input;
    this.outputShape = output;
    this.geometry = geometry;
    DMatrixRMaj w = new DMatrixRMaj(weightRows, weightColumns);
    init.fill(w, rng);
    this.weight = register(Parameter.of("weight", w, dtype));
    this.bias = register(Parameter.of("bias", new DMatrixRMaj(1, output.channels()), dtype));
  }

  /**
   * This layer's map of every row of {@code x}.
   *
   * @throws IllegalArgumentException naming this layer's path and shapes when {@code x} does not
   *     have {@code C*H*W} columns
   */
  @Override
  public final Tensor forward(Tensor x) {
    return forward(x, weight.tensor(), bias.tensor());
  }

  /** The same map with the given weight and bias (for tests of the op itself). */
  final Tensor forward(Tensor x, Tensor w, Tensor b) {
    Shapes.requireRowWidth(this, inputShape, x);
    return map(x, w, b);
  }

  /** The layer's arithmetic on rows already checked to be input images. */
  abstract Tensor map(Tensor x, Tensor w, Tensor b);

  /** The im2col geometry {@link #map} runs. */
  final ConvGeometry geometry() {
    return geometry;
  }

  /** Each row is one image; nothing couples rows. */
  @Override
  public final boolean rowWise() {
    return true;
  }

  /** The shape of each input row's image, {@code C x H x W}. */
  public final ImageShape inputShape() {
    return inputShape;
  }

  /** The shape of each output row's image, {@code C' x H' x W'}. */
  public final ImageShape outputShape() {
    return outputShape;
  }

  public final Parameter weight() {
    return weight;
  }

  public final Parameter bias() {
    return bias;
  }

  @Override
  public final String toString() {
    return name + "(" + inputShape + " -> " + outputShape + ", kernel " + geometry.kernel
        + ", stride " + geometry.stride + ", padding " + geometry.padding + ")";
  }
}
