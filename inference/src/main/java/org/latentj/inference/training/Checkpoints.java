package org.latentj.inference.training;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.latentj.inference.checkpoint.Checkpoint;
import org.latentj.inference.checkpoint.DType;
import org.latentj.inference.checkpoint.Provenance;
import org.latentj.inference.checkpoint.TrainingPosition;
import org.latentj.model.Optimizer;
import org.latentj.nn.Parameter;
import org.latentj.tensor.Rngs;

/**
 * The round trip between a live run and a {@link Checkpoint}: {@link #capture} snapshots an
 * {@link Svi}'s parameters (named as in {@link Svi#parameters()}, e.g.
 * {@code guide.encoder.network.layer0.weight}) and buffers (e.g. a batch norm's running
 * statistics, {@link Svi#buffers()}, saved beside the parameters under their own names), its optimizer's {@link Optimizer#state()} and
 * {@link Optimizer#scalarState()}, the run's generator and its position; {@link #restore} puts
 * them back into an {@code Svi} built from the same settings, after which
 * {@link Trainer#resume} continues the run bit-for-bit (the generator drives every shuffle and
 * sample, and each epoch's order depends only on its state).
 *
 * <p>A run stopped inside an epoch ({@link TrainingState#requestStopNow}) is captured with the
 * minibatches it has done of that epoch and the generator state at the epoch's start, from which
 * {@link Trainer#resume(TrainingPosition, byte[], int, RestorableUniformRandomProvider)} replays
 * the epoch's shuffle and continues with the next minibatch, bit-for-bit.
 */
public final class Checkpoints {

  private Checkpoints() {}

  /**
   * A snapshot of the run in {@code state}: at the end of its epoch {@code state.epoch()}, or
   * inside it when {@code state.batchesIntoEpoch() > 0}.
   */
  public static Checkpoint capture(Svi svi, TrainingState state, Provenance provenance) {
    long batches = state.batchesIntoEpoch();
    TrainingPosition at = state.position();
    Checkpoint.Builder b = builder(svi).rng(state.rng()).position(at).provenance(provenance);
    return b.epochStartRngState(batches > 0 ? state.epochStartRngState() : null).build();
  }

  /** A snapshot of {@code svi} and {@code rng} (Not modified) at {@code position}. */
  public static Checkpoint capture(Svi svi, RestorableUniformRandomProvider rng,
      TrainingPosition position, Provenance provenance) {
    return builder(svi).rng(rng).position(position).provenance(provenance).build();
  }

  private static Checkpoint.Builder builder(Svi svi) {
    Objects.requireNonNull(svi, "svi");
    Checkpoint.Builder b = Checkpoint.builder();
    for (Map.Entry<String, Parameter> e : saved(svi).entrySet()) {
      b.parameter(e.getKey(), e.getValue());
    }
    Optimizer optimizer = svi.optimizer();
    optimizer.state().forEach((key, m) -> b.optimizerTensor(key, m,
        DType.of(optimizer.stateDtype(key))));
    optimizer.scalarState().forEach(b::optimizerScalar);
    return b;
  }

  /**
   * Copies only the parameters of {@code checkpoint} into {@code svi} (Modified), for reading a
   * model (evaluating, sampling); works on a checkpoint whose optimizer section is damaged.
   *
   * @throws IllegalArgumentException "checkpoint belongs to another model: ..." as {@link
   *     #restore}
   */
  public static void restoreParameters(Checkpoint checkpoint, Svi svi) {
    checkpoint.requireCompatibleParameters(saved(svi));
    checkpoint.copyParametersInto(saved(svi));
  }

  /** What a checkpoint holds of {@code svi}'s values: its parameters, then its buffers. */
  private static Map<String, Parameter> saved(Svi svi) {
    if (svi.buffers().isEmpty()) {
      return svi.parameters();
    }
    Map<String, Parameter> all = new LinkedHashMap<>(svi.parameters());
    all.putAll(svi.buffers());
    return all;
  }

  /**
   * Restores {@code checkpoint} into {@code svi} (Modified: parameter values and optimizer state)
   * and {@code rng} (Modified: set to the saved state), and returns where the run stands. Every
   * check runs before anything changes, so a refused checkpoint leaves {@code svi} and
   * {@code rng} as they were.
   *
   * @param svi built from the same settings as the saved run (same parameter names and shapes,
   *     same optimizer algorithm)
   * @param rng a generator of {@link Rngs#SOURCE}, e.g. a fresh {@code Rngs.create(seed)}
   * @throws IllegalArgumentException "checkpoint belongs to another model: ..." listing every
   *     parameter that is missing, extra or of another shape; or naming the optimizer state or
   *     generator state that does not fit
   */
  public static TrainingPosition restore(Checkpoint checkpoint, Svi svi,
      RestorableUniformRandomProvider rng) {
    Objects.requireNonNull(checkpoint, "checkpoint");
    Objects.requireNonNull(rng, "rng");
    if (checkpoint.optimizerDamage() != null) {
      throw new IllegalArgumentException("cannot continue training from this checkpoint: "
          + checkpoint.optimizerDamage());
    }
    checkpoint.requireCompatibleParameters(saved(svi));
    Map<String, Double> scalars = scalars(checkpoint.optimizerScalars());
    // The generator is checked on a scratch copy; loadState checks everything before changing.
    checkpoint.restoreRng(Rngs.create(0));
    Optimizer optimizer = svi.optimizer();
    try {
      optimizer.loadState(checkpoint.optimizerTensors(), scalars);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("checkpoint's optimizer state does not fit "
          + optimizer + ": " + e.getMessage(), e);
    }
    restoreParameters(checkpoint, svi);
    checkpoint.restoreRng(rng);
    return checkpoint.position();
  }

  /**
   * Restores {@code checkpoint} as {@link #restore} does and continues training with
   * {@code trainer} (built on the same {@code svi}) up to epoch {@code epochs}.
   */
  public static TrainingState resume(Trainer trainer, Checkpoint checkpoint, Svi svi,
      RestorableUniformRandomProvider rng, int epochs) {
    TrainingPosition at = restore(checkpoint, svi, rng);
    if (at.epoch() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("checkpoint is at epoch " + at.epoch()
          + ", beyond what the trainer counts");
    }
    return trainer.resume(at, checkpoint.epochStartRngState(), epochs, rng);
  }

  private static Map<String, Double> scalars(Map<String, Object> saved) {
    Map<String, Double> scalars = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : saved.entrySet()) {
      if (!(e.getValue() instanceof Number n)) {
        throw new IllegalArgumentException("checkpoint's optimizer scalar " + e.getKey()
            + " is " + e.getValue() + ", expected a number");
      }
      scalars.put(e.getKey(), n.doubleValue());
    }
    return scalars;
  }
}
