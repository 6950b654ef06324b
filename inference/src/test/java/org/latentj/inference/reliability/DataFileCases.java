package org.latentj.inference.reliability;

import static org.latentj.inference.reliability.BadInput.of;
import static org.latentj.inference.reliability.ShapeCases.write;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.latentj.inference.data.CsvReader;
import org.latentj.inference.data.DataFileException;
import org.latentj.inference.data.IdxReader;
import org.latentj.inference.data.ImageFolderReader;

/**
 * Data files that are empty, truncated, of another format, or whose header claims more than
 * they hold. A header's claim must never be believed before the file is seen to hold it: the
 * table runner fails any row that allocates more than a few tens of MB.
 */
final class DataFileCases {

  private static final Class<DataFileException> DFE = DataFileException.class;

  private DataFileCases() {}

  static List<BadInput> cases() {
    return List.of(
        // IDX.
        of("IDX images: empty file", DFE,
            d -> IdxReader.readImages(write(d, "empty.idx", new byte[0])),
            "empty.idx", "empty file (0 bytes)", "IDX images"),
        of("IDX labels: empty file", DFE,
            d -> IdxReader.readLabels(write(d, "labels.idx", new byte[0])),
            "labels.idx", "empty file (0 bytes)", "IDX labels"),
        of("IDX images: 1-byte file", DFE,
            d -> IdxReader.readImages(write(d, "one.idx", new byte[] {0})),
            "one.idx", "truncated header", "magic number"),
        of("IDX images: header cut inside the rows field", DFE,
            d -> IdxReader.readImages(write(d, "cut.idx",
                Arrays.copyOf(IdxFiles.header(IdxFiles.IMAGES_MAGIC, 2, 4, 4), 10))),
            "cut.idx", "truncated header", "offset 10", "dimension 1 (rows)"),
        of("IDX images: data cut short (2 images of 4x4, 20 bytes of pixels)", DFE,
            d -> IdxReader.readImages(write(d, "short.idx",
                IdxFiles.withData(IdxFiles.header(IdxFiles.IMAGES_MAGIC, 2, 4, 4), 20))),
            "short.idx", "claims more than the file holds", "2 images of 4x4", "only 36 bytes"),
        of("IDX images: header claims 60000 images of 28x28 in 1 KB", DFE,
            d -> IdxReader.readImages(write(d, "liar.idx",
                IdxFiles.withData(IdxFiles.header(IdxFiles.IMAGES_MAGIC, 60000, 28, 28), 1000))),
            "liar.idx", "claims more than the file holds", "60000 images of 28x28",
            "only 1016 bytes"),
        of("IDX images: header claims 2^31-1 images (more than an array holds)", DFE,
            d -> IdxReader.readImages(write(d, "huge.idx",
                IdxFiles.withData(IdxFiles.header(IdxFiles.IMAGES_MAGIC, Integer.MAX_VALUE, 28,
                    28), 64))),
            "huge.idx", "describe more than 2147483647 elements"),
        of("IDX labels: header claims 4294967295 labels (unsigned size)", DFE,
            d -> IdxReader.readLabels(write(d, "unsigned.idx",
                IdxFiles.withData(IdxFiles.header(IdxFiles.LABELS_MAGIC, -1), 8))),
            "unsigned.idx", "4294967295", "more than 2147483647 elements"),
        of("IDX images: a labels file read as images", DFE,
            d -> IdxReader.readImages(write(d, "labels-as-images.idx", IdxFiles.labels(5))),
            "labels-as-images.idx", "0x00000801", "describes 1 dimension(s)",
            "is this a labels file?"),
        of("IDX labels: an images file read as labels", DFE,
            d -> IdxReader.readLabels(write(d, "images-as-labels.idx", IdxFiles.images(2, 2, 2))),
            "images-as-labels.idx", "describes 3 dimension(s)", "is this an images file?"),
        of("IDX images: a PNG file (wrong magic)", DFE,
            d -> IdxReader.readImages(write(d, "picture.png", png(4, 4))),
            "picture.png", "not an IDX file", "magic number at offset 0", "0x00000803"),
        of("IDX images: 32-bit float elements", DFE,
            d -> IdxReader.readImages(write(d, "floats.idx",
                IdxFiles.withData(IdxFiles.header(0x00000D03, 1, 2, 2), 16))),
            "floats.idx", "unsupported IDX element type 0x0D", "32-bit float", "offset 2"),
        of("IDX images: a zero dimension", DFE,
            d -> IdxReader.readImages(write(d, "zero.idx",
                IdxFiles.header(IdxFiles.IMAGES_MAGIC, 3, 0, 28))),
            "zero.idx", "dimension 1 (rows) at offset 8 is 0"),
        of("IDX images: trailing bytes after the data", DFE,
            d -> IdxReader.readImages(write(d, "long.idx",
                IdxFiles.withData(IdxFiles.header(IdxFiles.IMAGES_MAGIC, 1, 2, 2), 7))),
            "long.idx", "trailing data", "3 unexplained bytes from offset 20"),
        of("IDX images (gzip): trailer claims 4 GB", DFE,
            d -> IdxReader.readImages(write(d, "forged.gz", forgedIsize())),
            "forged.gz", "ISIZE", "4294967295", "truncated or corrupt"),
        of("IDX images (gzip): file cut in half", DFE,
            d -> IdxReader.readImages(write(d, "half.gz", half(IdxFiles.gzip(
                IdxFiles.images(50, 28, 28))))),
            "half.gz", "gzip"),
        of("IDX images (gzip): 12-byte stub", DFE,
            d -> IdxReader.readImages(write(d, "stub.gz",
                Arrays.copyOf(IdxFiles.gzip(IdxFiles.images(1, 2, 2)), 12))),
            "stub.gz", "truncated gzip file: 12 bytes"),
        of("IDX images (gzip): header claims more than the stream holds", DFE,
            d -> IdxReader.readImages(write(d, "short.gz", IdxFiles.gzip(IdxFiles.withData(
                IdxFiles.header(IdxFiles.IMAGES_MAGIC, 9, 28, 28), 100)))),
            "short.gz", "claims more than the file holds", "9 images of 28x28",
            "gzip trailer"),
        of("IDX images (gzip): corrupt deflate data", DFE,
            d -> IdxReader.readImages(write(d, "corrupt.gz", corruptDeflate())),
            "corrupt.gz", "gzip"),
        // CSV.
        of("CSV: empty file", DFE, d -> csv(d, ""), "data.csv", "empty file: no rows"),
        of("CSV: blank lines only", DFE, d -> csv(d, "\n  \n\n"), "empty file"),
        of("CSV: header only", DFE, d -> csv(d, "x1,x2,x3\n"),
            "no data rows after the header on line 1"),
        of("CSV: last line cut short", DFE, d -> csv(d, "1,2,3\n4,5,6\n7,8"),
            "line 3 has 2 column(s), expected 3 (as on line 1)"),
        of("CSV: a row with an extra cell", DFE, d -> csv(d, "1,2\n3,4,5\n"),
            "line 2 has 3 column(s), expected 2"),
        of("CSV: a word among numbers", DFE, d -> csv(d, "1,2\n3,four\n"),
            "line 2, column 2", "\"four\" is not a number"),
        of("CSV: a value outside the reader's range", DFE,
            d -> CsvReader.builder().range(0, 1, "; see the likelihood").build()
                .read(write(d, "data.csv", "0.5,1\n0.25,1.5\n".getBytes(StandardCharsets.UTF_8))),
            "data.csv", "line 2, column 2: 1.5 is outside [0.0, 1.0]; see the likelihood"),
        of("CSV: NaN with the caller's advice", DFE,
            d -> CsvReader.builder().nonFiniteAdvice("fill it in").build()
                .read(write(d, "data.csv", "0.5,1\nNaN,1\n".getBytes(StandardCharsets.UTF_8))),
            "data.csv", "line 2, column 1", "non-finite values are rejected (fill it in)"),
        of("CSV: an empty cell", DFE, d -> csv(d, "1,2\n3,\n"),
            "line 2, column 2", "empty cell"),
        of("CSV: binary garbage (a PNG file)", DFE,
            d -> CsvReader.defaults().read(write(d, "garbage.csv", png(2, 2))),
            "garbage.csv", "line 2, column 1"),
        of("CSV: label column 5 in a 3-column file", DFE,
            d -> labelled(d, "1,2,3\n", 5),
            "label column index 5", "line 1 has only 3 column(s)"),
        of("CSV: negative label", DFE, d -> labelled(d, "0.5,1\n0.25,-2\n", 1),
            "line 2, column 2 (the label column)", "\"-2\" is not a non-negative integer"),
        of("CSV: fractional label", DFE, d -> labelled(d, "0.5,1.5\n", 1),
            "line 1, column 2 (the label column)", "\"1.5\""),
        of("CSV: only the label column", DFE, d -> labelled(d, "3\n4\n", 0),
            "line 1 has only the label column"),
        // Images.
        of("Images: empty folder", DFE,
            d -> ImageFolderReader.readUnlabelled(Files.createDirectory(d.resolve("imgs"))),
            "imgs", "no images found"),
        of("Images: a file where a folder is expected", DFE,
            d -> ImageFolderReader.readUnlabelled(write(d, "notafolder", new byte[1])),
            "notafolder", "not a folder"),
        of("Images: no such folder", DFE,
            d -> ImageFolderReader.readLabelled(d.resolve("missing")),
            "missing", "no such folder"),
        of("Images: an empty .png file", DFE,
            d -> ImageFolderReader.readUnlabelled(folder(d, "a.png", new byte[0])),
            "a.png", "not a readable image", "0 bytes"),
        of("Images: a truncated PNG", DFE,
            d -> ImageFolderReader.readUnlabelled(folder(d, "cut.png", half(png(16, 16)))),
            "cut.png"),
        of("Images: a text file named .png", DFE,
            d -> ImageFolderReader.readUnlabelled(folder(d, "text.png",
                "hello".getBytes(StandardCharsets.UTF_8))),
            "text.png", "not a readable image", "5 bytes"),
        of("Images: two sizes in one folder", DFE,
            d -> {
              Path f = folder(d, "a.png", png(4, 4));
              Files.write(f.resolve("b.png"), png(5, 4));
              ImageFolderReader.readUnlabelled(f);
            },
            "b.png", "image is 4x5 pixels", "a.png is 4x4", "same size"),
        of("Images: labelled reader without class sub-folders", DFE,
            d -> ImageFolderReader.readLabelled(folder(d, "a.png", png(2, 2))),
            "no class sub-folders"),
        of("Images: an image outside the class sub-folders", DFE,
            d -> {
              Path f = folder(d, "stray.png", png(2, 2));
              Files.createDirectory(f.resolve("cats"));
              Files.write(f.resolve("cats").resolve("c.png"), png(2, 2));
              ImageFolderReader.readLabelled(f);
            },
            "image stray.png lies outside the class sub-folders"));
  }

