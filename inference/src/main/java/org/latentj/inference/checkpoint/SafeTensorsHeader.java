package org.latentj.inference.checkpoint;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed and fully checked safetensors header: every tensor entry is well-typed, its shape fits
 * a {@code DMatrixRMaj} and matches its byte range, and the ranges tile the data section exactly.
 * Nothing is allocated for tensor data until all of this holds.
 */
final class SafeTensorsHeader {

  /** Dtypes of the safetensors specification that latentj recognises but does not convert. */
  private static final Set<String> OTHER_DTYPES = Set.of("BOOL", "U8", "I8", "I16", "U16", "I32",
      "U32", "I64", "U64", "F16", "BF16", "F8_E5M2", "F8_E4M3", "F8_E8M0", "F4", "F6_E2M3",
      "F6_E3M2", "C64");

  private static final Set<String> ENTRY_FIELDS = Set.of("dtype", "shape", "data_offsets");

  /** The largest Java array, hence the largest {@code DMatrixRMaj}. */
  private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

  /** One tensor's entry; {@code begin} and {@code end} are offsets into the data section. */
  record Entry(String name, DType dtype, int rows, int cols, long begin, long end) {}

  /** Entries in header order. */
  final List<Entry> entries;
  /** The {@code __metadata__} map, in header order. */
  final Map<String, String> metadata;

  private SafeTensorsHeader(List<Entry> entries, Map<String, String> metadata) {
    this.entries = entries;
    this.metadata = metadata;
  }

  /** Entries ordered by where their data lies. */
  List<Entry> byOffset() {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
    return sorted;
  }

