package org.latentj.inference.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * Saves a {@link Checkpoint} as one safetensors file and loads it back, verified.
 *
 * <p>Tensors are named {@code param/<name>} and {@code optim/<name>}; the header's
 * {@code __metadata__} holds {@code latentj.format} ("1"), {@code latentj.epoch},
 * {@code latentj.step}, {@code latentj.examples}, {@code latentj.rng} (base64 of the generator
 * state), {@code latentj.provenance} and {@code latentj.optimizer} (JSON texts), and
 * {@code latentj.sha256}, the SHA-256 of the data section, computed before the header is written
 * and checked on load. A PyTorch user reads the parameters with
 * {@code safetensors.torch.load_file(path)} and the keys starting with {@code param/}.
 *
 * <p>Saving is atomic ({@link AtomicFiles}): a crash or error leaves the previous file intact.
 * {@link DType#F64} (the default) is exact; {@link DType#F32} halves the file but rounds every
 * value, so a run resumed from it is no longer bit-for-bit the same.
 */
public final class CheckpointStore {

  /** The checkpoint format this version writes and the newest it reads. */
  public static final int FORMAT = 1;

  static final String PARAM = "param/";
  static final String OPTIM = "optim/";
  static final String KEY_FORMAT = "latentj.format";
  static final String KEY_EPOCH = "latentj.epoch";
  static final String KEY_STEP = "latentj.step";
  static final String KEY_EXAMPLES = "latentj.examples";
  static final String KEY_RNG = "latentj.rng";
  static final String KEY_PROVENANCE = "latentj.provenance";
  static final String KEY_OPTIMIZER = "latentj.optimizer";
  static final String KEY_SHA256 = "latentj.sha256";

  private CheckpointStore() {}

  /**
   * Saves {@code checkpoint} to {@code file} exactly: each tensor in its own dtype
   * ({@link Checkpoint#dtypes()}), so float64 tensors as {@link DType#F64} and float32 ones as
   * {@link DType#F32}.
   */
  public static void save(Path file, Checkpoint checkpoint) throws IOException {
    save(file, checkpoint, null);
  }

  /**
   * Saves {@code checkpoint} to {@code file} with every tensor stored as {@code dtype} (null:
   * each in its own, as {@link #save(Path, Checkpoint)}).
   */
  public static void save(Path file, Checkpoint checkpoint, DType dtype) throws IOException {
    Map<String, DMatrixRMaj> tensors = new LinkedHashMap<>();
    checkpoint.parameters().forEach((name, m) -> tensors.put(PARAM + name, m));
    checkpoint.optimizerTensors().forEach((name, m) -> tensors.put(OPTIM + name, m));
    SafeTensorsWriter writer = dtype == null
        ? SafeTensorsWriter.of(tensors, checkpoint.dtypes())
        : SafeTensorsWriter.of(tensors, dtype);

    TrainingPosition at = checkpoint.position();
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put(KEY_FORMAT, Integer.toString(FORMAT));
    metadata.put(KEY_EPOCH, Long.toString(at.epoch()));
    metadata.put(KEY_STEP, Long.toString(at.step()));
    metadata.put(KEY_EXAMPLES, Long.toString(at.examplesSeen()));
    metadata.put(KEY_RNG, Base64.getEncoder().encodeToString(checkpoint.rngState()));
    metadata.put(KEY_PROVENANCE, checkpoint.provenance().toJson());
    metadata.put(KEY_OPTIMIZER, Checkpoint.scalarsToJson(checkpoint.optimizerScalars()));
    metadata.put(KEY_SHA256, writer.dataSha256());
    AtomicFiles.write(file, channel -> writer.writeTo(channel, metadata));
  }

  /**
   * Loads and verifies the checkpoint in {@code file}.
   *
   * @throws CheckpointFormatException if the file is not a well-formed safetensors file, lacks a
   *     latentj metadata key, was written by a newer format, fails its checksum ("the file is
   *     damaged"), or holds tensors outside {@code param/} and {@code optim/}
   * @throws IOException if it cannot be read
   */
  public static Checkpoint load(Path file) throws IOException {
    TensorFile contents = SafeTensors.read(file);
    Map<String, String> meta = contents.metadata();

    String format = require(file, meta, KEY_FORMAT);
    long version = parseCount(file, KEY_FORMAT, format);
    if (version > FORMAT) {
      throw new CheckpointFormatException(file, "written by a newer latentj (format " + format
          + "); this version reads format " + FORMAT);
    }
    if (version < 1) {
      throw new CheckpointFormatException(file, KEY_FORMAT + " is " + format
          + "; formats start at 1");
    }

    String expected = require(file, meta, KEY_SHA256);
    if (!expected.equalsIgnoreCase(contents.dataSha256())) {
      throw new CheckpointFormatException(file, "checksum mismatch: the file is damaged (the "
          + "header records SHA-256 " + expected + ", the data hashes to "
          + contents.dataSha256() + ")");
    }

    Map<String, DMatrixRMaj> parameters = new LinkedHashMap<>();
    Map<String, DMatrixRMaj> optimizer = new LinkedHashMap<>();
    Map<String, DType> dtypes = new LinkedHashMap<>();
    contents.dtypes().forEach((name, d) -> {
      if (d != DType.F64) {
        dtypes.put(name, d);
      }
    });
    for (Map.Entry<String, DMatrixRMaj> e : contents.tensors().entrySet()) {
      String name = e.getKey();
      if (name.startsWith(PARAM) && name.length() > PARAM.length()) {
        parameters.put(name.substring(PARAM.length()), e.getValue());
      } else if (name.startsWith(OPTIM) && name.length() > OPTIM.length()) {
        optimizer.put(name.substring(OPTIM.length()), e.getValue());
      } else {
        throw new CheckpointFormatException(file, "tensor " + name
            + " is neither param/<name> nor optim/<name>");
      }
    }

    TrainingPosition position = new TrainingPosition(
        parseCount(file, KEY_EPOCH, require(file, meta, KEY_EPOCH)),
        parseCount(file, KEY_STEP, require(file, meta, KEY_STEP)),
        parseCount(file, KEY_EXAMPLES, require(file, meta, KEY_EXAMPLES)));

    byte[] rng;
    try {
      rng = Base64.getDecoder().decode(require(file, meta, KEY_RNG));
    } catch (IllegalArgumentException e) {
      throw new CheckpointFormatException(file, KEY_RNG + " is not base64: " + e.getMessage(), e);
    }
    if (rng.length == 0) {
      throw new CheckpointFormatException(file, KEY_RNG + " is empty");
    }

    Provenance provenance;
    try {
      provenance = Provenance.fromJson(require(file, meta, KEY_PROVENANCE));
    } catch (IllegalArgumentException e) {
      throw new CheckpointFormatException(file, KEY_PROVENANCE + ": " + e.getMessage(), e);
    }

    Map<String, Object> scalars;
    try {
      scalars = Checkpoint.scalarsFromJson(require(file, meta, KEY_OPTIMIZER));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new CheckpointFormatException(file, KEY_OPTIMIZER + " is not a JSON object: "
          + e.getMessage(), e);
    }
    return new Checkpoint(parameters, optimizer, dtypes, scalars, rng, position, provenance);
  }

  private static String require(Path file, Map<String, String> meta, String key)
      throws CheckpointFormatException {
    String value = meta.get(key);
    if (value == null) {
      throw new CheckpointFormatException(file, "missing metadata key " + key
          + " (not a latentj checkpoint, or a damaged one)");
    }
    return value;
  }

  private static long parseCount(Path file, String key, String value)
      throws CheckpointFormatException {
    try {
      long n = Long.parseLong(value);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // Reported below with the key.
    }
    throw new CheckpointFormatException(file, key + " is '" + value
        + "', expected a non-negative integer");
  }
}
