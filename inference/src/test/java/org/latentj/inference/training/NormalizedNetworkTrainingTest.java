package org.latentj.inference.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.util.Modules;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentj.inference.checkpoint.Checkpoint;
import org.latentj.inference.checkpoint.CheckpointStore;
import org.latentj.inference.evaluation.Evaluator;
import org.latentj.inference.guice.Encoder;
import org.latentj.inference.guice.Guide;
import org.latentj.inference.guice.Model;
import org.latentj.inference.guice.ObjectivesModule;
import org.latentj.inference.guice.PosteriorHead;
import org.latentj.inference.guice.VaeModule;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.model.Head;
import org.latentj.model.Program;
import org.latentj.nn.Activation;
import org.latentj.nn.BatchNorm;
import org.latentj.nn.Dropout;
import org.latentj.nn.Initializer;
import org.latentj.nn.Layer;
import org.latentj.nn.Linear;
import org.latentj.nn.Parameter;
import org.latentj.nn.Sequential;
import org.latentj.tensor.Rngs;

/**
 * A VAE whose encoder has batch norm and dropout: Svi trains it in training mode, everything
 * else sees evaluation mode, and a checkpoint keeps the running statistics and dropout's count,
 * so 4 epochs equal 2 + save + load + 2, bit-for-bit.
 */
class NormalizedNetworkTrainingTest {

  /** Encoder 16 -> 24 -> batch norm -> tanh -> dropout -> raw. */
  static final class NormalizedEncoder extends AbstractModule {
    @Provides
    @Singleton
    @Encoder
    Layer encoder(@PosteriorHead Head head, Initializer init) {
      var rng = Rngs.derive(5, "encoder");
      return new Sequential(List.of(new Linear(16, 24, init, rng), new BatchNorm(24),
          Activation.TANH.layer(), new Dropout(0.2, 17),
          new Linear(24, head.rawColumns(3), init, rng)));
    }
  }

  static Injector vae() {
    VaeSettings s = CheckpointResumeTest.settings(ObjectivesModule.ANALYTIC_KL);
    return Guice.createInjector(Modules.override(new VaeModule(s)).with(new NormalizedEncoder()));
  }

  @Test
  void trainingUsesBatchStatisticsAndEvaluationTheRunningOnes(@TempDir Path run)
      throws IOException {
    DMatrixRMaj x = CheckpointResumeTest.data();
    Injector straightVae = vae();
    Svi straight = straightVae.getInstance(Svi.class);
    assertThat(straight.buffers()).containsOnlyKeys(
        "guide.encoder.network.layer1.runningMean", "guide.encoder.network.layer1.runningVariance",
        "guide.encoder.network.layer3.calls");
    RestorableUniformRandomProvider straightRng = Rngs.derive(5, "training");
    CheckpointResumeTest.trainer(straight, x).fit(4, straightRng);
    Parameter runningMean = straight.buffers().get("guide.encoder.network.layer1.runningMean");
    assertThat(runningMean.value().data).as("the running mean moved in training")
        .isNotEqualTo(new double[24]);
    assertThat(straight.guide().isTraining()).as("back in evaluation mode").isFalse();
    assertThat(straight.buffers().get("guide.encoder.network.layer3.calls").value().get(0))
        .isEqualTo(4 * 10);

    // Evaluation is deterministic in the networks (no dropout) and leaves the statistics alone.
    Program model = straightVae.getInstance(Key.get(Program.class, Model.class));
    Program guide = straightVae.getInstance(Key.get(Program.class, Guide.class));
    DMatrixRMaj meanBefore = runningMean.value().copy();
    Evaluator evaluator = new Evaluator(model, guide);
    double[] a = evaluator.logLikelihood(x, 4, 4, 50, Rngs.create(3));
    double[] b = evaluator.logLikelihood(x, 4, 4, 50, Rngs.create(3));
    assertThat(a).containsExactly(b);
    assertThat(runningMean.value().data).containsExactly(meanBefore.data);

    // 2 epochs, a checkpoint, a fresh VAE, 2 more: the same numbers as 4 in one go.
    Svi first = vae().getInstance(Svi.class);
    CheckpointListener saver = CheckpointListener.everyEpoch(run,
        CheckpointResumeTest.provenance(CheckpointResumeTest.settings(
            ObjectivesModule.ANALYTIC_KL), first));
    CheckpointResumeTest.trainer(first, x).addListener(saver).fit(2, Rngs.derive(5, "training"));
    Checkpoint loaded = CheckpointStore.load(run.resolve(CheckpointListener.FILE_NAME));
    assertThat(loaded.parameters()).containsKey("guide.encoder.network.layer1.runningVariance");
    Svi second = vae().getInstance(Svi.class);
    Checkpoints.resume(CheckpointResumeTest.trainer(second, x), loaded, second, Rngs.create(0),
        4);
    for (Map<String, Parameter> values : List.of(straight.parameters(), straight.buffers())) {
      for (Map.Entry<String, Parameter> e : values.entrySet()) {
        Parameter resumed = second.parameters().containsKey(e.getKey())
            ? second.parameters().get(e.getKey()) : second.buffers().get(e.getKey());
        assertThat(resumed.value().data).as(e.getKey()).containsExactly(e.getValue().value().data);
      }
    }
  }
}
