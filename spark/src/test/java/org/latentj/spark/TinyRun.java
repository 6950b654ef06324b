package org.latentj.spark;

import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.inference.training.MinibatchData;
import org.latentj.inference.training.Svi;
import org.latentj.inference.training.Trainer;
import org.latentj.nn.Parameter;
import org.latentj.tensor.DType;
import org.latentj.tensor.Rngs;

/** A VAE small enough to train for a few steps in a test, and its single-machine reference. */
final class TinyRun {

  static final long NOISE_SEED = 17;
  static final int BATCH = 8;
  static final VaeRecipe RECIPE = new VaeRecipe(VaeSettings.builder().inputSize(6)
      .hiddenSizes(List.of(5)).latentSize(3)
      .optimizer(VaeSettings.defaults().optimizer().name(), 1e-2).build(), DType.FLOAT64);

  private TinyRun() {}

  /** 30 rows of 0/1 pixels with some structure (pairs of columns agree). */
  static DMatrixRMaj data() {
    UniformRandomProvider rng = Rngs.create(5);
    DMatrixRMaj x = new DMatrixRMaj(30, 6);
    for (int r = 0; r < 30; r++) {
      for (int c = 0; c < 6; c += 2) {
        double v = rng.nextDouble() < 0.3 + 0.2 * c / 2.0 ? 1 : 0;
        x.set(r, c, v);
        x.set(r, c + 1, rng.nextDouble() < 0.9 ? v : 1 - v);
      }
    }
    return x;
  }

  /** {@link #RECIPE} with another posterior flow or prior (e.g. {@code "planar:2"}, {@code "vamp:4"}). */
  static VaeRecipe recipe(String flow, String prior) {
    return new VaeRecipe(RECIPE.settings().toBuilder().flow(flow).prior(prior).build(),
        RECIPE.dtype());
  }

  /** An Svi that draws keyed noise, built as every executor builds its copy. */
  static Svi svi() {
    return svi(RECIPE);
  }

  static Svi svi(VaeRecipe recipe) {
    return recipe.build().keyedNoise(NOISE_SEED);
  }

  /** Trains {@code svi} for {@code epochs} epochs on {@link #data()} (4 steps each). */
  static Trainer trainer(Svi svi) {
    return new Trainer(svi, MinibatchData.of(data(), BATCH));
  }

  static void train(Svi svi, int epochs) {
    trainer(svi).fit(epochs, Rngs.derive(1, "training"));
  }

  /** The largest difference between two runs' parameters. */
  static double maxDifference(Map<String, Parameter> a, Map<String, Parameter> b) {
    double[] x = FlatParameters.values(a);
    double[] y = FlatParameters.values(b);
    double max = 0;
    for (int i = 0; i < x.length; i++) {
      max = Math.max(max, Math.abs(x[i] - y[i]));
    }
    return max;
  }
}
