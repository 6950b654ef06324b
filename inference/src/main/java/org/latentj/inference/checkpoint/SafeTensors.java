package org.latentj.inference.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * Reads and writes the <a href="https://github.com/huggingface/safetensors">safetensors</a>
 * format: an 8-byte little-endian header length {@code N}, {@code N} bytes of UTF-8 JSON naming
 * each tensor's dtype, shape and {@code [begin, end)} byte range in the data section (plus an
 * optional {@code __metadata__} map of strings), then the raw little-endian data in row-major
 * order. {@code DMatrixRMaj} is row-major, so a matrix's {@code data} array is exactly the C-order
 * layout that PyTorch and NumPy expect.
 *
 * <p>Reading checks the whole header before allocating any tensor: the header length against the
 * file size and a {@value #MAX_HEADER_BYTES}-byte limit, well-formed JSON, known
 * dtypes (F64, F32), shapes of at most 2 dimensions that match their byte ranges, and ranges that
 * tile the data section exactly. Every violation is a {@link CheckpointFormatException} naming the
 * file, the tensor and the problem.
 */
public final class SafeTensors {

  /** The reserved header key of the string metadata. */
  public static final String METADATA_KEY = "__metadata__";

  /** The largest header read or written, as in the reference implementation (100 MB). */
  public static final long MAX_HEADER_BYTES = 100_000_000L;

  private static final int CHUNK_BYTES = 1 << 20;

  private SafeTensors() {}

  /**
   * Writes {@code tensors} (Not modified), in their iteration order, and {@code metadata} to
   * {@code file} atomically (see {@link AtomicFiles}).
   */
  public static void write(Path file, Map<String, DMatrixRMaj> tensors,
      Map<String, String> metadata, DType dtype) throws IOException {
    SafeTensorsWriter writer = SafeTensorsWriter.of(tensors, dtype);
    AtomicFiles.write(file, channel -> writer.writeTo(channel, metadata));
  }

  /**
   * Writes {@code tensors} (Not modified), each in the dtype {@code dtypes} gives it
   * ({@link DType#F64} for a name it does not list), as {@link #write(Path, Map, Map, DType)}.
   */
  public static void write(Path file, Map<String, DMatrixRMaj> tensors,
      Map<String, String> metadata, Map<String, DType> dtypes) throws IOException {
    SafeTensorsWriter writer = SafeTensorsWriter.of(tensors, dtypes);
    AtomicFiles.write(file, channel -> writer.writeTo(channel, metadata));
  }

  /** As {@link #write(Path, Map, Map, DType)} in {@link DType#F64}, which is exact. */
  public static void write(Path file, Map<String, DMatrixRMaj> tensors,
      Map<String, String> metadata) throws IOException {
    write(file, tensors, metadata, DType.F64);
  }

  /**
   * Reads {@code file}: tensors in header order as {@code rows x cols} matrices ({@code [n]} as
   * {@code 1 x n}, {@code []} as {@code 1 x 1}), the metadata, and the data section's SHA-256.
   *
   * @throws CheckpointFormatException if the file is not well-formed safetensors of F64/F32
   * @throws IOException if it cannot be read at all
   */
  public static TensorFile read(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size < Long.BYTES) {
        throw new CheckpointFormatException(file, "file holds " + size
            + " bytes, fewer than the 8-byte header length (empty or truncated file)");
      }
      ByteBuffer lengthBytes = ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
      readFully(file, channel, lengthBytes, 0);
      long headerBytes = lengthBytes.flip().getLong();
      // An unsigned length of 2^63 or more reads as negative.
      if (headerBytes < 0 || headerBytes > MAX_HEADER_BYTES) {
        throw new CheckpointFormatException(file, "header length "
            + Long.toUnsignedString(headerBytes) + " exceeds the "
            + MAX_HEADER_BYTES + "-byte limit (not a safetensors file?)");
      }
      if (headerBytes > size - Long.BYTES) {
        throw new CheckpointFormatException(file, "header length " + headerBytes
            + " exceeds the " + (size - Long.BYTES) + " bytes after it (truncated file?)");
      }
      ByteBuffer headerBuffer = ByteBuffer.allocate((int) headerBytes);
      readFully(file, channel, headerBuffer, Long.BYTES);
      long dataStart = Long.BYTES + headerBytes;
      SafeTensorsHeader header =
          SafeTensorsHeader.parse(file, headerBuffer.array(), size - dataStart);
      return readData(file, channel, header, dataStart, size - dataStart);
    }
  }

  /** Reads every tensor's data in file order, hashing the data section on the way. */
  private static TensorFile readData(Path file, FileChannel channel, SafeTensorsHeader header,
      long dataStart, long dataBytes) throws IOException {
    Map<String, DMatrixRMaj> byName = new LinkedHashMap<>();
    Map<String, DType> dtypes = new LinkedHashMap<>();
    for (SafeTensorsHeader.Entry e : header.entries) {
      byName.put(e.name(), null);
      dtypes.put(e.name(), e.dtype());
    }
    MessageDigest digest = Sha256.newDigest();
    // Small files get small buffers; the header check guarantees room for one element.
    int bufferBytes = (int) Math.min(CHUNK_BYTES, dataBytes);
    ByteBuffer buffer = ByteBuffer.allocate(bufferBytes).order(ByteOrder.LITTLE_ENDIAN);
    for (SafeTensorsHeader.Entry e : header.byOffset()) {
      DMatrixRMaj m = new DMatrixRMaj(e.rows(), e.cols());
      int n = m.getNumElements();
      int perChunk = bufferBytes / e.dtype().bytes();
      long position = dataStart + e.begin();
      for (int from = 0; from < n; from += perChunk) {
        int count = Math.min(perChunk, n - from);
        buffer.clear().limit(count * e.dtype().bytes());
        readFully(file, channel, buffer, position);
        position += buffer.limit();
        buffer.flip();
        digest.update(buffer.array(), 0, buffer.limit());
        e.dtype().decode(buffer, m.data, from, count);
      }
      byName.put(e.name(), m);
    }
    return new TensorFile(byName, header.metadata, Sha256.hex(digest), dtypes);
  }

  private static void readFully(Path file, FileChannel channel, ByteBuffer buffer, long position)
      throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      int read = channel.read(buffer, at);
      if (read < 0) {
        throw new CheckpointFormatException(file, "file ended at byte " + at
            + " while reading it (was it truncated while being read?)");
      }
      at += read;
    }
  }
}
