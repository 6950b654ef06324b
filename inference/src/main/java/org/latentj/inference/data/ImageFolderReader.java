package org.latentj.inference.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.ejml.data.DMatrixRMaj;
import org.latentj.inference.checkpoint.Sha256;

/**
 * Reads a folder of images (PNG, and whatever else {@code javax.imageio} reads: JPEG, BMP, GIF,
 * ...) into a {@link Dataset} of greyscale pixels in {@code [0, 255]}, one image per row, pixels
 * row by row. Every image must have the same size.
 *
 * <p>Two layouts: {@link #readUnlabelled} takes the images directly inside the folder;
 * {@link #readLabelled} takes one sub-folder per class (as torchvision's {@code ImageFolder}):
 * the sub-folders sorted by name are classes 0, 1, ..., and their names the class names.
 * Files are read in order of name (sub-folder first, then file) so the row order is the same on
 * every machine. Hidden files (name starting with a dot) and files whose suffix no ImageIO reader
 * claims (a README, say) are skipped; a file with an image suffix that does not decode is an
 * error.
 *
 * <p>Greyscale: grey images keep their sample scaled to 8 bits ({@code s * 255 / (2^bits - 1)});
 * colour images (and palettes) take the luma of their sRGB values, {@code 0.299 R + 0.587 G +
 * 0.114 B} (ITU-R BT.601, as PIL's {@code convert("L")}); both are rounded to integers. Alpha is
 * ignored.
 *
 * <p>DataProvenance: one {@link SourceFile} for the folder, whose SHA-256 covers, for each image in
 * reading order, its path relative to the folder (UTF-8), a NUL byte and its bytes.
 */
public final class ImageFolderReader {

  private ImageFolderReader() {}

  /** The images directly inside {@code folder}, unlabelled. */
  public static Dataset readUnlabelled(Path folder) throws IOException {
    requireFolder(folder);
    List<Path> files = imageFiles(folder);
    if (files.isEmpty()) {
      boolean hasSubfolders;
      try (Stream<Path> s = Files.list(folder)) {
        hasSubfolders = s.anyMatch(p -> Files.isDirectory(p) && !hidden(p));
      }
      throw new DataFileException(folder.toString(), "no images found (readable suffixes: "
          + suffixes() + ")" + (hasSubfolders ? "; it has sub-folders: for one sub-folder per "
              + "class use readLabelled" : ""));
    }
    return read(folder, files, null, List.of());
  }

