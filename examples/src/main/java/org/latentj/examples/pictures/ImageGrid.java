package org.latentj.examples.pictures;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;

/**
 * Lays images out in a greyscale grid, as in the sample figures of Kingma and Welling (2013).
 *
 * <p>Each row of the input matrix is one {@code height x width} image stored row-major, with grey
 * levels in [0, 1] (0 black, 1 white); level {@code v} becomes the 8-bit sample
 * {@code round(255 v)}. Image {@code k} goes to grid row {@code k / g}, grid column
 * {@code k % g}, where {@code g = min(columns, n)} for {@code n} images, so a short list does not
 * leave empty columns; a partly filled last grid row is finished with padding. Every tile is
 * {@code scale} times larger in each direction (nearest neighbour), and {@code padding} pixels
 * of the padding grey surround every tile, the outer border included, so the picture is
 * <pre>
 *   g * (width * scale + padding) + padding                  pixels wide,
 *   ceil(n / g) * (height * scale + padding) + padding       pixels high.
 * </pre>
 *
 * <p>Values outside [0, 1], and NaN, are errors naming the image and pixel, since they usually
 * mean logits or unnormalised data were passed by mistake; {@link #withClamp(boolean)} clamps
 * instead (NaN stays an error). Instances are immutable; the {@code with...} methods return
 * changed copies.
 */
public final class ImageGrid {

  /** Pixels between tiles and around the border unless changed. */
  public static final int DEFAULT_PADDING = 2;
  /** Mid grey, told apart from both black and white backgrounds. */
  public static final double DEFAULT_PADDING_GREY = 0.5;

  private final int height;
  private final int width;
  private final int columns;
  private final int padding;
  private final double paddingGrey;
  private final int scale;
  private final boolean clamp;

  private ImageGrid(int height, int width, int columns, int padding, double paddingGrey,
      int scale, boolean clamp) {
    this.height = height;
    this.width = width;
    this.columns = columns;
    this.padding = padding;
    this.paddingGrey = paddingGrey;
    this.scale = scale;
    this.clamp = clamp;
  }

  /**
   * A grid of {@code height x width} images, at most {@code columns} per grid row, with the
   * default padding ({@value #DEFAULT_PADDING} px of grey {@value #DEFAULT_PADDING_GREY}), scale 1
   * and no clamping.
   */
  public static ImageGrid of(int height, int width, int columns) {
    requirePositive("height", height);
    requirePositive("width", width);
    requirePositive("columns", columns);
    if ((long) height * width > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("height x width = " + height + " x " + width
          + " overflows an int");
    }
    return new ImageGrid(height, width, columns, DEFAULT_PADDING, DEFAULT_PADDING_GREY, 1, false);
  }

  /** The same grid with {@code pixels} (>= 0) of padding between tiles and around the border. */
  public ImageGrid withPadding(int pixels) {
    if (pixels < 0) {
      throw new IllegalArgumentException("padding must be >= 0 pixels, got " + pixels);
    }
    return new ImageGrid(height, width, columns, pixels, paddingGrey, scale, clamp);
  }

  /** The same grid with padding of grey level {@code grey} in [0, 1] (0 black, 1 white). */
  public ImageGrid withPaddingGrey(double grey) {
    if (!(grey >= 0 && grey <= 1)) {
      throw new IllegalArgumentException("padding grey must be in [0, 1], got " + grey);
    }
    return new ImageGrid(height, width, columns, padding, grey, scale, clamp);
  }

  /** The same grid with every image pixel drawn as a {@code factor x factor} block. */
  public ImageGrid withScale(int factor) {
    requirePositive("scale", factor);
    return new ImageGrid(height, width, columns, padding, paddingGrey, factor, clamp);
  }

  /** The same grid, clamping values outside [0, 1] if {@code on} instead of failing. */
  public ImageGrid withClamp(boolean on) {
    return new ImageGrid(height, width, columns, padding, paddingGrey, scale, on);
  }

  public int height() {
    return height;
  }

  public int width() {
    return width;
  }

  public int columns() {
    return columns;
  }

  public int padding() {
    return padding;
  }

  public double paddingGrey() {
    return paddingGrey;
  }

  public int scale() {
    return scale;
  }

  public boolean clamp() {
    return clamp;
  }

