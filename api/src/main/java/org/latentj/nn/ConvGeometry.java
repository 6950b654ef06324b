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
 * are each other's backward pass.
 */
final class ConvGeometry {

  final ImageShape input;
  final int kernel;
  final int stride;
  final int padding;
  final int outHeight;
  final int outWidth;

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
    int h = input.height();
    int w = input.width();
    int out = patchOffset;
    for (int oy = 0; oy < outHeight; oy++) {
      for (int ox = 0; ox < outWidth; ox++) {
        for (int c = 0; c < input.channels(); c++) {
          int channel = imageOffset + c * h * w;
          for (int ky = 0; ky < kernel; ky++) {
            int iy = oy * stride - padding + ky;
            boolean rowInside = iy >= 0 && iy < h;
            for (int kx = 0; kx < kernel; kx++) {
              int ix = ox * stride - padding + kx;
              patches[out++] = rowInside && ix >= 0 && ix < w ? image[channel + iy * w + ix] : 0;
            }
          }
        }
      }
    }
  }

  /**
   * Adds the patch matrix at {@code patches[patchOffset ...]} (Not modified) back onto the image
   * at {@code image[imageOffset ...]} (Modified): the adjoint of {@link #im2col}; padding taps
   * are dropped.
   */
  void col2imAdd(double[] patches, int patchOffset, double[] image, int imageOffset) {
    int h = input.height();
    int w = input.width();
    int in = patchOffset;
    for (int oy = 0; oy < outHeight; oy++) {
      for (int ox = 0; ox < outWidth; ox++) {
        for (int c = 0; c < input.channels(); c++) {
          int channel = imageOffset + c * h * w;
          for (int ky = 0; ky < kernel; ky++) {
            int iy = oy * stride - padding + ky;
            if (iy < 0 || iy >= h) {
              in += kernel;
              continue;
            }
            for (int kx = 0; kx < kernel; kx++, in++) {
              int ix = ox * stride - padding + kx;
              if (ix >= 0 && ix < w) {
                image[channel + iy * w + ix] += patches[in];
              }
            }
          }
        }
      }
    }
  }

  @Override
  public String toString() {
    return input + ", kernel " + kernel + ", stride " + stride + ", padding " + padding + " -> "
        + outHeight + "x" + outWidth;
  }
}