  private static void csv(Path d, String text) throws IOException {
    CsvReader.defaults().read(write(d, "data.csv", text.getBytes(StandardCharsets.UTF_8)));
  }

  private static void labelled(Path d, String text, int labelColumn) throws IOException {
    CsvReader.builder().labelColumn(labelColumn).header(CsvReader.Header.ABSENT).build()
        .read(write(d, "data.csv", text.getBytes(StandardCharsets.UTF_8)));
  }

  /** A folder {@code d/imgs} holding one file. */
  private static Path folder(Path d, String name, byte[] bytes) throws IOException {
    Path f = Files.createDirectory(d.resolve("imgs"));
    Files.write(f.resolve(name), bytes);
    return f;
  }

  /** A grey PNG of {@code width x height}. */
  static byte[] png(int width, int height) throws IOException {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        img.getRaster().setSample(x, y, 0, (x * 31 + y * 17) % 256);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  private static byte[] half(byte[] bytes) {
    return Arrays.copyOf(bytes, bytes.length / 2);
  }

  /** A valid gzip file whose trailer's ISIZE field says 2^32 - 1 bytes. */
  private static byte[] forgedIsize() {
    byte[] gz = IdxFiles.gzip(IdxFiles.images(2, 2, 2));
    Arrays.fill(gz, gz.length - 4, gz.length, (byte) 0xFF);
    return gz;
  }

  /** A gzip file of a valid IDX whose deflate stream has its bytes inverted. */
  private static byte[] corruptDeflate() {
    byte[] plain = IdxFiles.images(3, 8, 8);
    byte[] gz = IdxFiles.gzip(plain);
    for (int i = 10; i < gz.length - 8; i++) {
      gz[i] = (byte) ~gz[i];
    }
    return gz;
  }
}