  /**
   * Parses {@code bytes} as the header of {@code file}, whose data section holds
   * {@code dataBytes} bytes.
   */
  static SafeTensorsHeader parse(Path file, byte[] bytes, long dataBytes)
      throws CheckpointFormatException {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new CheckpointFormatException(file, "header is not valid UTF-8", e);
    }
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column "
          + at.getColumnNr();
      throw new CheckpointFormatException(file, "header is not valid JSON: "
          + e.getOriginalMessage() + where, e);
    }
    if (root == null || !root.isObject()) {
      throw new CheckpointFormatException(file, "header is not a JSON object");
    }
    Map<String, String> metadata = Collections.emptyMap();
    List<Entry> entries = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : root.properties()) {
      if (field.getKey().equals(SafeTensors.METADATA_KEY)) {
        metadata = metadata(file, field.getValue());
      } else {
        entries.add(entry(file, field.getKey(), field.getValue(), dataBytes));
      }
    }
    SafeTensorsHeader header = new SafeTensorsHeader(entries, metadata);
    header.checkTiling(file, dataBytes);
    return header;
  }

  private static Map<String, String> metadata(Path file, JsonNode node)
      throws CheckpointFormatException {
    if (!node.isObject()) {
      throw new CheckpointFormatException(file, "__metadata__ is not a JSON object");
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (!e.getValue().isTextual()) {
        throw new CheckpointFormatException(file, "__metadata__ value of " + e.getKey()
            + " is " + e.getValue().getNodeType() + ", but safetensors metadata are strings");
      }
      metadata.put(e.getKey(), e.getValue().textValue());
    }
    return metadata;
  }

  private static Entry entry(Path file, String name, JsonNode node, long dataBytes)
      throws CheckpointFormatException {
    String where = "tensor " + name + ": ";
    if (!node.isObject()) {
      throw new CheckpointFormatException(file, where + "entry is not a JSON object");
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String key = field.getKey();
      if (!ENTRY_FIELDS.contains(key)) {
        throw new CheckpointFormatException(file, where + "unexpected field '" + key
            + "' (expected dtype, shape, data_offsets)");
      }
    }
    DType dtype = dtype(file, where, node.get("dtype"));

    JsonNode shape = node.get("shape");
    if (shape == null || !shape.isArray()) {
      throw new CheckpointFormatException(file, where + "shape is missing or not an array");
    }
    if (shape.size() > 2) {
      throw new CheckpointFormatException(file, where + "shape " + shape + " has "
          + shape.size() + " dimensions; latentj reads tensors of at most 2");
    }
    long[] dims = new long[shape.size()];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = nonNegativeLong(file, where + "shape " + shape, shape.get(i));
      if (dims[i] > MAX_ELEMENTS) {
        throw new CheckpointFormatException(file, where + "shape " + shape
            + " is too large for a Java array");
      }
    }
    int rows = dims.length == 2 ? (int) dims[0] : 1;
    int cols = dims.length == 0 ? 1 : (int) dims[dims.length - 1];
    long elements = (long) rows * cols;
    if (elements > MAX_ELEMENTS) {
      throw new CheckpointFormatException(file, where + "shape " + shape + " holds " + elements
          + " elements, more than a Java array can");
    }

    JsonNode offsets = node.get("data_offsets");
    if (offsets == null || !offsets.isArray() || offsets.size() != 2) {
      throw new CheckpointFormatException(file, where
          + "data_offsets is missing or not an array [begin, end]");
    }
    long begin = nonNegativeLong(file, where + "data_offsets " + offsets, offsets.get(0));
    long end = nonNegativeLong(file, where + "data_offsets " + offsets, offsets.get(1));
    if (begin > end) {
      throw new CheckpointFormatException(file, where + "data_offsets " + offsets
          + " end before they begin");
    }
    if (end > dataBytes) {
      throw new CheckpointFormatException(file, where + "data_offsets " + offsets
          + " reach beyond the data section of " + dataBytes + " bytes (truncated file?)");
    }
    long needed = elements * dtype.bytes();
    if (end - begin != needed) {
      throw new CheckpointFormatException(file, where + "shape " + shape + " of " + dtype
          + " needs " + needed + " bytes but data_offsets " + offsets + " span " + (end - begin));
    }
    return new Entry(name, dtype, rows, cols, begin, end);
  }

  private static DType dtype(Path file, String where, JsonNode node)
      throws CheckpointFormatException {
    if (node == null || !node.isTextual()) {
      throw new CheckpointFormatException(file, where + "dtype is missing or not a string");
    }
    String name = node.textValue();
    for (DType d : DType.values()) {
      if (d.name().equals(name)) {
        return d;
      }
    }
    if (OTHER_DTYPES.contains(name)) {
      throw new CheckpointFormatException(file, where + "dtype " + name
          + " is not supported; latentj reads F64 and F32");
    }
    throw new CheckpointFormatException(file, where + "unknown dtype '" + name + "'");
  }

  private static long nonNegativeLong(Path file, String what, JsonNode node)
      throws CheckpointFormatException {
    if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()
        || node.longValue() < 0) {
      throw new CheckpointFormatException(file, what + ": " + node
          + " is not a non-negative integer");
    }
    return node.longValue();
  }

  /** Checks that the byte ranges follow each other with no gap or overlap and end at the end. */
  private void checkTiling(Path file, long dataBytes) throws CheckpointFormatException {
    long next = 0;
    String previous = null;
    for (Entry e : byOffset()) {
      if (e.begin() < next) {
        throw new CheckpointFormatException(file, "tensors " + previous + " and " + e.name()
            + " overlap: " + previous + " ends at byte " + next + " but " + e.name()
            + " begins at " + e.begin());
      }
      if (e.begin() > next) {
        throw new CheckpointFormatException(file, "bytes [" + next + ", " + e.begin()
            + ") of the data section belong to no tensor (gap before " + e.name() + ")");
      }
      next = e.end();
      previous = e.name();
    }
    if (next != dataBytes) {
      throw new CheckpointFormatException(file, "tensors cover " + next
          + " bytes but the data section holds " + dataBytes
          + " (trailing bytes after the last tensor)");
    }
  }
}
