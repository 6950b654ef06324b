package org.latentj.inference.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.google.inject.Guice;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.latentj.inference.checkpoint.Checkpoint;
import org.latentj.inference.checkpoint.CheckpointStore;
import org.latentj.inference.checkpoint.SafeTensors;
import org.latentj.inference.evaluation.Evaluator;
import org.latentj.inference.guice.LikelihoodsModule;
import org.latentj.inference.guice.ObjectivesModule;
import org.latentj.inference.guice.VaeModule;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.nn.Parameter;
import org.latentj.tensor.DType;
import org.latentj.tensor.Rngs;

/**
 * A float32 VAE through the Java API: built by {@link VaeModule} with
 * {@link VaeModule#dtype(DType)}, trained on float32 batches, it follows the float64 run from the
 * same seed (train bound within 1e-3 relative after 4 epochs: float32's rounding compounds over
 * the 40 Adam steps, but stays far below the bound's epoch-to-epoch change), and its checkpoint
 * stores every tensor as F32 and resumes bit-for-bit. Its test bound and importance-sampled
 * log p(x) agree with float64's within 1e-3 relative.
 */
class Float32VaeTrainingTest {

  private static Svi svi(VaeSettings s, DType dtype) {
    return Guice.createInjector(new VaeModule(s), VaeModule.dtype(dtype)).getInstance(Svi.class);
  }

  private static Trainer trainer(Svi svi, DMatrixRMaj x, DType dtype, List<Double> bounds) {
    return new Trainer(svi, MinibatchData.of(x, 32).dynamicallyBinarized().inDtype(dtype))
        .addListener(new TrainingListener() {
          @Override
          public void onEpochEnd(TrainingState state, EpochSummary summary) {
            bounds.add(summary.trainBound());
          }
        });
  }

  @Test
  void float32TrainingFollowsFloat64() {
    VaeSettings s = CheckpointResumeTest.settings(ObjectivesModule.ANALYTIC_KL);
    DMatrixRMaj x = CheckpointResumeTest.data();
    List<Double> wide = new ArrayList<>();
    List<Double> narrow = new ArrayList<>();
    Svi f64 = svi(s, DType.FLOAT64);
    Svi f32 = svi(s, DType.FLOAT32);
    trainer(f64, x, DType.FLOAT64, wide).fit(4, Rngs.derive(s.seed(), "training"));
    trainer(f32, x, DType.FLOAT32, narrow).fit(4, Rngs.derive(s.seed(), "training"));
    for (Parameter p : f32.parameters().values()) {
      assertThat(p.dtype()).as(p.toString()).isEqualTo(DType.FLOAT32);
    }
    assertThat(narrow.get(3)).isGreaterThan(narrow.get(0));
    for (int e = 0; e < 4; e++) {
      assertThat(narrow.get(e)).as("epoch %d", e + 1)
          .isCloseTo(wide.get(e), offset(1e-3 * Math.abs(wide.get(e))));
    }
    // Evaluation feeds float64 data to either model in the model's dtype.
    Evaluator e64 = new Evaluator(f64.model(), f64.guide());
    Evaluator e32 = new Evaluator(f32.model(), f32.guide());
    double b64 = e64.meanBound(f64.objective(), x, 100, Rngs.create(8));
    double b32 = e32.meanBound(f32.objective(), x, 100, Rngs.create(8));
    assertThat(b32).isCloseTo(b64, offset(1e-3 * Math.abs(b64)));
    double[] l64 = e64.logLikelihood(x, 20, 10, 50, Rngs.create(9));
    double[] l32 = e32.logLikelihood(x, 20, 10, 50, Rngs.create(9));
    assertThat(l32[0]).isCloseTo(l64[0], offset(1e-3 * Math.abs(l64[0])));
  }

