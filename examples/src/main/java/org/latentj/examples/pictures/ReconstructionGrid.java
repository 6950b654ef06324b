package org.latentj.examples.pictures;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;

/**
 * Originals above their reconstructions, for comparing a data point x with the decoder's output
 * for a code of x (e.g. the mean of p(x | z) at z = mean of q(z | x)).
 *
 * <p>With {@code g = min(columns, n)} for {@code n} pairs, the pairs are cut into blocks of
 * {@code g}: block {@code b} takes two grid rows, originals {@code b g .. b g + g - 1} on the
 * upper one and their reconstructions directly below, so each reconstruction sits under its
 * original. A short last block leaves padding on the right of both rows. Tile size, padding,
 * scale and clamping are those of the {@link ImageGrid} given; the picture has
 * {@code 2 ceil(n / g)} grid rows.
 */
public final class ReconstructionGrid {

  private final ImageGrid grid;

  private ReconstructionGrid(ImageGrid grid) {
    this.grid = grid;
  }

  /** Pairs laid out with the tile size, columns, padding, scale and clamping of {@code grid}. */
  public static ReconstructionGrid using(ImageGrid grid) {
    return new ReconstructionGrid(Objects.requireNonNull(grid, "grid"));
  }

  public ImageGrid grid() {
    return grid;
  }

  /**
   * Draws row {@code k} of {@code originals} above row {@code k} of {@code reconstructions}; both
   * are {@code n x (height * width)} with values in [0, 1] and are not modified.
   */
  public BufferedImage render(DMatrixRMaj originals, DMatrixRMaj reconstructions) {
    ImageGrid.Source top = grid.checkedSource("originals", originals);
    ImageGrid.Source bottom = grid.checkedSource("reconstructions", reconstructions);
    int n = originals.numRows;
    if (reconstructions.numRows != n) {
      throw new IllegalArgumentException("originals has " + n + " rows but reconstructions has "
          + reconstructions.numRows + "; each original needs one reconstruction");
    }
    int g = Math.min(grid.columns(), n);
    int blocks = (n + g - 1) / g;
    ImageGrid.Cell[][] layout = new ImageGrid.Cell[2 * blocks][g];
    for (int k = 0; k < n; k++) {
      layout[2 * (k / g)][k % g] = new ImageGrid.Cell(0, k);
      layout[2 * (k / g) + 1][k % g] = new ImageGrid.Cell(1, k);
    }
    return grid.render(new ImageGrid.Source[] {top, bottom}, layout);
  }

  /** Renders as {@link #render} does and writes the PNG atomically to {@code png}. */
  public void write(DMatrixRMaj originals, DMatrixRMaj reconstructions, Path png)
      throws IOException {
    PngFiles.write(render(originals, reconstructions), png);
  }

  @Override
  public String toString() {
    return "ReconstructionGrid{" + grid + "}";
  }
}