  /** The images in the sub-folders of {@code folder}, labelled by sub-folder (sorted by name). */
  public static Dataset readLabelled(Path folder) throws IOException {
    requireFolder(folder);
    List<Path> classFolders;
    try (Stream<Path> s = Files.list(folder)) {
      classFolders = s.filter(p -> Files.isDirectory(p) && !hidden(p))
          .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
    }
    if (classFolders.isEmpty()) {
      throw new DataFileException(folder.toString(), "no class sub-folders; readLabelled "
          + "expects one sub-folder of images per class");
    }
    List<Path> strays = imageFiles(folder);
    if (!strays.isEmpty()) {
      throw new DataFileException(folder.toString(), "image " + strays.get(0).getFileName()
          + " lies outside the class sub-folders, so it has no label");
    }
    List<Path> files = new ArrayList<>();
    List<Integer> classOf = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int c = 0; c < classFolders.size(); c++) {
      Path sub = classFolders.get(c);
      names.add(sub.getFileName().toString());
      for (Path f : imageFiles(sub)) {
        files.add(f);
        classOf.add(c);
      }
    }
    if (files.isEmpty()) {
      throw new DataFileException(folder.toString(), "no images found in its "
          + classFolders.size() + " class sub-folders (readable suffixes: " + suffixes() + ")");
    }
    int[] labels = classOf.stream().mapToInt(Integer::intValue).toArray();
    return read(folder, files, labels, names);
  }

  private static Dataset read(Path folder, List<Path> files, int[] labels, List<String> names)
      throws IOException {
    MessageDigest md = Sha256.newDigest();
    long totalBytes = 0;
    DMatrixRMaj features = null;
    Path first = null;
    int height = 0;
    int width = 0;
    int[] rgbRow = null;
    for (int i = 0; i < files.size(); i++) {
      Path file = files.get(i);
      byte[] bytes = Files.readAllBytes(file);
      md.update(folder.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
      md.update(bytes);
      totalBytes += bytes.length;
      BufferedImage img = decode(file, bytes);
      if (first == null) {
        first = file;
        height = img.getHeight();
        width = img.getWidth();
        if ((long) files.size() * height * width > Integer.MAX_VALUE - 8) {
          throw new DataFileException(folder.toString(), files.size() + " images of " + height
              + "x" + width + " pixels are more values than one matrix holds");
        }
        features = new DMatrixRMaj(files.size(), height * width);
        rgbRow = new int[width];
      } else if (img.getHeight() != height || img.getWidth() != width) {
        throw new DataFileException(file.toString(), "image is " + img.getHeight() + "x"
            + img.getWidth() + " pixels (height x width) but " + first + " is " + height + "x"
            + width + "; all images must have the same size");
      }
      toGrey(img, features.data, i * height * width, rgbRow);
    }
    String hash = Sha256.hex(md);
    DataProvenance provenance = new DataProvenance("images in " + folder,
        List.of(new SourceFile(folder.toString(), totalBytes, hash)));
    Dataset ds = Dataset.of(features, provenance).withImageShape(new ImageShape(height, width));
    return labels == null ? ds : ds.withLabels(labels, names);
  }

  private static BufferedImage decode(Path file, byte[] bytes) throws DataFileException {
    BufferedImage img;
    try {
      img = ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException | RuntimeException e) {
      throw new DataFileException(file.toString(), "cannot decode image: " + e.getMessage(), e);
    }
    if (img == null) {
      throw new DataFileException(file.toString(), "not a readable image: no javax.imageio "
          + "reader accepts its " + bytes.length + " bytes");
    }
    return img;
  }

  /**
   * Writes the greyscale pixels of {@code img} into {@code out} (Modified) from {@code offset},
   * row by row; {@code rgbRow} is a scratch row of {@code width} ints.
   */
  static void toGrey(BufferedImage img, double[] out, int offset, int[] rgbRow) {
    int h = img.getHeight();
    int w = img.getWidth();
    ColorModel cm = img.getColorModel();
    int k = offset;
    if (!(cm instanceof IndexColorModel) && cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
      // Grey samples are taken as stored: getRGB would pass them through a gamma conversion.
      Raster raster = img.getRaster();
      int bits = cm.getComponentSize(0);
      double scale = 255.0 / ((1L << bits) - 1);
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int s = raster.getSample(x, y, 0);
          out[k++] = bits == 8 ? s : Math.rint(s * scale);
        }
      }
      return;
    }
    for (int y = 0; y < h; y++) {
      img.getRGB(0, y, w, 1, rgbRow, 0, w);
      for (int x = 0; x < w; x++) {
        int p = rgbRow[x];
        int r = (p >> 16) & 0xFF;
        int g = (p >> 8) & 0xFF;
        int b = p & 0xFF;
        out[k++] = Math.rint(0.299 * r + 0.587 * g + 0.114 * b);
      }
    }
  }

  private static void requireFolder(Path folder) throws DataFileException {
    if (!Files.isDirectory(folder)) {
      throw new DataFileException(folder.toString(), Files.exists(folder)
          ? "not a folder" : "no such folder");
    }
  }

  /** Image files directly inside {@code folder}, sorted by name. */
  private static List<Path> imageFiles(Path folder) throws IOException {
    Set<String> suffixes = suffixes();
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(p -> Files.isRegularFile(p) && !hidden(p))
          .filter(p -> suffixes.contains(suffix(p)))
          .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
    }
  }

  private static boolean hidden(Path p) {
    return p.getFileName().toString().startsWith(".");
  }

  private static String suffix(Path p) {
    String n = p.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static Set<String> suffixes() {
    Set<String> s = new TreeSet<>();
    for (String suffix : ImageIO.getReaderFileSuffixes()) {
      s.add(suffix.toLowerCase(Locale.ROOT));
    }
    return s;
  }
}