  /**
   * Draws the rows of {@code images} ({@code n x (height * width)}, not modified) as a grid in a
   * new {@link BufferedImage#TYPE_BYTE_GRAY} image.
   */
  public BufferedImage render(DMatrixRMaj images) {
    Source source = checkedSource("images", images);
    int n = images.numRows;
    int g = Math.min(columns, n);
    int rows = (n + g - 1) / g;
    Cell[][] layout = new Cell[rows][g];
    for (int k = 0; k < n; k++) {
      layout[k / g][k % g] = new Cell(0, k);
    }
    return render(new Source[] {source}, layout);
  }

  /** Renders {@code images} as {@link #render} does and writes it atomically to {@code png}. */
  public void write(DMatrixRMaj images, Path png) throws IOException {
    PngFiles.write(render(images), png);
  }

  @Override
  public String toString() {
    return "ImageGrid{" + height + "x" + width + " images, columns=" + columns + ", padding="
        + padding + ", paddingGrey=" + paddingGrey + ", scale=" + scale + ", clamp=" + clamp + "}";
  }

  // ---- shared with ReconstructionGrid ----

  /** A named matrix of images, for error messages. */
  record Source(String name, DMatrixRMaj images) {}

  /** One grid cell: row {@code image} of source {@code source}. */
  record Cell(int source, int image) {}

  /** Checks that {@code images} is non-empty with {@code height * width} columns. */
  Source checkedSource(String name, DMatrixRMaj images) {
    Objects.requireNonNull(images, name);
    if (images.numRows == 0) {
      throw new IllegalArgumentException(name + " has no rows (no images to draw)");
    }
    if (images.numCols != height * width) {
      throw new IllegalArgumentException(name + " rows hold " + images.numCols
          + " values but height x width = " + height + " x " + width + " = " + height * width);
    }
    return new Source(name, images);
  }

  /**
   * Draws a layout of {@code layout.length} grid rows by {@code layout[0].length} grid columns;
   * a null cell is left as padding.
   */
  BufferedImage render(Source[] sources, Cell[][] layout) {
    PngFiles.init();
    int gridRows = layout.length;
    int gridCols = layout[0].length;
    long tileW = (long) width * scale;
    long tileH = (long) height * scale;
    long outW = gridCols * (tileW + padding) + padding;
    long outH = gridRows * (tileH + padding) + padding;
    if (outW > Integer.MAX_VALUE || outH > Integer.MAX_VALUE
        || outW * outH > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("a grid of " + gridRows + " x " + gridCols + " tiles of "
          + tileH + " x " + tileW + " pixels is too large (" + outH + " x " + outW + ")");
    }
    int imgW = (int) outW;
    BufferedImage out = new BufferedImage(imgW, (int) outH, BufferedImage.TYPE_BYTE_GRAY);
    byte[] pixels = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
    Arrays.fill(pixels, (byte) Math.round(255 * paddingGrey));
    for (int gr = 0; gr < gridRows; gr++) {
      for (int gc = 0; gc < gridCols; gc++) {
        Cell cell = layout[gr][gc];
        if (cell != null) {
          int x0 = padding + gc * (int) (tileW + padding);
          int y0 = padding + gr * (int) (tileH + padding);
          drawTile(sources[cell.source()], cell.image(), pixels, imgW, x0, y0);
        }
      }
    }
    return out;
  }

  private void drawTile(Source source, int image, byte[] pixels, int stride, int x0, int y0) {
    double[] data = source.images().data;
    int base = image * source.images().numCols;
    for (int r = 0; r < height; r++) {
      int rowStart = (y0 + r * scale) * stride + x0;
      for (int c = 0; c < width; c++) {
        byte sample = sample(data[base + r * width + c], source.name(), image, r, c);
        int at = rowStart + c * scale;
        for (int dy = 0; dy < scale; dy++, at += stride) {
          Arrays.fill(pixels, at, at + scale, sample);
        }
      }
    }
  }

  private byte sample(double v, String name, int image, int r, int c) {
    if (!(v >= 0 && v <= 1)) {
      if (Double.isNaN(v) || !clamp) {
        throw new IllegalArgumentException("image " + image + " of " + name + " has " + v
            + " at pixel (row " + r + ", column " + c + "), outside [0, 1]"
            + (clamp ? "" : " (withClamp(true) clamps instead)"));
      }
      v = v < 0 ? 0 : 1;
    }
    return (byte) Math.round(255 * v);
  }

  private static void requirePositive(String what, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(what + " must be positive, got " + value);
    }
  }
}