  /** Every objective and every likelihood trains in float32 with float32 state. */
  @ParameterizedTest
  @CsvSource({"elbo, bernoulli", "iwae, bernoulli", "iwae-dreg, bernoulli", "analytic-kl, gaussian",
      "analytic-kl, gaussian-learned-variance", "analytic-kl, continuous-bernoulli",
      "analytic-kl, laplace"})
  void otherObjectivesAndLikelihoodsTrainInFloat32(String objective, String likelihood) {
    VaeSettings s = CheckpointResumeTest.settings(objective).toBuilder().likelihood(likelihood)
        .build();
    List<Double> wide = new ArrayList<>();
    List<Double> narrow = new ArrayList<>();
    DMatrixRMaj x = CheckpointResumeTest.data();
    trainer(svi(s, DType.FLOAT64), x, DType.FLOAT64, wide).fit(2, Rngs.create(4));
    Svi f32 = svi(s, DType.FLOAT32);
    trainer(f32, x, DType.FLOAT32, narrow).fit(2, Rngs.create(4));
    assertThat(f32.parameters().values()).allMatch(p -> p.dtype() == DType.FLOAT32);
    for (int e = 0; e < 2; e++) {
      assertThat(narrow.get(e)).as("epoch %d", e + 1)
          .isCloseTo(wide.get(e), offset(1e-3 * Math.abs(wide.get(e))));
    }
  }

  @Test
  void float32CheckpointIsF32AndResumesBitForBit(@TempDir Path run) throws IOException {
    VaeSettings s = CheckpointResumeTest.settings(ObjectivesModule.ANALYTIC_KL);
    DMatrixRMaj x = CheckpointResumeTest.data();
    Svi straight = svi(s, DType.FLOAT32);
    trainer(straight, x, DType.FLOAT32, new ArrayList<>()).fit(4,
        Rngs.derive(s.seed(), "training"));

    Svi first = svi(s, DType.FLOAT32);
    CheckpointListener saver = CheckpointListener.everyEpoch(run,
        CheckpointResumeTest.provenance(s, first));
    trainer(first, x, DType.FLOAT32, new ArrayList<>()).addListener(saver).fit(2,
        Rngs.derive(s.seed(), "training"));
    Path file = run.resolve(CheckpointListener.FILE_NAME);
    assertThat(SafeTensors.read(file).dtypes().values())
        .containsOnly(org.latentj.inference.checkpoint.DType.F32);

    Checkpoint loaded = CheckpointStore.load(file);
    Svi second = svi(s, DType.FLOAT32);
    Checkpoints.resume(trainer(second, x, DType.FLOAT32, new ArrayList<>()), loaded, second,
        Rngs.create(0), 4);
    for (Map.Entry<String, Parameter> e : straight.parameters().entrySet()) {
      assertThat(second.parameters().get(e.getKey()).valueF().data).as(e.getKey())
          .containsExactly(e.getValue().valueF().data);
    }
  }

  @Test
  void aFloat64CheckpointLoadsIntoAFloat32Model(@TempDir Path run) throws IOException {
    VaeSettings s = CheckpointResumeTest.settings(ObjectivesModule.ANALYTIC_KL);
    Svi wide = svi(s, DType.FLOAT64);
    CheckpointListener saver = CheckpointListener.everyEpoch(run,
        CheckpointResumeTest.provenance(s, wide));
    trainer(wide, CheckpointResumeTest.data(), DType.FLOAT64, new ArrayList<>())
        .addListener(saver).fit(1, Rngs.create(3));
    Checkpoint loaded = CheckpointStore.load(run.resolve(CheckpointListener.FILE_NAME));
    assertThat(loaded.dtypes()).isEmpty();
    Svi narrow = svi(s, DType.FLOAT32);
    loaded.copyParametersInto(narrow.parameters());
    for (Map.Entry<String, Parameter> e : wide.parameters().entrySet()) {
      float[] got = narrow.parameters().get(e.getKey()).valueF().data;
      double[] want = e.getValue().value().data;
      for (int i = 0; i < got.length; i++) {
        assertThat(got[i]).isEqualTo((float) want[i]);
      }
    }
  }
}
