package org.latentj.nn;

/**
 * Where a square kernel of side {@code kernel}, moved by {@code stride} over an image zero-padded
 * by {@code padding} on every side, reads its inputs: the index arithmetic of im2col and col2im
 * that {@link Conv2d} and {@link ConvTranspose2d} share.
 *
 * <p>The patch matrix of one example has one row per output position {@code (oy, ox)}, row-major,
 * and one column per kernel tap {@code (c, ky, kx)}, row-major: entry
 * {@code image[c, oy * stride - padding + ky, ox * stride - padding + kx]}, zero outside the
 * image. {@link #im2col} gathers it; {@link #col2imAdd} is its adjoint (scatter-add), so the two
 * are each other's backward pass. Both read one table, built with the geometry, of the pixel
 * behind each patch entry.
 */
final class ConvGeometry {

  /** A patch entry that falls outside the image, on the zero padding. */
  private static final int OUTSIDE = -1;

  final ImageShape input;
  final int kernel;
  final int stride;
  final int padding;
  final int outHeight;
  final int outWidth;
  /** {@link #sourceTable}: one entry per patch entry of one example. */
  private final int[] sources;

  /**
   * @throws IllegalArgumentException naming {@code layer} when the kernel, stride or padding is
   *     out of range, or the kernel is larger than the padded image
   */
  ConvGeometry(String layer, ImageShape input, int kernel, int stride, int padding) {
    if (kernel < 1 || stride < 1 || padding < 0) {
      throw new IllegalArgumentException(layer + ": kernel and stride must be positive and"
          + " padding non-negative, got kernel " + kernel + ", stride " + stride + ", padding "
          + padding);
    }
    int paddedHeight = input.height() + 2 * padding;
    int paddedWidth = input.width() + 2 * padding;
    if (kernel > paddedHeight || kernel > paddedWidth) {
      throw new IllegalArgumentException(layer + ": kernel " + kernel + "x" + kernel
          + " is larger than the padded image " + paddedHeight + "x" + paddedWidth + " (image "
          + input + ", padding " + padding + ")");
    }
    this.input = input;
    this.kernel = kernel;
    this.stride = stride;
    this.padding = padding;
    this.outHeight = (paddedHeight - kernel) / stride + 1;
    this.outWidth = (paddedWidth - kernel) / stride + 1;
    this.sources = sourceTable(input, kernel, stride, padding, outHeight, outWidth);
  }

  /** Output positions per example, {@code outHeight * outWidth}: the patch matrix's rows. */
  int positions() {
    return outHeight * outWidth;
  }

  /** Kernel taps, {@code channels * kernel * kernel}: the patch matrix's columns. */
  int taps() {
    return input.channels() * kernel * kernel;
  }

  /**
   * Writes the patch matrix of the image at {@code image[imageOffset ...]} (Not modified) into
   * {@code patches[patchOffset ...]} (Modified), {@code positions() x taps()} row-major.
   */
  void im2col(double[] image, int imageOffset, double[] patches, int patchOffset) {
    int[] from = sources;
    for (int j = 0; j < from.length; j++) {
      int s = from[j];
      patches[patchOffset + j] = s == OUTSIDE ? 0 : image[imageOffset + s];
    }
  }

  /**
   * Adds the patch matrix at {@code patches[patchOffset ...]} (Not modified) back onto the image
   * at {@code image[imageOffset ...]} (Modified): the adjoint of {@link #im2col}; padding taps
   * are dropped. The additions run in patch order, so each pixel's sum is rounded the same way
   * on every call.
   */
  void col2imAdd(double[] patches, int patchOffset, double[] image, int imageOffset) {
    int[] to = sources;
    for (int j = 0; j < to.length; j++) {
      int s = to[j];
      if (s != OUTSIDE) {
        image[imageOffset + s] += patches[patchOffset + j];
      }
    }
  }

  /**
   * For each patch entry, row-major, the pixel it reads (an index into one example's
   * {@code C x H x W} row) or {@link #OUTSIDE}: computed once, so the two loops above are a plain
   * gather and scatter-add instead of redoing the bounds arithmetic for every example.
   */
  private static int[] sourceTable(ImageShape input, int kernel, int stride, int padding,
      int outHeight, int outWidth) {
    int h = input.height();
    int w = input.width();
    int[] table = new int[outHeight * outWidth * input.channels() * kernel * kernel];
    int j = 0;
    for (int oy = 0; oy < outHeight; oy++) {
      for (int ox = 0; ox < outWidth; ox++) {
        for (int c = 0; c < input.channels(); c++) {
          for (int ky = 0; ky < kernel; ky++) {
            int iy = oy * stride - padding + ky;
            for (int kx = 0; kx < kernel; kx++) {
              int ix = ox * stride - padding + kx;
              boolean inside = iy >= 0 && iy < h && ix >= 0 && ix < w;
              table[j++] = inside ? (c * h + iy) * w + ix : OUTSIDE;
            }
          }
        }
      }
    }
    return table;
  }

  @Override
  public String toString() {
    return input + ", kernel " + kernel + ", stride " + stride + ", padding " + padding + " -> "
        + outHeight + "x" + outWidth;
  }
}
