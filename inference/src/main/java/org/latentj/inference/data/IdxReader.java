package org.latentj.inference.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.latentj.inference.checkpoint.Sha256;

/**
 * Reads IDX files, the format of MNIST and its family (LeCun et al., "Gradient-based learning
 * applied to document recognition", 1998; format described at yann.lecun.com/exdb/mnist): a
 * big-endian header (magic {@code 0x0000TTDD}: element type {@code TT}, dimension count
 * {@code DD}), one 4-byte size per dimension, then the elements in row-major order. Images files
 * have magic {@code 0x00000803} ({@code n x rows x cols}), labels files {@code 0x00000801}
 * ({@code n}). Only unsigned bytes (type {@code 0x08}) are supported; the other IDX types
 * (signed byte, short, int, float, double) fail with "unsupported IDX element type".
 *
 * <p>A file may be plain or gzip-compressed; gzip is recognised by its magic bytes
 * {@code 0x1f 0x8b}, not by the file name.
 *
 * <p><b>What is checked, before anything large is allocated.</b> The header is checked against
 * the real length of the data: for a plain file its size; for a gzip file the ISIZE field of the
 * gzip trailer (the uncompressed size modulo 2^32, RFC 1952), read before decompressing. The
 * header must describe exactly that many bytes: a header claiming more than the file holds is an
 * error, and so are bytes after the data ("trailing data"; they would mean a wrong header or two
 * files run together, so they are not silently ignored). Every dimension must be at least 1 and
 * their product must fit in an int. The data is then read in bounded chunks into a buffer that
 * grows only as bytes actually arrive, so even a forged gzip trailer cannot make the reader
 * allocate more than the stream really holds; an early end is a "truncated" error.
 *
 * <p><b>Limitations.</b> Only single-member gzip files are supported (the trailer of the last
 * member is taken as the size of the whole); because ISIZE is modulo 2^32 and IDX data must fit
 * in one Java array, files whose uncompressed size exceeds 2 GiB are rejected.
 *
 * <p>Errors are {@link DataFileException}s naming the file, what is wrong, and the byte offset
 * and header field (offsets in a gzip file are in the uncompressed stream). Labels are read as
 * ints, pixels as values in {@code [0, 255]}, held as the bytes themselves (a compact
 * {@link Dataset}; {@link Dataset#features()} gives them as doubles).
 */
public final class IdxReader {

  /**
   * Deflate emits at least one bit per 258 output bytes, so no gzip stream expands more than
   * about 1032:1; an ISIZE above that is a broken or truncated trailer.
   */
  static final long MAX_DEFLATE_RATIO = 1032;

  /** A 10-byte gzip header, an empty deflate block (at least 2 bytes) and an 8-byte trailer. */
  private static final int GZIP_MIN_LENGTH = 20;

  private static final int CHUNK = 1 << 16;
  private static final int INITIAL_CAPACITY = 1 << 20;

  /** The two kinds of IDX file the MNIST family uses. */
  private enum Kind {
    IMAGES("images", "number of images", "rows", "columns"),
    LABELS("labels", "number of labels");

    final String noun;
    final String[] dimensionNames;

    Kind(String noun, String... dimensionNames) {
      this.noun = noun;
      this.dimensionNames = dimensionNames;
    }

    int dims() {
      return dimensionNames.length;
    }

    int magic() {
      return 0x0800 | dims();
    }

    int headerBytes() {
      return 4 + 4 * dims();
    }

    String describe(long[] dims) {
      return this == IMAGES ? dims[0] + " images of " + dims[1] + "x" + dims[2]
          : dims[0] + " labels";
    }
  }

  /** What one IDX file held: its dimensions and raw unsigned bytes. */
  private record Idx(int[] dims, byte[] data, SourceFile source) {}

  private IdxReader() {}

  /** The images of an IDX images file, as an unlabelled data set of {@code n x (rows*cols)}. */
  public static Dataset readImages(Path images) throws IOException {
    return toDataset(read(StoredBytes.of(images), Kind.IMAGES), null);
  }

