package org.latentj.examples.pictures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageGridTest {

  private static final int H = 3;
  private static final int W = 4;

  @TempDir
  Path dir;

  /** n images of H x W, image k filled with grey k / 10. */
  private static DMatrixRMaj constantImages(int n) {
    DMatrixRMaj m = new DMatrixRMaj(n, H * W);
    for (int k = 0; k < n; k++) {
      for (int p = 0; p < H * W; p++) {
        m.set(k, p, k / 10.0);
      }
    }
    return m;
  }

  /** Top-left output pixel of image pixel (r, c) of the tile in grid cell (gr, gc). */
  private static int[] at(ImageGrid g, int gr, int gc, int r, int c) {
    int x = g.padding() + gc * (g.width() * g.scale() + g.padding()) + c * g.scale();
    int y = g.padding() + gr * (g.height() * g.scale() + g.padding()) + r * g.scale();
    return new int[] {x, y};
  }

  @Test
  void writesPngOfExactSizeInNewFolders() throws IOException {
    ImageGrid grid = ImageGrid.of(H, W, 2).withPadding(2).withScale(3);
    Path png = dir.resolve("a/b/grid.png");
    grid.write(constantImages(5), png);

    BufferedImage image = Pngs.read(png);
    // 2 columns, ceil(5 / 2) = 3 rows of 9 x 12 tiles, 2 px around each.
    assertThat(image.getWidth()).isEqualTo(2 * (W * 3 + 2) + 2);
    assertThat(image.getHeight()).isEqualTo(3 * (H * 3 + 2) + 2);
    assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
  }

  @Test
  void greyLevelsTilesAndPaddingLandWhereExpected() throws IOException {
    DMatrixRMaj images = constantImages(5);
    images.set(0, 1 * W + 2, 1.0); // image 0, pixel (1, 2) white
    images.set(1, 0, 0.5);
    ImageGrid grid = ImageGrid.of(H, W, 2).withPadding(2).withPaddingGrey(0.25).withScale(2);
    Path png = dir.resolve("grid.png");
    grid.write(images, png);
    BufferedImage image = Pngs.read(png);

    int[] white = at(grid, 0, 0, 1, 2);
    // The whole 2 x 2 block of the scaled pixel is white, its neighbours are black.
    assertThat(Pngs.grey(image, white[0], white[1])).isEqualTo(255);
    assertThat(Pngs.grey(image, white[0] + 1, white[1] + 1)).isEqualTo(255);
    assertThat(Pngs.grey(image, white[0] - 1, white[1])).isZero();
    assertThat(Pngs.grey(image, white[0] + 2, white[1])).isZero();
    int[] half = at(grid, 0, 1, 0, 0);
    assertThat(Pngs.grey(image, half[0], half[1])).isEqualTo(128); // round(127.5)
    int[] other = at(grid, 0, 1, 2, 3);
    assertThat(Pngs.grey(image, other[0], other[1])).isEqualTo((int) Math.round(255 * 0.1));
    // Image k sits at grid row k / 2, column k % 2.
    for (int k = 2; k < 5; k++) {
      int[] p = at(grid, k / 2, k % 2, 1, 1);
      assertThat(Pngs.grey(image, p[0], p[1])).as("image %d", k)
          .isEqualTo((int) Math.round(255 * k / 10.0));
    }
    // Padding: the corner, the gap between tiles, and the empty cell after image 4.
    int paddingGrey = 64; // round(255 * 0.25)
    assertThat(Pngs.grey(image, 0, 0)).isEqualTo(paddingGrey);
    int[] lastOfFirst = at(grid, 0, 0, 0, W - 1);
    assertThat(Pngs.grey(image, lastOfFirst[0] + 2, lastOfFirst[1])).isEqualTo(paddingGrey);
    int[] empty = at(grid, 2, 1, 1, 1);
    assertThat(Pngs.grey(image, empty[0], empty[1])).isEqualTo(paddingGrey);
  }

  @Test
  void fewerImagesThanColumnsGiveANarrowerGrid() {
    BufferedImage image = ImageGrid.of(H, W, 10).withPadding(1).render(constantImages(3));
    assertThat(image.getWidth()).isEqualTo(3 * (W + 1) + 1);
    assertThat(image.getHeight()).isEqualTo(H + 2);
  }

  @Test
  void zeroPaddingTilesTouch() {
    BufferedImage image = ImageGrid.of(H, W, 2).withPadding(0).render(constantImages(4));
    assertThat(image.getWidth()).isEqualTo(2 * W);
    assertThat(image.getHeight()).isEqualTo(2 * H);
    assertThat(Pngs.grey(image, W, H)).isEqualTo((int) Math.round(255 * 0.3));
  }

  @Test
  void replacesAnExistingFileAndLeavesNoTemporaryFiles() throws IOException {
    Path png = dir.resolve("grid.png");
    Files.writeString(png, "not a picture");
    ImageGrid.of(H, W, 2).write(constantImages(2), png);
    assertThat(Pngs.read(png).getWidth()).isEqualTo(2 * (W + 2) + 2);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(png);
    }
  }

  @Test
  void clampOptionClampsOutOfRangeValues() {
    DMatrixRMaj images = constantImages(1);
    images.set(0, 0, -0.3);
    images.set(0, 1, 1.7);
    BufferedImage image = ImageGrid.of(H, W, 1).withPadding(0).withClamp(true).render(images);
    assertThat(Pngs.grey(image, 0, 0)).isZero();
    assertThat(Pngs.grey(image, 1, 0)).isEqualTo(255);
  }

  @Test
  void valuesOutsideTheUnitIntervalNameImageAndPixel() {
    DMatrixRMaj images = constantImages(3);
    images.set(2, 1 * W + 3, 1.2);
    Path png = dir.resolve("bad.png");
    assertThatThrownBy(() -> ImageGrid.of(H, W, 2).write(images, png))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("image 2 of images")
        .hasMessageContaining("1.2")
        .hasMessageContaining("row 1, column 3")
        .hasMessageContaining("withClamp");
    assertThat(png).doesNotExist();
  }

  @Test
  void nanIsAnErrorEvenWhenClamping() {
    DMatrixRMaj images = constantImages(2);
    images.set(1, 0, Double.NaN);
    assertThatThrownBy(() -> ImageGrid.of(H, W, 2).withClamp(true).render(images))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("image 1 of images has NaN at pixel (row 0, column 0)");
  }

  @Test
  void wrongRowWidthSaysBothWidths() {
    assertThatThrownBy(() -> ImageGrid.of(28, 28, 10).render(new DMatrixRMaj(2, 780)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("780")
        .hasMessageContaining("28 x 28 = 784");
  }

  @Test
  void emptyMatrixIsAnError() {
    assertThatThrownBy(() -> ImageGrid.of(H, W, 2).render(new DMatrixRMaj(0, H * W)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no rows");
  }

  @Test
  void nonPositiveSizesAndBadSettingsAreErrors() {
    assertThatThrownBy(() -> ImageGrid.of(0, 28, 10)).hasMessageContaining("height");
    assertThatThrownBy(() -> ImageGrid.of(28, -1, 10)).hasMessageContaining("width");
    assertThatThrownBy(() -> ImageGrid.of(28, 28, 0)).hasMessageContaining("columns");
    ImageGrid grid = ImageGrid.of(28, 28, 10);
    assertThatThrownBy(() -> grid.withScale(0)).hasMessageContaining("scale");
    assertThatThrownBy(() -> grid.withPadding(-1)).hasMessageContaining("padding");
    assertThatThrownBy(() -> grid.withPaddingGrey(1.5)).hasMessageContaining("padding grey");
    assertThatThrownBy(() -> grid.withPaddingGrey(Double.NaN)).hasMessageContaining("NaN");
  }

  @Test
  void settingsAreCopiedNotChanged() {
    ImageGrid base = ImageGrid.of(28, 28, 10);
    ImageGrid scaled = base.withScale(2);
    assertThat(base.scale()).isEqualTo(1);
    assertThat(scaled.scale()).isEqualTo(2);
    assertThat(base.padding()).isEqualTo(ImageGrid.DEFAULT_PADDING);
    assertThat(base.paddingGrey()).isEqualTo(ImageGrid.DEFAULT_PADDING_GREY);
    assertThat(scaled.toString()).contains("28x28", "scale=2");
  }
}
