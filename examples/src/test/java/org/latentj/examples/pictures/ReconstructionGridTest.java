package org.latentj.examples.pictures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReconstructionGridTest {

  private static final int H = 2;
  private static final int W = 3;
  private static final int PAD = 1;

  @TempDir
  Path dir;

  /** n images, image k filled with grey k / 20 + offset. */
  private static DMatrixRMaj images(int n, double offset) {
    DMatrixRMaj m = new DMatrixRMaj(n, H * W);
    for (int k = 0; k < n; k++) {
      for (int p = 0; p < H * W; p++) {
        m.set(k, p, k / 20.0 + offset);
      }
    }
    return m;
  }

  private static int greyOfCell(BufferedImage image, int gridRow, int gridCol) {
    return Pngs.grey(image, PAD + gridCol * (W + PAD), PAD + gridRow * (H + PAD));
  }

  @Test
  void eachReconstructionSitsBelowItsOriginal() throws IOException {
    int n = 5;
    ImageGrid grid = ImageGrid.of(H, W, 3).withPadding(PAD).withPaddingGrey(1);
    Path png = dir.resolve("pairs.png");
    ReconstructionGrid.using(grid).write(images(n, 0), images(n, 0.5), png);
    BufferedImage image = Pngs.read(png);

    // Blocks of 3 pairs: 2 blocks, 4 grid rows.
    assertThat(image.getWidth()).isEqualTo(3 * (W + PAD) + PAD);
    assertThat(image.getHeight()).isEqualTo(4 * (H + PAD) + PAD);
    for (int k = 0; k < n; k++) {
      int block = k / 3;
      assertThat(greyOfCell(image, 2 * block, k % 3)).as("original %d", k)
          .isEqualTo((int) Math.round(255 * (k / 20.0)));
      assertThat(greyOfCell(image, 2 * block + 1, k % 3)).as("reconstruction %d", k)
          .isEqualTo((int) Math.round(255 * (k / 20.0 + 0.5)));
    }
    // The short last block leaves its third column as padding in both rows.
    assertThat(greyOfCell(image, 2, 2)).isEqualTo(255);
    assertThat(greyOfCell(image, 3, 2)).isEqualTo(255);
  }

  @Test
  void fewPairsGiveOneBlock() {
    BufferedImage image = ReconstructionGrid.using(ImageGrid.of(H, W, 8).withPadding(PAD))
        .render(images(2, 0), images(2, 0.1));
    assertThat(image.getWidth()).isEqualTo(2 * (W + PAD) + PAD);
    assertThat(image.getHeight()).isEqualTo(2 * (H + PAD) + PAD);
  }

  @Test
  void mismatchedCountsAndWidthsAreErrors() {
    ReconstructionGrid pairs = ReconstructionGrid.using(ImageGrid.of(H, W, 4));
    assertThatThrownBy(() -> pairs.render(images(3, 0), images(2, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("originals has 3 rows but reconstructions has 2");
    assertThatThrownBy(() -> pairs.render(images(2, 0), new DMatrixRMaj(2, 7)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reconstructions rows hold 7 values");
  }

  @Test
  void badPixelNamesWhichMatrix() {
    DMatrixRMaj recon = images(2, 0);
    recon.set(1, 4, -0.5);
    assertThatThrownBy(() -> ReconstructionGrid.using(ImageGrid.of(H, W, 4))
        .render(images(2, 0), recon))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("image 1 of reconstructions has -0.5 at pixel (row 1, column 1)");
  }
}