  /** The labels of an IDX labels file. */
  public static int[] readLabels(Path labels) throws IOException {
    return toLabels(read(StoredBytes.of(labels), Kind.LABELS));
  }

  /**
   * The images of {@code images} labelled by {@code labels}; the two must hold the same number of
   * examples.
   */
  public static Dataset read(Path images, Path labels) throws IOException {
    Idx img = read(StoredBytes.of(images), Kind.IMAGES);
    Idx lab = read(StoredBytes.of(labels), Kind.LABELS);
    return toDataset(img, lab);
  }

  /**
   * As {@link #readImages(Path)}, from a stream named {@code name} in messages. The stream is read
   * to its end (and not closed) first, so the header can be checked against the real length or
   * gzip trailer; this suits files of a few tens of MB such as those embedded in a jar.
   */
  public static Dataset readImages(InputStream images, String name) throws IOException {
    return toDataset(read(buffer(images, name), Kind.IMAGES), null);
  }

  /** As {@link #readLabels(Path)}, from a stream (read to its end, not closed). */
  public static int[] readLabels(InputStream labels, String name) throws IOException {
    return toLabels(read(buffer(labels, name), Kind.LABELS));
  }

  /** As {@link #read(Path, Path)}, from two streams (each read to its end, not closed). */
  public static Dataset read(InputStream images, String imagesName, InputStream labels,
      String labelsName) throws IOException {
    Idx img = read(buffer(images, imagesName), Kind.IMAGES);
    Idx lab = read(buffer(labels, labelsName), Kind.LABELS);
    return toDataset(img, lab);
  }

