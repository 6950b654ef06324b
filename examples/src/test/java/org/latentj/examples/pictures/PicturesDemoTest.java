package org.latentj.examples.pictures;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PicturesDemoTest {

  @TempDir
  Path dir;

  @Test
  void writesEveryPicture() throws IOException {
    List<Path> written = PicturesDemo.writeAll(dir, 1);
    assertThat(written).hasSize(5).allSatisfy(p -> assertThat(p).isRegularFile());
    for (Path p : written) {
      assertThat(Pngs.read(p).getWidth()).as(p.toString()).isPositive();
    }
  }

  /**
   * End to end check of the display convention: in the manifold picture the blob of the top-left
   * tile (smallest z1, largest z2) is up and to the left of its tile's centre, that of the
   * bottom-right tile down and to the right.
   */
  @Test
  void manifoldPictureHasLargestZ2OnTop() throws IOException {
    PicturesDemo.writeAll(dir, 1);
    BufferedImage image = Pngs.read(dir.resolve("manifold.png"));
    int n = 9;
    int tile = 2 * PicturesDemo.SIDE;
    int pad = 1;
    int[] topLeft = brightest(image, pad, pad, tile);
    int last = pad + (n - 1) * (tile + pad);
    int[] bottomRight = brightest(image, last, last, tile);
    assertThat(topLeft[0]).isLessThan(tile / 2 - 4);
    assertThat(topLeft[1]).isLessThan(tile / 2 - 4);
    assertThat(bottomRight[0]).isGreaterThan(tile / 2 + 4);
    assertThat(bottomRight[1]).isGreaterThan(tile / 2 + 4);
  }

  /** (x, y) of the brightest pixel of the tile at (x0, y0), relative to the tile. */
  private static int[] brightest(BufferedImage image, int x0, int y0, int size) {
    int[] best = {0, 0};
    int max = -1;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int g = Pngs.grey(image, x0 + x, y0 + y);
        if (g > max) {
          max = g;
          best = new int[] {x, y};
        }
      }
    }
    return best;
  }
}
