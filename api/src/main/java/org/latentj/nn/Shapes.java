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
      throw new IllegalArgumentException(where(layer) + ": input is " + x.shape()
          + " but each row must be one " + image + " image (channels x height x width = "
          + image.size() + " columns)");
    }
  }

  /**
   * @throws IllegalArgumentException naming {@code layer}'s path and the input's shape, unless
   *     {@code x} has {@code columns} columns
   */
  static void requireColumns(Layer layer, int columns, Tensor x) {
    if (x.cols() != columns) {
      throw new IllegalArgumentException(where(layer) + ": input is " + x.shape()
          + " but expects " + columns + " columns");
    }
  }

  /** The layer's path in its model (when it has one) and its description. */
  private static String where(Layer layer) {
    String path = layer.path();
    return (path.isEmpty() ? "" : path + ", ") + layer;
  }
}
