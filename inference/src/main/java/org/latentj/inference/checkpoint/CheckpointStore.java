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
 * and checked on load. Later files add {@code latentj.batch} and {@code latentj.rng.epoch} (the
 * minibatches done of an unfinished epoch and the generator state at its start; absent means an
 * epoch's end) and {@code latentj.sha256.param}, the SHA-256 of the parameters alone (as float64
 * values in file order), which tells a damaged optimizer section from damaged parameters. A PyTorch user reads the parameters with
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
  static final String KEY_BATCH = "latentj.batch";
  static final String KEY_EPOCH_RNG = "latentj.rng.epoch";
  static final String KEY_SHA256_PARAM = "latentj.sha256.param";

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
    metadata.put(KEY_SHA256_PARAM, parameterSha256(checkpoint.parameters(), dtype));
    if (at.insideEpoch()) {
      metadata.put(KEY_BATCH, Long.toString(at.batchesIntoEpoch()));
      metadata.put(KEY_EPOCH_RNG,
          Base64.getEncoder().encodeToString(checkpoint.epochStartRngState()));
    }
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
    return load(file, false);
  }

  /**
   * As {@link #load(Path)}, for commands that only read the parameters: a file whose
   * parameters are verified whole but whose optimizer section is damaged loads, with
   * {@link Checkpoint#optimizerDamage()} saying what is wrong and no optimizer state.
   */
  public static Checkpoint loadForReading(Path file) throws IOException {
    return load(file, true);
  }

  private static Checkpoint load(Path file, boolean tolerateOptimizerDamage)
      throws IOException {
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

    String damage = checkSums(file, meta, contents, parameters);
    if (damage != null && !tolerateOptimizerDamage) {
      throw new CheckpointFormatException(file, damage);
    }

    TrainingPosition position = new TrainingPosition(
        parseCount(file, KEY_EPOCH, require(file, meta, KEY_EPOCH)),
        parseCount(file, KEY_STEP, require(file, meta, KEY_STEP)),
        parseCount(file, KEY_EXAMPLES, require(file, meta, KEY_EXAMPLES)),
        meta.containsKey(KEY_BATCH) ? parseCount(file, KEY_BATCH, meta.get(KEY_BATCH)) : 0);

    byte[] rng = base64(file, KEY_RNG, require(file, meta, KEY_RNG));
    byte[] epochRng = position.insideEpoch()
        ? base64(file, KEY_EPOCH_RNG, require(file, meta, KEY_EPOCH_RNG)) : null;

    Provenance provenance;
    try {
      provenance = Provenance.fromJson(require(file, meta, KEY_PROVENANCE));
    } catch (IllegalArgumentException e) {
      throw new CheckpointFormatException(file, KEY_PROVENANCE + ": " + e.getMessage(), e);
    }

    Map<String, Object> scalars = Map.of();
    try {
      scalars = Checkpoint.scalarsFromJson(require(file, meta, KEY_OPTIMIZER));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      String problem = KEY_OPTIMIZER + " is not a JSON object: " + e.getMessage();
      if (!tolerateOptimizerDamage) {
        throw new CheckpointFormatException(file, problem, e);
      }
      damage = damage != null ? damage : "the optimizer section is damaged: " + problem;
    }
    if (damage != null) {
      return new Checkpoint(parameters, new LinkedHashMap<>(), dtypes, new LinkedHashMap<>(),
          rng, position, provenance, epochRng, damage);
    }
    return new Checkpoint(parameters, optimizer, dtypes, scalars, rng, position, provenance,
        epochRng, null);
  }

  /**
   * Null when the data section's checksum holds; a message naming the damaged part when only
   * the optimizer tensors are damaged (the parameters' own checksum holds).
   *
   * @throws CheckpointFormatException when the parameters are damaged, or the file cannot tell
   */
  private static String checkSums(Path file, Map<String, String> meta, TensorFile contents,
      Map<String, DMatrixRMaj> parameters) throws CheckpointFormatException {
    String expected = require(file, meta, KEY_SHA256);
    if (expected.equalsIgnoreCase(contents.dataSha256())) {
      return null;
    }
    String mismatch = "checksum mismatch: the file is damaged (the header records SHA-256 "
        + expected + ", the data hashes to " + contents.dataSha256() + ")";
    String paramSum = meta.get(KEY_SHA256_PARAM);
    if (paramSum == null) {
      throw new CheckpointFormatException(file, mismatch);
    }
    if (!paramSum.equalsIgnoreCase(parameterSha256(parameters, DType.F64))) {
      throw new CheckpointFormatException(file, mismatch + "; the damage is in the parameters "
          + "(param/...), so the file cannot be used");
    }
    return mismatch + "; the damage is in the optimizer section (optim/...): the parameters are"
        + " whole, so the model can be read, but training cannot continue from this file";
  }

  /** SHA-256 of the parameters as float64 in order, after rounding to {@code dtype}. */
  private static String parameterSha256(Map<String, DMatrixRMaj> parameters, DType dtype) {
    Map<String, DMatrixRMaj> stored = new LinkedHashMap<>();
    for (Map.Entry<String, DMatrixRMaj> e : parameters.entrySet()) {
      DMatrixRMaj m = e.getValue();
      if (dtype == DType.F32) {
        m = m.copy();
        for (int i = 0; i < m.getNumElements(); i++) {
          m.data[i] = (float) m.data[i];
        }
      }
      stored.put(PARAM + e.getKey(), m);
    }
    return SafeTensorsWriter.of(stored, DType.F64).dataSha256();
  }

  private static byte[] base64(Path file, String key, String value)
      throws CheckpointFormatException {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      throw new CheckpointFormatException(file, key + " is not base64: " + e.getMessage(), e);
    }
    if (bytes.length == 0) {
      throw new CheckpointFormatException(file, key + " is empty");
    }
    return bytes;
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
