package org.latentj.examples.pictures;

import java.awt.image.RenderedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.UUID;
import javax.imageio.ImageIO;

/** Writes PNG files atomically: a temporary file in the target's folder, then one move. */
final class PngFiles {

  static {
    // Only off-screen images are drawn here; say so before AWT initialises, unless the
    // application already decided (a GUI program that sets headless=false keeps its choice).
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private PngFiles() {}

  /** Makes sure the headless default above has been applied; call before touching AWT. */
  static void init() {}

  /**
   * Writes {@code image} as a PNG to {@code target}, creating missing parent folders and replacing
   * an existing file. The bytes go to a temporary file beside the target first, which is then
   * moved with {@code ATOMIC_MOVE}; a file system that cannot move atomically gets a plain
   * replacing move. The new file gets the default permissions of files the process creates. On
   * failure the temporary file is removed and the target is left as it was.
   */
  static void write(RenderedImage image, Path target) throws IOException {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(target, "target");
    Path absolute = target.toAbsolutePath();
    Path folder = absolute.getParent();
    Path name = absolute.getFileName();
    if (folder == null || name == null) {
      throw new IllegalArgumentException("target " + target + " is not a file path");
    }
    Files.createDirectories(folder);
    // Not Files.createTempFile: its owner-only permissions would stay on the moved file.
    Path temp = folder.resolve("." + name + "." + UUID.randomUUID() + ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE)) {
        if (!ImageIO.write(image, "png", out)) {
          throw new IOException("no PNG writer for an image of type "
              + image.getColorModel() + " (target " + target + ")");
        }
      }
      try {
        Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
