package org.latentj.inference.data;

/**
 * The height and width of the images whose pixels a {@link Dataset} stores one per column, row
 * after row (column {@code y * width + x} holds pixel {@code (x, y)}).
 *
 * @param height pixel rows, positive
 * @param width pixel columns, positive
 */
public record ImageShape(int height, int width) {

  /** Validates that both sides are positive and that the pixel count fits in an int. */
  public ImageShape {
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException("ImageShape: height and width must be positive, got "
          + height + "x" + width);
    }
    if ((long) height * width > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("ImageShape: " + height + "x" + width
          + " pixels do not fit in an int");
    }
  }

  /** {@code height * width}. */
  public int pixels() {
    return height * width;
  }

  @Override
  public String toString() {
    return height + "x" + width;
  }
}
