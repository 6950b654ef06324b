package org.latentj.inference.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.RandomProviderState;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;
import org.ejml.data.DMatrixRMaj;
import org.latentj.nn.Module;
import org.latentj.nn.Parameter;
import org.latentj.tensor.Tensor;

/**
 * Everything a training run needs to continue bit-for-bit: model parameters by dotted path
 * ({@code encoder.layer0.weight}), optimizer tensors ({@code adam.m.encoder.layer0.weight}) and
 * scalars ({@code {"adam.step": 1200}}), the random generator's state, the position in training,
 * and the run's {@link Provenance}.
 *
 * <p>A checkpoint is a snapshot: the builder copies every matrix, so later training does not
 * change it. The matrices it returns are its own; callers must not modify them. Optimizer
 * scalars are held as JSON values (maps, lists, strings, numbers, booleans), so a loaded
 * checkpoint equals the saved one; read numbers as {@link Number} ({@code longValue()}).
 *
 * <p>Each tensor keeps its dtype ({@link #dtypes()}): a float32 parameter or optimizer buffer is
 * held widened to float64 (exactly) and marked {@link DType#F32}, so the file stores it as F32
 * and loading rounds nothing; a float64 one is {@link DType#F64}, as before.
 */
public final class Checkpoint {

  private final Map<String, DMatrixRMaj> parameters;
  private final Map<String, DMatrixRMaj> optimizerTensors;
  /** By stored name ({@code param/<name>}, {@code optim/<name>}); F64 where absent. */
  private final Map<String, DType> dtypes;
  private final Map<String, Object> optimizerScalars;
  private final byte[] rngState;
  private final TrainingPosition position;
  private final Provenance provenance;
  private final byte[] epochStartRngState;
  private final String optimizerDamage;

  /** Takes ownership of its arguments; only the builder and the loader call it. */
  Checkpoint(Map<String, DMatrixRMaj> parameters, Map<String, DMatrixRMaj> optimizerTensors,
      Map<String, DType> dtypes, Map<String, Object> optimizerScalars, byte[] rngState,
      TrainingPosition position, Provenance provenance) {
    this(parameters, optimizerTensors, dtypes, optimizerScalars, rngState, position, provenance,
        null, null);
  }

  /**
   * As above, with the generator state at the start of an unfinished epoch (null at an epoch's
   * end) and what damaged the optimizer section (null if it is whole).
   */
  Checkpoint(Map<String, DMatrixRMaj> parameters, Map<String, DMatrixRMaj> optimizerTensors,
      Map<String, DType> dtypes, Map<String, Object> optimizerScalars, byte[] rngState,
      TrainingPosition position, Provenance provenance, byte[] epochStartRngState,
      String optimizerDamage) {
    if (position.insideEpoch() && epochStartRngState == null) {
      throw new IllegalArgumentException("Checkpoint: " + position + " is inside an epoch, "
          + "which needs the generator state at the epoch's start");
    }
    this.parameters = Collections.unmodifiableMap(parameters);
    this.optimizerTensors = Collections.unmodifiableMap(optimizerTensors);
    this.dtypes = Collections.unmodifiableMap(dtypes);
    this.optimizerScalars = Collections.unmodifiableMap(optimizerScalars);
    this.rngState = rngState;
    this.position = position;
    this.provenance = provenance;
    this.epochStartRngState = epochStartRngState;
    this.optimizerDamage = optimizerDamage;
  }

  /**
   * The generator's state (a copy) when the unfinished epoch began, which replays its shuffle,
   * or null when the checkpoint is at an epoch's end.
   */
  public byte[] epochStartRngState() {
    return epochStartRngState == null ? null : epochStartRngState.clone();
  }

