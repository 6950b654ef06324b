package org.latentj.nn;

/**
 * The shape of the images a convolutional layer reads from one minibatch row: {@code channels x
 * height x width}, row-major, so pixel {@code (c, y, x)} of example {@code i} is column
 * {@code (c * height + y) * width + x} of row {@code i}. A flattened 28 x 28 grey image (MNIST) is
 * {@code ImageShape.of(1, 28, 28)}.
 */
public record ImageShape(int channels, int height, int width) {

  /** @throws IllegalArgumentException unless every size is at least 1 */
  public ImageShape {
    if (channels < 1 || height < 1 || width < 1) {
      throw new IllegalArgumentException("ImageShape: channels, height and width must be positive,"
          + " got " + channels + "x" + height + "x" + width);
    }
  }

  /** {@code channels x height x width}. */
  public static ImageShape of(int channels, int height, int width) {
    return new ImageShape(channels, height, width);
  }

  /**
   * The square images of {@code channels} channels that fill rows of {@code rowWidth} columns
   * (784 columns, 1 channel: 1 x 28 x 28).
   *
   * @throws IllegalArgumentException when {@code rowWidth} is not {@code channels} times a square
   */
  public static ImageShape squareOf(int rowWidth, int channels) {
    if (channels < 1 || rowWidth < 1) {
      throw new IllegalArgumentException("ImageShape.squareOf: row width " + rowWidth
          + " and channels " + channels + " must be positive");
    }
    int side = (int) Math.round(Math.sqrt(rowWidth / (double) channels));
    if (rowWidth % channels != 0 || side * side * channels != rowWidth) {
      throw new IllegalArgumentException("ImageShape.squareOf: a row of " + rowWidth
          + " columns is not " + channels + " channel(s) of a square image (channels x side x"
          + " side); give the shape explicitly with ImageShape.of(channels, height, width)");
    }
    return new ImageShape(channels, side, side);
  }

  /** Pixels per channel, {@code height * width}. */
  public int pixels() {
    return height * width;
  }

  /** Columns of one row, {@code channels * height * width}. */
  public int size() {
    return channels * height * width;
  }

  @Override
  public String toString() {
    return channels + "x" + height + "x" + width;
  }
}
