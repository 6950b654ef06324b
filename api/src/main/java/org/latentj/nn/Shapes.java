package org.latentj.nn;

import org.latentj.tensor.Tensor;

/** The input-width check the image layers share, with one message naming layer and shapes. */
final class Shapes {

  private Shapes() {}

  /**
   * @throws IllegalArgumentException naming {@code layer}'s path, the input's shape and the image
   *     shape, unless {@code x} has {@code image.size()} columns
   */
  static void requireRowWidth(Layer layer, ImageShape image, Tensor x) {
    if (x.cols() != image.size()) {
      String path = layer.path();
      throw new IllegalArgumentException((path.isEmpty() ? "" : path + ", ") + layer
          + ": input is " + x.shape() + " but each row must be one " + image
          + " image (channels x height x width = " + image.size() + " columns)");
    }
  }
}