  /**
   * Why the optimizer section cannot be trusted (e.g. "checksum mismatch in optim/..."), or null
   * when it is whole. Only {@link CheckpointStore#loadForReading} returns checkpoints with a
   * damaged optimizer section; their parameters are verified and their optimizer state empty.
   */
  public String optimizerDamage() {
    return optimizerDamage;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Parameter values by dotted path, in model order (Not to be modified). */
  public Map<String, DMatrixRMaj> parameters() {
    return parameters;
  }

  /** Optimizer tensors by name, e.g. Adam's moments (Not to be modified). */
  public Map<String, DMatrixRMaj> optimizerTensors() {
    return optimizerTensors;
  }

  /**
   * The stored dtype of every tensor that is not {@link DType#F64}, by its name in the file:
   * {@code param/<name>} for a parameter, {@code optim/<name>} for an optimizer tensor.
   */
  public Map<String, DType> dtypes() {
    return dtypes;
  }

  /** The dtype parameter {@code name} was saved in ({@link DType#F64} unless marked). */
  public DType parameterDtype(String name) {
    return dtypes.getOrDefault(CheckpointStore.PARAM + name, DType.F64);
  }

  /** Optimizer scalars by name, e.g. the step count, as JSON values. */
  public Map<String, Object> optimizerScalars() {
    return optimizerScalars;
  }

  /** The generator's saved state (a copy), as {@code RandomProviderDefaultState.getState()}. */
  public byte[] rngState() {
    return rngState.clone();
  }

  /**
   * Sets {@code rng} (Modified) to the saved state, so it continues the saved stream; it must be
   * of the algorithm that was saved ({@link org.latentj.tensor.Rngs#SOURCE} for latentj's).
   */
  public void restoreRng(RestorableUniformRandomProvider rng) {
    try {
      rng.restoreState(new RandomProviderDefaultState(rngState.clone()));
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new IllegalArgumentException("Checkpoint: the saved generator state ("
          + rngState.length + " bytes) does not fit " + rng + "; was it saved from another "
          + "algorithm?", e);
    }
  }

  public TrainingPosition position() {
    return position;
  }

  public Provenance provenance() {
    return provenance;
  }

  /**
   * Checks that the parameters are those of the model whose shapes are given (by dotted path;
   * only each matrix's shape is read).
   *
   * @throws IllegalArgumentException listing every parameter that is missing, extra or of
   *     another shape, e.g. "checkpoint belongs to another model: encoder.layer0.weight is
   *     784x400 here but 784x200 in the file"
   */
  public void requireCompatible(Map<String, DMatrixRMaj> expectedParameterShapes) {
    Map<String, int[]> shapes = new LinkedHashMap<>();
    expectedParameterShapes.forEach((name, m) -> shapes.put(name, new int[] {m.numRows,
        m.numCols}));
    requireShapes(shapes);
  }

  /** As {@link #requireCompatible(Map)} for the parameters of {@code model}. */
  public void requireCompatible(Module model) {
    requireCompatibleParameters(model.parameters());
  }

  /** As {@link #requireCompatible(Map)} for {@code parameters} (by dotted path), of any dtype. */
  public void requireCompatibleParameters(Map<String, Parameter> parameters) {
    Map<String, int[]> shapes = new LinkedHashMap<>();
    parameters.forEach((name, p) -> shapes.put(name, new int[] {p.rows(), p.cols()}));
    requireShapes(shapes);
  }

  private void requireShapes(Map<String, int[]> expected) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, int[]> e : expected.entrySet()) {
      int[] here = e.getValue();
      DMatrixRMaj saved = parameters.get(e.getKey());
      if (saved == null) {
        problems.add(e.getKey() + " (" + shape(here) + ") is missing from the file");
      } else if (saved.numRows != here[0] || saved.numCols != here[1]) {
        problems.add(e.getKey() + " is " + shape(here) + " here but " + shape(saved)
            + " in the file");
      }
    }
    for (Map.Entry<String, DMatrixRMaj> e : parameters.entrySet()) {
      if (!expected.containsKey(e.getKey())) {
        problems.add(e.getKey() + " (" + shape(e.getValue())
            + ") is in the file but not in this model");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("checkpoint belongs to another model: "
          + String.join("; ", problems));
    }
  }

