package org.latentj.inference.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * A safetensors file laid out but not yet written. The data section is fixed at construction, so
 * its SHA-256 can be computed first and stored in the header's metadata, which is how checkpoints
 * carry a checksum of their own data.
 *
 * <p>Layout: an 8-byte little-endian header length {@code N}; {@code N} bytes of UTF-8 JSON
 * {@code {"__metadata__": {...}, "name": {"dtype", "shape": [rows, cols], "data_offsets":
 * [begin, end]}, ...}} padded with spaces to a multiple of 8; then every tensor's elements in
 * row-major (C) order, little-endian, back to back in insertion order, with offsets counted from
 * the start of the data section.
 *
 * <p>The matrices are referenced, not copied: they must not change until {@link #writeTo} has
 * returned.
 */
public final class SafeTensorsWriter {

  private static final int CHUNK_BYTES = 1 << 20;

  private final List<String> names;
  private final List<DMatrixRMaj> matrices;
  private final List<DType> dtypes;
  private final long dataBytes;

  private SafeTensorsWriter(List<String> names, List<DMatrixRMaj> matrices, List<DType> dtypes) {
    this.names = names;
    this.matrices = matrices;
    this.dtypes = dtypes;
    long total = 0;
    for (int t = 0; t < matrices.size(); t++) {
      total += (long) matrices.get(t).getNumElements() * dtypes.get(t).bytes();
    }
    this.dataBytes = total;
  }

  /**
   * Lays out {@code tensors} (Not modified) in their iteration order, stored as {@code dtype}.
   *
   * @throws IllegalArgumentException if a name is empty or {@code __metadata__}, or a matrix is
   *     null
   */
  public static SafeTensorsWriter of(Map<String, DMatrixRMaj> tensors, DType dtype) {
    if (dtype == null) {
      throw new IllegalArgumentException("SafeTensorsWriter: dtype is null");
    }
    return of(tensors, name -> dtype);
  }

  /**
   * Lays out {@code tensors} (Not modified) in their iteration order, each stored as the dtype
   * {@code dtypes} gives its name, or {@link DType#F64} for a name it does not list.
   *
   * @throws IllegalArgumentException as {@link #of(Map, DType)}
   */
  public static SafeTensorsWriter of(Map<String, DMatrixRMaj> tensors, Map<String, DType> dtypes) {
    return of(tensors, name -> dtypes.getOrDefault(name, DType.F64));
  }

  private static SafeTensorsWriter of(Map<String, DMatrixRMaj> tensors,
      java.util.function.Function<String, DType> dtypeOf) {
    List<String> names = new ArrayList<>(tensors.size());
    List<DMatrixRMaj> matrices = new ArrayList<>(tensors.size());
    List<DType> dtypes = new ArrayList<>(tensors.size());
    for (Map.Entry<String, DMatrixRMaj> e : tensors.entrySet()) {
      String name = e.getKey();
      if (name == null || name.isEmpty() || name.equals(SafeTensors.METADATA_KEY)) {
        throw new IllegalArgumentException("SafeTensorsWriter: tensor name '" + name
            + "' is not allowed (empty or reserved)");
      }
      if (e.getValue() == null) {
        throw new IllegalArgumentException("SafeTensorsWriter: tensor " + name + " is null");
      }
      names.add(name);
      matrices.add(e.getValue());
      dtypes.add(dtypeOf.apply(name));
    }
    return new SafeTensorsWriter(names, matrices, dtypes);
  }

  /** Size of the data section in bytes. */
  public long dataBytes() {
    return dataBytes;
  }

  /** SHA-256 (lower-case hex) of the data section exactly as {@link #writeTo} will write it. */
  public String dataSha256() {
    MessageDigest digest = Sha256.newDigest();
    ByteBuffer buffer = chunkBuffer();
    for (int t = 0; t < matrices.size(); t++) {
      DMatrixRMaj m = matrices.get(t);
      for (int from = 0; from < m.getNumElements(); ) {
        from += encodeChunk(m, dtypes.get(t), from, buffer);
        digest.update(buffer);
      }
    }
    return Sha256.hex(digest);
  }

  /**
   * Writes the whole file to {@code out} (Modified) with {@code metadata} (Not modified) as the
   * header's {@code __metadata__}, omitted when empty.
   */
  public void writeTo(WritableByteChannel out, Map<String, String> metadata) throws IOException {
    byte[] header = header(metadata);
    ByteBuffer buffer = chunkBuffer();
    buffer.putLong(header.length);
    buffer.flip();
    writeFully(out, buffer);
    writeFully(out, ByteBuffer.wrap(header));
    for (int t = 0; t < matrices.size(); t++) {
      DMatrixRMaj m = matrices.get(t);
      for (int from = 0; from < m.getNumElements(); ) {
        from += encodeChunk(m, dtypes.get(t), from, buffer);
        writeFully(out, buffer);
      }
    }
  }

  /** The JSON header padded with spaces to a multiple of 8 bytes. */
  private byte[] header(Map<String, String> metadata) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    if (!metadata.isEmpty()) {
      ObjectNode meta = root.putObject(SafeTensors.METADATA_KEY);
      for (Map.Entry<String, String> e : metadata.entrySet()) {
        if (e.getKey() == null || e.getValue() == null) {
          throw new IllegalArgumentException("SafeTensorsWriter: metadata " + e.getKey() + " = "
              + e.getValue() + " has a null key or value");
        }
        meta.put(e.getKey(), e.getValue());
      }
    }
    long offset = 0;
    for (int t = 0; t < names.size(); t++) {
      DMatrixRMaj m = matrices.get(t);
      DType dtype = dtypes.get(t);
      long end = offset + (long) m.getNumElements() * dtype.bytes();
      ObjectNode entry = root.putObject(names.get(t));
      entry.put("dtype", dtype.name());
      ArrayNode shape = entry.putArray("shape");
      shape.add(m.numRows).add(m.numCols);
      entry.putArray("data_offsets").add(offset).add(end);
      offset = end;
    }
    byte[] json;
    try {
      json = Json.MAPPER.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("SafeTensorsWriter: cannot serialise the header", e);
    }
    if (json.length > SafeTensors.MAX_HEADER_BYTES - 7) {
      throw new IllegalArgumentException("SafeTensorsWriter: header of " + json.length
          + " bytes exceeds the " + SafeTensors.MAX_HEADER_BYTES
          + "-byte limit of safetensors readers");
    }
    int padded = (json.length + 7) & ~7;
    byte[] header = Arrays.copyOf(json, padded);
    Arrays.fill(header, json.length, padded, (byte) ' ');
    return header;
  }

  /**
   * Encodes elements of {@code m} from {@code from} as {@code dtype} into {@code buffer}
   * (Modified: cleared, filled with at most one chunk, flipped) and returns how many it took.
   */
  private static int encodeChunk(DMatrixRMaj m, DType dtype, int from, ByteBuffer buffer) {
    int count = Math.min(buffer.capacity() / dtype.bytes(), m.getNumElements() - from);
    buffer.clear();
    dtype.encode(m.data, from, count, buffer);
    buffer.flip();
    return count;
  }

  /** A buffer for one chunk, no larger than the data (but room for the header length). */
  private ByteBuffer chunkBuffer() {
    int bytes = (int) Math.max(Long.BYTES, Math.min(CHUNK_BYTES, dataBytes));
    return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static void writeFully(WritableByteChannel out, ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      out.write(b);
    }
  }
}
