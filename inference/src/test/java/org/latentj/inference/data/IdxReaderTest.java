package org.latentj.inference.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IDX files written byte by byte into a temporary folder: valid ones read back exactly, and each
 * kind of broken file fails with a {@link DataFileException} naming the file and the problem.
 */
class IdxReaderTest {

  @TempDir
  Path dir;

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> fails(ThrowingCallable call,
      Path file) {
    return assertThatThrownBy(call).isInstanceOf(DataFileException.class)
        .hasMessageStartingWith(file.toString() + ": ");
  }

  private static void assertPixels(DMatrixRMaj m, int count) {
    assertThat(m.getNumElements()).isEqualTo(count);
    for (int k = 0; k < count; k++) {
      assertThat(m.data[k]).as("pixel %d", k).isEqualTo((k * 7) & 0xFF);
    }
  }

  @Test
  void readsPlainImagesAndLabelsWithProvenance() throws IOException {
    byte[] imageBytes = IdxBytes.images(5, 2, 4);
    byte[] labelBytes = IdxBytes.labels(1, 0, 7, 255, 3);
    Path images = write("images", imageBytes);
    Path labels = write("labels", labelBytes);

    Dataset ds = IdxReader.read(images, labels);

    assertThat(ds.size()).isEqualTo(5);
    assertThat(ds.featureCount()).isEqualTo(8);
    assertThat(ds.imageShape()).contains(new ImageShape(2, 4));
    assertPixels(ds.features(), 40);
    assertThat(ds.labels()).hasValueSatisfying(l -> assertThat(l).containsExactly(1, 0, 7, 255, 3));
    assertThat(ds.provenance().files()).containsExactly(
        new SourceFile(images.toString(), imageBytes.length, SourceFile.sha256Of(imageBytes)),
        new SourceFile(labels.toString(), labelBytes.length, SourceFile.sha256Of(labelBytes)));
  }

  @Test
  void recognisesGzipByItsMagicBytesNotItsName() throws IOException {
    byte[] gz = IdxBytes.gzip(IdxBytes.images(3, 5, 2));
    Path gzipWithoutSuffix = write("images.idx", gz);
    Path plainWithSuffix = write("labels.gz", IdxBytes.labels(4, 5, 6));

    Dataset ds = IdxReader.read(gzipWithoutSuffix, plainWithSuffix);

    assertPixels(ds.features(), 30);
    assertThat(ds.imageShape()).contains(new ImageShape(5, 2));
    assertThat(ds.labels().orElseThrow()).containsExactly(4, 5, 6);
    // DataProvenance hashes the bytes as stored, i.e. compressed.
    assertThat(ds.provenance().files().get(0).sha256()).isEqualTo(SourceFile.sha256Of(gz));
    assertThat(ds.provenance().files().get(0).bytes()).isEqualTo(gz.length);
  }

  @Test
  void readsFromStreamsGzipOrPlain() throws IOException {
    byte[] gz = IdxBytes.gzip(IdxBytes.images(4, 3, 3));
    byte[] labels = IdxBytes.gzip(IdxBytes.labels(9, 8, 7, 6));

    Dataset ds = IdxReader.read(new ByteArrayInputStream(gz), "res/images",
        new ByteArrayInputStream(labels), "res/labels");

    assertPixels(ds.features(), 36);
    assertThat(ds.labels().orElseThrow()).containsExactly(9, 8, 7, 6);
    assertThat(ds.provenance().files().get(1))
        .isEqualTo(new SourceFile("res/labels", labels.length, SourceFile.sha256Of(labels)));
    assertThat(IdxReader.readLabels(new ByteArrayInputStream(IdxBytes.labels(2, 3)), "x"))
        .containsExactly(2, 3);
    assertPixels(IdxReader.readImages(new ByteArrayInputStream(IdxBytes.images(2, 1, 3)), "y")
        .features(), 6);
  }

  @Test
  void emptyFile() throws IOException {
    Path f = write("empty", new byte[0]);
    fails(() -> IdxReader.readImages(f), f).hasMessageContaining("empty file (0 bytes)");
    fails(() -> IdxReader.readImages(new ByteArrayInputStream(new byte[0]), f.toString()), f)
        .hasMessageContaining("empty file");
  }

  @Test
  void emptyGzipStream() throws IOException {
    Path f = write("empty.gz", IdxBytes.gzip(new byte[0]));
    fails(() -> IdxReader.readLabels(f), f).hasMessageContaining("decompresses to 0 bytes");
  }

