package org.latentj.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.latentj.inference.checkpoint.Checkpoint;
import org.latentj.inference.checkpoint.CheckpointStore;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.inference.training.CheckpointListener;
import org.latentj.inference.training.Checkpoints;
import org.latentj.inference.training.MetricsListener;
import org.latentj.tensor.DType;

/**
 * A run folder and what is in it: the checkpoint, the settings stored in its provenance, and the
 * VAE rebuilt from them with the checkpoint's parameters. Made by {@link #open}.
 *
 * @param dir the run folder
 * @param checkpoint its checkpoint
 * @param settings everything the run was built from, as its provenance records it
 */
record Run(Path dir, Checkpoint checkpoint, RunSettings settings) {

  static final String CHECKPOINT = CheckpointListener.FILE_NAME;
  static final String METRICS = MetricsListener.FILE_NAME;
  static final String SUMMARY = "summary.json";
  static final String EVALUATION = "evaluation.json";
  static final String SAMPLES = "samples.png";
  static final String RECONSTRUCTIONS = "reconstructions.png";
  static final String TRAINING_CURVE = "training-curve.png";
  static final String MANIFOLD = "manifold.png";
  static final String INTERPOLATION = "interpolation.png";
  /** The provenance key of the dtype a run trained in. */
  static final String DTYPE = "dtype";

  /**
   * Reads the checkpoint of the run in {@code dir} and the settings in its provenance. A
   * checkpoint whose optimizer section alone is damaged still opens (its parameters are
   * verified); {@link Checkpoint#optimizerDamage()} then says so, and resuming refuses it.
   *
   * @throws UsageException if {@code dir} is not a run folder
   * @throws IOException if the checkpoint cannot be read or its parameters are damaged
   */
  static Run open(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new UsageException("RUN_DIR " + dir + ": no such folder");
    }
    Path file = dir.resolve(CHECKPOINT);
    if (!Files.isRegularFile(file)) {
      throw new UsageException("RUN_DIR " + dir + " holds no " + CHECKPOINT
          + "; is it a folder written by 'latentj train'?");
    }
    Checkpoint checkpoint = CheckpointStore.loadForReading(file);
    return new Run(dir, checkpoint, RunSettings.read(checkpoint.provenance()));
  }

  /**
   * As {@link #open(Path)} for a command that only reads the model, warning on {@code err} when
   * the optimizer section is damaged.
   */
  static Run openForReading(Path dir, PrintWriter err) throws IOException {
    Run run = open(dir);
    String damage = run.checkpoint.optimizerDamage();
    if (damage != null) {
      err.println("warning: " + dir.resolve(CHECKPOINT) + ": " + damage);
      err.flush();
    }
    return run;
  }

  /**
   * The VAE of {@code settings} holding this run's trained parameters.
   *
   * @throws IllegalArgumentException "checkpoint belongs to another model: ..." when the
   *     settings build another shape
   */
  Vae vae(VaeSettings settings) {
    Vae vae = Vae.build(settings, dtype());
    Checkpoints.restoreParameters(checkpoint, vae.svi());
    return vae;
  }

  /** The VAE of this run's own settings, with its trained parameters. */
  Vae vae() {
    return vae(settings.model());
  }

  Path file(String name) {
    return dir.resolve(name);
  }

  /**
   * The dtype the run trained in, as its provenance records it under {@value #DTYPE}; float64
   * for runs from before dtypes.
   */
  DType dtype() {
    Object recorded = checkpoint.provenance().asMap().get(DTYPE);
    return recorded == null ? DType.FLOAT64 : DType.parse(recorded.toString());
  }

  /** The settings of the run's model. */
  VaeSettings model() {
    return settings.model();
  }

  /** This run's data, or the data named by {@code dataOverride} if not null, checked. */
  RunData data(String dataOverride) throws IOException {
    DataSettings d = dataOverride == null ? settings.data()
        : settings.data().toBuilder().data(Commands.dataSpec(dataOverride)).build();
    VaeSettings model = settings.model();
    RunData data = RunData.load(d, model.seed(),
        RunData.needsUnitInterval(model.likelihood().name()));
    data.requireWidth(model.inputSize(), "the model in " + dir);
    return data;
  }
}
