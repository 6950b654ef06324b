package org.latentj.inference.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small PNGs written with ImageIO into a temporary folder. */
class ImageFolderReaderTest {

  @TempDir
  Path dir;

  /** A grey {@code height x width} PNG whose pixel (x, y) is {@code base + 10 y + x}. */
  private static Path grey(Path file, int height, int width, int base) throws IOException {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        img.getRaster().setSample(x, y, 0, base + 10 * y + x);
      }
    }
    Files.createDirectories(file.getParent());
    assertThat(ImageIO.write(img, "png", file.toFile())).isTrue();
    return file;
  }

  @Test
  void readsGreyImagesSortedByFileNameRowByRow() throws IOException {
    grey(dir.resolve("b.png"), 2, 3, 100);
    grey(dir.resolve("a.png"), 2, 3, 0);
    grey(dir.resolve("c.png"), 2, 3, 200);
    Files.writeString(dir.resolve("README.txt"), "not an image");
    Files.writeString(dir.resolve(".hidden.png"), "skipped");

    Dataset ds = ImageFolderReader.readUnlabelled(dir);

    assertThat(ds.size()).isEqualTo(3);
    assertThat(ds.imageShape()).contains(new ImageShape(2, 3));
    assertThat(ds.features().data).containsExactly(
        0, 1, 2, 10, 11, 12,
        100, 101, 102, 110, 111, 112,
        200, 201, 202, 210, 211, 212);
    assertThat(ds.hasLabels()).isFalse();
    assertThat(ds.provenance().files()).hasSize(1);
    assertThat(ds.provenance().files().get(0).name()).isEqualTo(dir.toString());
  }

  @Test
  void colourImagesBecomeLumaAndSixteenBitGreyIsScaled() throws IOException {
    BufferedImage rgb = new BufferedImage(4, 1, BufferedImage.TYPE_INT_RGB);
    rgb.setRGB(0, 0, 0xFF0000);
    rgb.setRGB(1, 0, 0x00FF00);
    rgb.setRGB(2, 0, 0x0000FF);
    rgb.setRGB(3, 0, 0x646464);
    ImageIO.write(rgb, "png", dir.resolve("1-rgb.png").toFile());
    BufferedImage wide = new BufferedImage(4, 1, BufferedImage.TYPE_USHORT_GRAY);
    int[] samples = {0, 257 * 7, 65535, 257 * 128};
    for (int x = 0; x < 4; x++) {
      wide.getRaster().setSample(x, 0, 0, samples[x]);
    }
    ImageIO.write(wide, "png", dir.resolve("2-grey16.png").toFile());

    Dataset ds = ImageFolderReader.readUnlabelled(dir);

    // 0.299 R + 0.587 G + 0.114 B, rounded: 76.245, 149.685, 29.07, 100.
    assertThat(ds.features().data).containsExactly(76, 150, 29, 100, 0, 7, 255, 128);
  }

  @Test
  void labelsComeFromSubFoldersSortedByName() throws IOException {
    grey(dir.resolve("dog/x.png"), 1, 2, 50);
    grey(dir.resolve("cat/b.png"), 1, 2, 20);
    grey(dir.resolve("cat/a.png"), 1, 2, 10);

    Dataset ds = ImageFolderReader.readLabelled(dir);

    assertThat(ds.classNames()).containsExactly("cat", "dog");
    assertThat(ds.labels().orElseThrow()).containsExactly(0, 0, 1);
    assertThat(ds.features().data).containsExactly(10, 11, 20, 21, 50, 51);
  }

  @Test
  void imagesOfDifferentSizesNameTheFileAndBothSizes() throws IOException {
    Path first = grey(dir.resolve("a.png"), 2, 3, 0);
    Path odd = grey(dir.resolve("b.png"), 4, 3, 0);
    assertThatThrownBy(() -> ImageFolderReader.readUnlabelled(dir))
        .isInstanceOf(DataFileException.class)
        .hasMessageStartingWith(odd + ": image is 4x3 pixels (height x width) but " + first
            + " is 2x3");
  }

  @Test
  void aFileWithAnImageSuffixThatDoesNotDecode() throws IOException {
    grey(dir.resolve("a.png"), 2, 2, 0);
    Path broken = Files.writeString(dir.resolve("b.png"), "definitely not a PNG");
    assertThatThrownBy(() -> ImageFolderReader.readUnlabelled(dir))
        .isInstanceOf(DataFileException.class)
        .hasMessageStartingWith(broken + ": not a readable image");
  }

  @Test
  void emptyFoldersAndWrongLayouts() throws IOException {
    assertThatThrownBy(() -> ImageFolderReader.readUnlabelled(dir))
        .isInstanceOf(DataFileException.class).hasMessageContaining("no images found");
    assertThatThrownBy(() -> ImageFolderReader.readLabelled(dir))
        .isInstanceOf(DataFileException.class).hasMessageContaining("no class sub-folders");
    grey(dir.resolve("cls/a.png"), 1, 1, 0);
    assertThatThrownBy(() -> ImageFolderReader.readUnlabelled(dir))
        .hasMessageContaining("for one sub-folder per class use readLabelled");
    grey(dir.resolve("stray.png"), 1, 1, 0);
    assertThatThrownBy(() -> ImageFolderReader.readLabelled(dir))
        .hasMessageContaining("image stray.png lies outside the class sub-folders");
    assertThatThrownBy(() -> ImageFolderReader.readUnlabelled(dir.resolve("missing")))
        .isInstanceOf(DataFileException.class).hasMessageContaining("no such folder");
  }
}
