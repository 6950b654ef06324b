package org.latentj.examples.pictures;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Reads PNGs back for tests. */
final class Pngs {

  private Pngs() {}

  static BufferedImage read(Path png) throws IOException {
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).as("decoded " + png).isNotNull();
    return image;
  }

  /** The 8-bit grey sample at column x, row y, as stored in the file (no colour conversion). */
  static int grey(BufferedImage image, int x, int y) {
    return image.getRaster().getSample(x, y, 0);
  }
}