  @Test
  void wrongMagicNumber() throws IOException {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 0, 0, 0, 0, 0};
    Path f = write("picture.png", png);
    fails(() -> IdxReader.readImages(f), f)
        .hasMessageContaining("not an IDX file: the magic number at offset 0 is 0x89504E47")
        .hasMessageContaining("0x00000803");
  }

  @Test
  void unsupportedElementType() throws IOException {
    Path f = write("floats", IdxBytes.concat(IdxBytes.header(0x0D03, 1, 1, 1), new byte[4]));
    fails(() -> IdxReader.readImages(f), f)
        .hasMessageContaining("unsupported IDX element type 0x0D (32-bit float)")
        .hasMessageContaining("offset 2");
  }

  @Test
  void labelsFileWhereImagesAreExpected() throws IOException {
    Path f = write("labels", IdxBytes.labels(1, 2, 3));
    fails(() -> IdxReader.readImages(f), f)
        .hasMessageContaining("describes 1 dimension(s), but an IDX images file has 3")
        .hasMessageContaining("is this a labels file?");
  }

  @Test
  void truncatedHeader() throws IOException {
    Path f = write("short", Arrays.copyOf(IdxBytes.images(3, 2, 4), 10));
    fails(() -> IdxReader.readImages(f), f)
        .hasMessageContaining("truncated header")
        .hasMessageContaining("dimension 1 (rows) (4 bytes from offset 8)");
  }

  @Test
  void headerClaimingMoreImagesThanThePlainFileHolds() throws IOException {
    Path f = write("liar", IdxBytes.concat(IdxBytes.header(0x803, 1_000_000, 28, 28),
        new byte[84]));
    fails(() -> IdxReader.readImages(f), f)
        .hasMessageContaining("the header claims more than the file holds")
        .hasMessageContaining("1000000 images of 28x28")
        .hasMessageContaining("the file holds only 100 bytes");
  }

  @Test
  void headerClaimingTwoToThe31LabelsFailsFastWithoutAllocating() throws IOException {
    Path f = write("liar", IdxBytes.concat(IdxBytes.header(0x801, 0x7FFF_FFFFL), new byte[92]));
    fails(() -> IdxReader.readLabels(f), f)
        .hasMessageContaining("2147483647 labels")
        .hasMessageContaining("only 100 bytes");
    Path g = write("liar.gz", IdxBytes.gzip(IdxBytes.concat(IdxBytes.header(0x801, 0x7FFF_FFFFL),
        new byte[92])));
    fails(() -> IdxReader.readLabels(g), g)
        .hasMessageContaining("gzip trailer (ISIZE")
        .hasMessageContaining("only 100 bytes");
  }

  @Test
  void dimensionsWhoseProductOverflowsAnInt() throws IOException {
    Path f = write("huge", IdxBytes.concat(IdxBytes.header(0x803, 1L << 31, 28, 28),
        new byte[84]));
    fails(() -> IdxReader.readImages(f), f)
        .hasMessageContaining("2147483648 x 28")
        .hasMessageContaining("more than a Java array holds");
  }

  @Test
  void zeroDimension() throws IOException {
    Path f = write("zero", IdxBytes.header(0x803, 5, 0, 28));
    fails(() -> IdxReader.readImages(f), f)
        .hasMessageContaining("dimension 1 (rows) at offset 8 is 0");
  }

  @Test
  void truncatedPlainData() throws IOException {
    byte[] full = IdxBytes.images(3, 2, 4);
    Path f = write("cut", Arrays.copyOf(full, full.length - 5));
    fails(() -> IdxReader.readImages(f), f)
        .hasMessageContaining("3 images of 2x4, 24 bytes after the 16-byte header, 40 bytes")
        .hasMessageContaining("only 35 bytes");
  }

  @Test
  void truncatedGzipFile() throws IOException {
    byte[] gz = IdxBytes.gzip(IdxBytes.images(50, 8, 8));
    Path f = write("cut.gz", Arrays.copyOf(gz, gz.length / 2));
    fails(() -> IdxReader.readImages(f), f).hasMessageContaining("truncated or corrupt");
  }

  @Test
  void gzipWhoseTrailerIsForgedToMatchAShortStream() throws IOException {
    byte[] full = IdxBytes.images(3, 2, 4);
    byte[] shortPayload = Arrays.copyOf(full, full.length - 5);
    Path f = write("forged.gz", IdxBytes.withIsize(IdxBytes.gzip(shortPayload), full.length));
    fails(() -> IdxReader.readImages(f), f)
        .hasMessageContaining("corrupt or truncated gzip data near uncompressed offset");
  }

  @Test
  void trailingBytesInAPlainFileAreAnError() throws IOException {
    Path f = write("long", IdxBytes.concat(IdxBytes.images(3, 2, 4), new byte[] {1, 2, 3}));
    fails(() -> IdxReader.readImages(f), f)
        .hasMessageContaining("trailing data: the file holds 43 bytes")
        .hasMessageContaining("3 unexplained bytes from offset 40");
  }

  @Test
  void trailingBytesInsideAGzipStreamAreAnError() throws IOException {
    Path f = write("long.gz", IdxBytes.gzip(IdxBytes.concat(IdxBytes.labels(1, 2), new byte[7])));
    fails(() -> IdxReader.readLabels(f), f)
        .hasMessageContaining("trailing data: the gzip trailer")
        .hasMessageContaining("7 unexplained bytes from uncompressed offset 10");
  }

  @Test
  void imageAndLabelCountsMustMatch() throws IOException {
    Path images = write("images", IdxBytes.images(3, 2, 2));
    Path labels = write("labels", IdxBytes.labels(1, 2));
    fails(() -> IdxReader.read(images, labels), labels)
        .hasMessageContaining("labels file has 2 labels but images file " + images
            + " has 3 examples");
  }
}