  /**
   * Copies the saved parameters into {@code model}'s live values (Modified), after checking with
   * {@link #requireCompatible(Module)}; a float32 parameter gets its saved value rounded to
   * float32 (exact when it was saved from float32).
   */
  public void copyParametersInto(Module model) {
    requireCompatible(model);
    copyParametersInto(model.parameters());
  }

  /**
   * Copies the saved value of each of {@code parameters} (by dotted path, all present in this
   * checkpoint with their shapes) into it, in its own dtype.
   */
  public void copyParametersInto(Map<String, Parameter> parameters) {
    for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
      Parameter p = e.getValue();
      DMatrixRMaj saved = this.parameters.get(e.getKey());
      if (p.dtype() == org.latentj.tensor.DType.FLOAT64) {
        p.value().setTo(saved);
      } else {
        p.valueF().setTo(Tensor.constant(saved, p.dtype()).valueF());
      }
    }
  }

  private static String shape(DMatrixRMaj m) {
    return m.numRows + "x" + m.numCols;
  }

  private static String shape(int[] s) {
    return s[0] + "x" + s[1];
  }

  @Override
  public String toString() {
    return "Checkpoint[" + parameters.size() + " parameters, " + optimizerTensors.size()
        + " optimizer tensors, " + optimizerScalars + ", " + position + ", " + provenance + "]";
  }

  /**
   * Normalises optimizer scalars through their JSON text, so in-memory and loaded checkpoints
   * hold the same Java types.
   */
  static Map<String, Object> scalarsFromJson(String text) throws JsonProcessingException {
    Map<String, Object> map =
        Json.MAPPER.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() {});
    if (map == null) {
      throw new IllegalArgumentException("optimizer scalars are null, expected a JSON object");
    }
    return map;
  }

  static String scalarsToJson(Map<String, Object> scalars) {
    try {
      return Json.MAPPER.writeValueAsString(scalars);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Checkpoint: optimizer scalars " + scalars
          + " cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Collects and copies the parts of a {@link Checkpoint}. */
  public static final class Builder {

    private final Map<String, DMatrixRMaj> parameters = new LinkedHashMap<>();
    private final Map<String, DMatrixRMaj> optimizerTensors = new LinkedHashMap<>();
    private final Map<String, DType> dtypes = new LinkedHashMap<>();
    private final Map<String, Object> optimizerScalars = new LinkedHashMap<>();
    private byte[] rngState;
    private TrainingPosition position;
    private Provenance provenance;
    private byte[] epochStartRngState;

    private Builder() {}

    /** Sets the generator state (copied) at the start of the unfinished epoch, if any. */
    public Builder epochStartRngState(byte[] state) {
      this.epochStartRngState = state == null ? null : state.clone();
      return this;
    }

    /** Adds a copy of one parameter's value under its dotted path. */
    public Builder parameter(String name, DMatrixRMaj value) {
      put(parameters, "parameter", name, value);
      return this;
    }

    /**
     * Adds a copy of one parameter's value under {@code name}, to be stored as {@code dtype}
     * ({@link DType#F32}: the value should already be float32-representable, e.g. widened from
     * a float32 parameter, or it is rounded when written).
     */
    public Builder parameter(String name, DMatrixRMaj value, DType dtype) {
      put(parameters, "parameter", name, value);
      mark(CheckpointStore.PARAM + name, dtype);
      return this;
    }

    /** Adds a copy of {@code p}'s value under {@code name}, in {@code p}'s dtype. */
    public Builder parameter(String name, Parameter p) {
      return p.dtype() == org.latentj.tensor.DType.FLOAT64
          ? parameter(name, p.value())
          : parameter(name, p.tensor().to(org.latentj.tensor.DType.FLOAT64).value(), DType.F32);
    }

    /** Adds copies of all {@code model}'s parameters under their dotted paths, each in its dtype. */
    public Builder parameters(Module model) {
      for (Map.Entry<String, Parameter> e : model.parameters().entrySet()) {
        parameter(e.getKey(), e.getValue());
      }
      return this;
    }

    /** Adds a copy of one optimizer tensor, e.g. {@code adam.m.encoder.layer0.weight}. */
    public Builder optimizerTensor(String name, DMatrixRMaj value) {
      put(optimizerTensors, "optimizer tensor", name, value);
      return this;
    }

    /** As {@link #optimizerTensor(String, DMatrixRMaj)}, to be stored as {@code dtype}. */
    public Builder optimizerTensor(String name, DMatrixRMaj value, DType dtype) {
      put(optimizerTensors, "optimizer tensor", name, value);
      mark(CheckpointStore.OPTIM + name, dtype);
      return this;
    }

    private void mark(String storedName, DType dtype) {
      if (dtype == null) {
        throw new IllegalArgumentException("Checkpoint: dtype of " + storedName + " is null");
      }
      if (dtype != DType.F64) {
        dtypes.put(storedName, dtype);
      }
    }

    /** Sets one optimizer scalar (a number, string, boolean, list or map). */
    public Builder optimizerScalar(String name, Object value) {
      requireName("optimizer scalar", name, optimizerScalars);
      optimizerScalars.put(name, value);
      return this;
    }

    /** Saves the state of {@code rng} (Not modified) as it is now. */
    public Builder rng(RestorableUniformRandomProvider rng) {
      RandomProviderState state = rng.saveState();
      if (!(state instanceof RandomProviderDefaultState)) {
        throw new IllegalArgumentException("Checkpoint: " + rng + " saves a "
            + state.getClass().getName() + ", not a RandomProviderDefaultState");
      }
      return rngState(((RandomProviderDefaultState) state).getState());
    }

    /** Sets the generator state bytes (copied). */
    public Builder rngState(byte[] state) {
      if (state == null || state.length == 0) {
        throw new IllegalArgumentException("Checkpoint: rngState is empty");
      }
      this.rngState = state.clone();
      return this;
    }

    public Builder position(TrainingPosition position) {
      this.position = position;
      return this;
    }

    public Builder position(long epoch, long step, long examplesSeen) {
      return position(new TrainingPosition(epoch, step, examplesSeen));
    }

    public Builder provenance(Provenance provenance) {
      this.provenance = provenance;
      return this;
    }

    /**
     * The checkpoint.
     *
     * @throws IllegalArgumentException if the generator state, position or provenance is unset,
     *     or an optimizer scalar cannot be written as JSON
     */
    public Checkpoint build() {
      if (rngState == null || position == null || provenance == null) {
        throw new IllegalArgumentException("Checkpoint: rngState " + (rngState != null)
            + ", position " + position + ", provenance " + (provenance != null)
            + ": all three must be set");
      }
      Map<String, Object> scalars;
      try {
        scalars = scalarsFromJson(scalarsToJson(optimizerScalars));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("Checkpoint: JSON written by Jackson failed to parse", e);
      }
      return new Checkpoint(new LinkedHashMap<>(parameters),
          new LinkedHashMap<>(optimizerTensors), new LinkedHashMap<>(dtypes), scalars,
          rngState.clone(), position, provenance, epochStartRngState, null);
    }

    private static void put(Map<String, DMatrixRMaj> into, String what, String name,
        DMatrixRMaj value) {
      requireName(what, name, into);
      if (value == null) {
        throw new IllegalArgumentException("Checkpoint: " + what + " " + name + " is null");
      }
      DMatrixRMaj copy = new DMatrixRMaj(value.numRows, value.numCols);
      System.arraycopy(value.data, 0, copy.data, 0, value.getNumElements());
      into.put(name, copy);
    }

    private static void requireName(String what, String name, Map<String, ?> into) {
      if (name == null || name.isEmpty()) {
        throw new IllegalArgumentException("Checkpoint: " + what + " name is empty");
      }
      if (into.containsKey(name)) {
        throw new IllegalArgumentException("Checkpoint: " + what + " " + name
            + " is given twice");
      }
    }
  }
}
