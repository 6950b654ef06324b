package org.latentj.inference.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Timeout;
import org.latentj.inference.data.DataFileException;
import org.latentj.inference.data.Dataset;
import org.latentj.inference.data.IdxReader;

/**
 * Fuzzes {@link IdxReader}: any bytes, read as an images file and as a labels file, plain or
 * (when they start with gzip's magic) compressed; any bytes gzip-compressed first, so the
 * fuzzer works on the IDX inside; and any pair of files read as images labelled by labels.
 * {@link DataFileException} is the documented failure; a value must be consistent (grey levels
 * in [0, 255], labels in [0, 255], one label per image, the image shape matching the columns).
 */
class IdxReaderFuzzTest {

  static final String IMAGES = "fuzz-images.idx";
  static final String LABELS = "fuzz-labels.idx";
  /** Each decoded byte becomes an 8-byte double; the reader's buffer holds it once more. */
  static final long BYTES_PER_DECODED_BYTE = 16;
  static final long DEFLATE_MAX_RATIO = 1032;

  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  @FuzzTest
  void plainOrGzip(byte[] input) throws Exception {
    readBoth(input);
  }

  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  @FuzzTest
  void gzipped(byte[] input) throws Exception {
    readBoth(gzip(input));
  }

  /** The first two bytes (big-endian) give the length of the images file; the rest is labels. */
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  @FuzzTest
  void labelled(byte[] input) throws Exception {
    if (input.length < 2) {
      return;
    }
    int split = Math.min(input.length - 2, ((input[0] & 0xFF) << 8) | (input[1] & 0xFF));
    byte[] images = Arrays.copyOfRange(input, 2, 2 + split);
    byte[] labels = Arrays.copyOfRange(input, 2 + split, input.length);
    long decoded = decodedBound(images) + decodedBound(labels);
    Optional<Dataset> ds = Outcome.of(List.of(IMAGES, LABELS), decoded, BYTES_PER_DECODED_BYTE,
        DataFileException.class, () -> IdxReader.read(new ByteArrayInputStream(images), IMAGES,
            new ByteArrayInputStream(labels), LABELS));
    ds.ifPresent(d -> {
      checkImages(d);
      assertThat(d.labels()).isPresent();
      assertThat(d.labels().get()).hasSize(d.size());
      checkLabels(d.labels().get());
    });
  }

  private static void readBoth(byte[] bytes) throws Exception {
    long decoded = decodedBound(bytes);
    Outcome.of(List.of(IMAGES), decoded, BYTES_PER_DECODED_BYTE, DataFileException.class,
        () -> IdxReader.readImages(new ByteArrayInputStream(bytes), IMAGES))
        .ifPresent(IdxReaderFuzzTest::checkImages);
    Outcome.of(List.of(LABELS), decoded, BYTES_PER_DECODED_BYTE, DataFileException.class,
        () -> IdxReader.readLabels(new ByteArrayInputStream(bytes), LABELS))
        .ifPresent(IdxReaderFuzzTest::checkLabels);
  }

  private static void checkLabels(int[] labels) {
    assertThat(labels).isNotEmpty();
    for (int l : labels) {
      assertThat(l).isBetween(0, 255);
    }
  }

  private static void checkImages(Dataset d) {
    assertThat(d.size()).isPositive();
    assertThat(d.imageShape()).isPresent();
    assertThat(d.imageShape().get().pixels()).isEqualTo(d.featureCount());
    for (double v : d.features().data) {
      assertThat(v).isBetween(0.0, 255.0);
    }
  }

  /** The most bytes {@code bytes} can decode to: deflate expands at most 1032 times. */
  static long decodedBound(byte[] bytes) {
    boolean gzip = bytes.length >= 2 && bytes[0] == (byte) 0x1f && bytes[1] == (byte) 0x8b;
    return gzip ? DEFLATE_MAX_RATIO * bytes.length : bytes.length;
  }

  static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(bytes);
    }
    return out.toByteArray();
  }
}
