package org.latentj.inference.reliability;

import java.io.IOException;
import java.nio.file.Path;
import org.latentj.inference.checkpoint.CheckpointStore;
import org.latentj.inference.checkpoint.SafeTensors;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.inference.training.MinibatchData;
import org.latentj.inference.training.Svi;
import org.latentj.inference.training.Trainer;
import org.latentj.inference.training.TrainingState;
import org.latentj.tensor.MatMul;
import org.latentj.tensor.Rngs;

/**
 * Trains the tiny VAE for a few epochs from a seed and saves its checkpoint; prints the
 * matrix-product kernel in use and the SHA-256 of the checkpoint's data section. The run a
 * determinism test repeats, in this JVM or in another. Arguments: checkpoint path, seed, epochs.
 */
public final class TrainAndSave {

  private TrainAndSave() {}

  public static void main(String[] args) throws IOException {
    Path target = Path.of(args[0]);
    VaeSettings settings = TinyVae.SETTINGS.toBuilder().seed(Long.parseLong(args[1])).build();
    TrainingState end = train(settings, Integer.parseInt(args[2]));
    CheckpointStore.save(target, TinyVae.snapshot(end, settings));
    System.out.println("kernel " + MatMul.kernel());
    System.out.println("sha256 " + SafeTensors.read(target).dataSha256());
  }

  /** Trains a fresh VAE of {@code settings} on the tiny data set, its seed fixing everything. */
  static TrainingState train(VaeSettings settings, int epochs) {
    Svi svi = TinyVae.svi(settings);
    return new Trainer(svi, MinibatchData.of(TinyVae.data(400, 5), 50))
        .fit(epochs, Rngs.create(settings.seed()));
  }
}
