package org.latentj.inference.reliability;

import com.google.inject.Guice;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.inference.checkpoint.Checkpoint;
import org.latentj.inference.checkpoint.Provenance;
import org.latentj.inference.checkpoint.TrainingPosition;
import org.latentj.inference.guice.OptimizersModule;
import org.latentj.inference.guice.VaeModule;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.inference.training.Svi;
import org.latentj.inference.training.TrainingState;
import org.latentj.model.Optimizer;
import org.latentj.nn.Activation;
import org.latentj.nn.Parameter;
import org.latentj.tensor.Rngs;

/**
 * A VAE small enough to train in milliseconds (12-16-2 tanh, Bernoulli, Adam), its data (two
 * binary prototypes with 10% of pixels flipped) and the checkpoint of a run's whole state.
 */
final class TinyVae {

  static final VaeSettings SETTINGS = VaeSettings.builder().inputSize(12).hiddenSizes(List.of(16))
      .latentSize(2).activation(Activation.TANH).optimizer(OptimizersModule.ADAM, 0.01).seed(42)
      .build();

  /** Fixed, so that two checkpoints of the same state are the same bytes. */
  static final Instant CREATED_AT = Instant.parse("2025-01-01T00:00:00Z");

  private TinyVae() {}

  /** The SVI engine of a fresh VAE built by {@link VaeModule} from {@code settings}. */
  static Svi svi(VaeSettings settings) {
    return Guice.createInjector(new VaeModule(settings)).getInstance(Svi.class);
  }

  /** {@code n} rows of 12 binary pixels near one of two prototypes, from {@code seed}. */
  static DMatrixRMaj data(int n, long seed) {
    var rng = Rngs.create(seed);
    DMatrixRMaj x = new DMatrixRMaj(n, 12);
    for (int i = 0; i < n; i++) {
      boolean left = rng.nextBoolean();
      for (int j = 0; j < 12; j++) {
        boolean on = (j < 6) == left;
        x.set(i, j, (rng.nextDouble() < 0.1) != on ? 1 : 0);
      }
    }
    return x;
  }

  /**
   * Everything needed to resume the run: parameters, optimizer buffers and scalars, the
   * generator's state and the position.
   */
  static Checkpoint snapshot(TrainingState state, VaeSettings settings) {
    return checkpoint(state.svi(), state.rng(), new TrainingPosition(state.epoch(),
        state.steps(), state.examplesSeen()), settings);
  }

  /** As {@link #snapshot}, from the parts of a run. */
  static Checkpoint checkpoint(Svi svi, RestorableUniformRandomProvider rng,
      TrainingPosition position, VaeSettings settings) {
    Optimizer optimizer = svi.optimizer();
    Checkpoint.Builder b = Checkpoint.builder();
    for (Map.Entry<String, Parameter> e : svi.parameters().entrySet()) {
      b.parameter(e.getKey(), e.getValue().value());
    }
    optimizer.state().forEach(b::optimizerTensor);
    optimizer.scalarState().forEach(b::optimizerScalar);
    return b.rng(rng)
        .position(position)
        .provenance(Provenance.builder(settings.seed()).createdAt(CREATED_AT)
            .component("vae", settings.toString()).build())
        .build();
  }
}