  private static StoredBytes buffer(InputStream in, String name) throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(name, "name");
    return StoredBytes.of(in.readAllBytes(), name);
  }

  private static Dataset toDataset(Idx images, Idx labels) throws DataFileException {
    int n = images.dims()[0];
    int rows = images.dims()[1];
    int cols = images.dims()[2];
    List<SourceFile> files = labels == null ? List.of(images.source())
        : List.of(images.source(), labels.source());
    String description = labels == null ? "IDX " + images.source().name()
        : "IDX " + images.source().name() + " labelled by " + labels.source().name();
    // The pixels stay bytes (Dataset#isCompact): 1 byte a value, converted per minibatch.
    Dataset ds = Dataset.ofBytes(images.data(), n, rows * cols,
        new DataProvenance(description, files)).withImageShape(new ImageShape(rows, cols));
    if (labels == null) {
      return ds;
    }
    if (labels.dims()[0] != n) {
      throw new DataFileException(labels.source().name(), "labels file has " + labels.dims()[0]
          + " labels but images file " + images.source().name() + " has " + n + " examples");
    }
    return ds.withLabels(toLabels(labels));
  }

  private static int[] toLabels(Idx labels) {
    byte[] bytes = labels.data();
    int[] out = new int[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      out[i] = bytes[i] & 0xFF;
    }
    return out;
  }

  private static Idx read(StoredBytes file, Kind kind) throws IOException {
    String name = file.name();
    long length = file.length();
    if (length == 0) {
      throw new DataFileException(name, "empty file (0 bytes); expected an IDX " + kind.noun
          + " file");
    }
    boolean gzip = false;
    if (length >= 2) {
      byte[] head = new byte[2];
      file.readAt(0, head);
      gzip = head[0] == (byte) 0x1f && head[1] == (byte) 0x8b;
    }
    long declared = gzip ? gzipIsize(file) : length;
    if (declared == 0) {
      throw new DataFileException(name, "empty file: the gzip stream decompresses to 0 bytes; "
          + "expected an IDX " + kind.noun + " file");
    }
    MessageDigest md = Sha256.newDigest();
    try (InputStream raw = file.open();
        DigestInputStream digesting = new DigestInputStream(new BufferedInputStream(raw, CHUNK),
            md)) {
      Payload in = new Payload(name, gzip);
      in.open(digesting);
      long[] dims = readHeader(in, kind, declared, length);
      byte[] data = readData(in, kind, dims);
      if (in.readByte() >= 0) {
        throw in.error("trailing data after " + in.at(in.offset()) + ", where the header ("
            + kind.describe(dims) + ") says the data ends");
      }
      // The digest covers every stored byte, including any the decompressor left unread.
      digesting.transferTo(OutputStream.nullOutputStream());
      int[] intDims = new int[dims.length];
      for (int i = 0; i < dims.length; i++) {
        intDims[i] = (int) dims[i];
      }
      return new Idx(intDims, data, new SourceFile(name, length, Sha256.hex(md)));
    }
  }

  /** The uncompressed size modulo 2^32 from the gzip trailer (RFC 1952: last 4 bytes, LE). */
  private static long gzipIsize(StoredBytes file) throws IOException {
    String name = file.name();
    long length = file.length();
    if (length < GZIP_MIN_LENGTH) {
      throw new DataFileException(name, "truncated gzip file: " + length
          + " bytes, but a gzip file has at least " + GZIP_MIN_LENGTH
          + " (10-byte header, compressed data, 8-byte trailer)");
    }
    byte[] t = new byte[4];
    file.readAt(length - 4, t);
    long isize = (t[0] & 0xFFL) | (t[1] & 0xFFL) << 8 | (t[2] & 0xFFL) << 16
        | (t[3] & 0xFFL) << 24;
    if (isize > MAX_DEFLATE_RATIO * length) {
      throw new DataFileException(name, "gzip trailer field ISIZE (at offset " + (length - 4)
          + ") claims " + isize + " uncompressed bytes, more than " + length
          + " compressed bytes can hold; the file is truncated or corrupt");
    }
    return isize;
  }

  private static long[] readHeader(Payload in, Kind kind, long declared, long storedLength)
      throws IOException {
    byte[] m = in.readFully(4, "magic number");
    int magic = beInt(m);
    if (m[0] != 0 || m[1] != 0 || !isIdxType(m[2])) {
      throw in.error(String.format("not an IDX file: the magic number at %s is 0x%08X; "
          + "an IDX %s file starts with 0x%08X", in.at(0), magic, kind.noun, kind.magic()));
    }
    if (m[2] != 0x08) {
      throw in.error(String.format("unsupported IDX element type 0x%02X (%s) in the magic "
          + "number at %s; only unsigned bytes (0x08) are supported", m[2], typeName(m[2]),
          in.at(2)));
    }
    if (m[3] != kind.dims()) {
      String hint = m[3] == 1 ? " (is this a labels file?)"
          : m[3] == 3 ? " (is this an images file?)" : "";
      throw in.error(String.format("the magic number 0x%08X at %s describes %d "
          + "dimension(s), but an IDX %s file has %d (magic 0x%08X)%s", magic, in.at(0), m[3],
          kind.noun, kind.dims(), kind.magic(), hint));
    }
    long[] dims = new long[kind.dims()];
    long product = 1;
    for (int i = 0; i < dims.length; i++) {
      long offset = in.offset();
      String field = "dimension " + i + " (" + kind.dimensionNames[i] + ")";
      dims[i] = beInt(in.readFully(4, field)) & 0xFFFFFFFFL;
      if (dims[i] == 0) {
        throw in.error(field + " at " + in.at(offset) + " is 0; every dimension must be at "
            + "least 1");
      }
    }
    for (long d : dims) {
      product *= d;
      if (product > Integer.MAX_VALUE) {
        throw in.error("the dimensions " + dimsText(dims) + " (header from " + in.at(4)
            + ") describe more than " + Integer.MAX_VALUE + " elements, more than a Java array "
            + "holds");
      }
    }
    long expected = kind.headerBytes() + product;
    if (declared != expected) {
      String holds = in.gzip
          ? "the gzip trailer (ISIZE, at offset " + (storedLength - 4)
              + " of the compressed file) says the uncompressed data is"
          : "the file holds";
      String claim = kind.describe(dims) + ", " + product + " bytes after the "
          + kind.headerBytes() + "-byte header, " + expected + " bytes in all";
      // A cut or damaged gzip file has no real ISIZE in its last 4 bytes, so say so.
      String gzipDoubt = in.gzip ? " (or else the gzip file itself is truncated, corrupt, has "
          + "bytes after its end, or holds several members, which is not supported)" : "";
      if (declared < expected) {
        throw in.error("the header claims more than the file holds: it describes " + claim
            + ", but " + holds + " only " + declared + " bytes" + gzipDoubt);
      }
      throw in.error("trailing data: " + holds + " " + declared + " bytes, but the header "
          + "describes " + claim + ", leaving " + (declared - expected)
          + " unexplained bytes from " + in.at(expected) + gzipDoubt);
    }
    return dims;
  }

  /** The data after the header, read in chunks into a buffer that grows with what arrives. */
  private static byte[] readData(Payload in, Kind kind, long[] dims) throws IOException {
    int total = 1;
    for (long d : dims) {
      total *= (int) d;
    }
    byte[] buf = new byte[Math.min(total, INITIAL_CAPACITY)];
    int filled = 0;
    while (filled < total) {
      if (filled == buf.length) {
        buf = Arrays.copyOf(buf, (int) Math.min(total, 2L * buf.length));
      }
      int n = in.read(buf, filled, Math.min(buf.length - filled, CHUNK));
      if (n < 0) {
        throw in.error("truncated: the data ends at " + in.at(in.offset()) + ", but the header ("
            + kind.describe(dims) + ") needs " + total + " bytes after the "
            + kind.headerBytes() + "-byte header");
      }
      filled += n;
    }
    return buf;
  }

  private static boolean isIdxType(byte t) {
    return t == 0x08 || t == 0x09 || t == 0x0B || t == 0x0C || t == 0x0D || t == 0x0E;
  }

  private static String typeName(byte t) {
    switch (t) {
      case 0x09:
        return "signed byte";
      case 0x0B:
        return "16-bit integer";
      case 0x0C:
        return "32-bit integer";
      case 0x0D:
        return "32-bit float";
      case 0x0E:
        return "64-bit float";
      default:
        return "unsigned byte";
    }
  }

  private static String dimsText(long[] dims) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < dims.length; i++) {
      sb.append(i == 0 ? "" : " x ").append(dims[i]);
    }
    return sb.toString();
  }

  private static int beInt(byte[] b) {
    return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
  }

  /**
   * The IDX bytes (decompressed if need be), tracking the offset for messages and turning a
   * decompressor's failure into a {@link DataFileException} that says where it happened.
   */
  private static final class Payload {
    final String name;
    final boolean gzip;
    private InputStream in;
    private long offset;

    Payload(String name, boolean gzip) {
      this.name = name;
      this.gzip = gzip;
    }

    void open(InputStream stored) throws IOException {
      if (!gzip) {
        in = stored;
        return;
      }
      try {
        in = new GZIPInputStream(stored, CHUNK);
      } catch (ZipException | EOFException e) {
        throw new DataFileException(name, "corrupt gzip header: " + e.getMessage(), e);
      }
    }

    long offset() {
      return offset;
    }

    /** A position in the IDX bytes, saying so when they were decompressed. */
    String at(long position) {
      return (gzip ? "uncompressed offset " : "offset ") + position;
    }

    DataFileException error(String problem) {
      return new DataFileException(name, problem);
    }

    int read(byte[] b, int off, int len) throws IOException {
      int n;
      try {
        n = in.read(b, off, len);
      } catch (ZipException | EOFException e) {
        throw new DataFileException(name, "corrupt or truncated gzip data near uncompressed "
            + "offset " + offset + ": " + e.getMessage(), e);
      }
      if (n > 0) {
        offset += n;
      }
      return n;
    }

    int readByte() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xFF;
    }

    byte[] readFully(int count, String field) throws IOException {
      byte[] b = new byte[count];
      int got = 0;
      long start = offset;
      while (got < count) {
        int n = read(b, got, count - got);
        if (n < 0) {
          throw error("truncated header: the file ends at " + at(offset) + " inside the "
              + field + " (" + count + " bytes from " + at(start) + ")");
        }
        got += n;
      }
      return b;
    }
  }
}
