package org.latentj.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.util.Modules;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentj.inference.checkpoint.Checkpoint;
import org.latentj.inference.evaluation.EvaluationNoise;
import org.latentj.inference.evaluation.Evaluator;
import org.latentj.inference.guice.Encoder;
import org.latentj.inference.guice.PosteriorHead;
import org.latentj.inference.guice.VaeModule;
import org.latentj.inference.checkpoint.CheckpointStore;
import org.latentj.inference.checkpoint.Provenance;
import org.latentj.inference.training.CheckpointListener;
import org.latentj.inference.training.Checkpoints;
import org.latentj.inference.training.EpochSummary;
import org.latentj.inference.training.Svi;
import org.latentj.inference.training.TrainingListener;
import org.latentj.inference.training.TrainingState;
import org.latentj.distributions.Bernoulli;
import org.latentj.distributions.Normal;
import org.latentj.inference.objectives.Elbo;
import org.latentj.inference.optim.Adam;
import org.latentj.model.Batch;
import org.latentj.model.Head;
import org.latentj.model.Program;
import org.latentj.model.Sites;
import org.latentj.nn.Parameter;
import org.latentj.tensor.Tensor;
import org.ejml.data.DMatrixRMaj;
import org.latentj.nn.BatchNorm;
import org.latentj.nn.Initializer;
import org.latentj.nn.Layer;
import org.latentj.nn.Linear;
import org.latentj.nn.Sequential;
import org.latentj.tensor.Rngs;

/**
 * Data-parallel steps on {@code local[2,2]} (two executor threads, two tries per task) give the
 * parameters a single-machine run with the same keyed noise gives, whatever the partitions.
 */
class DataParallelTrainingTest {

  /**
   * The runs differ only in the order the gradient is summed (per partition, then partitions),
   * a relative change of about 1e-16 per step that Adam's update carries on; after 8 steps on
   * this model the parameters (of size ~1) agree to this.
   */
  static final double ROUND_OFF = 1e-12;

  private static JavaSparkContext sc;
  private static Svi reference;
  private static volatile boolean executorLost;

  @BeforeAll
  static void start() {
    sc = SparkContexts.start("local[2,2]");
    reference = TinyRun.svi();
    TinyRun.train(reference, 2);
  }

  @AfterAll
  static void stop() {
    sc.stop();
  }

  private static Svi trainedOnSpark(int partitions, TaskFault fault) {
    Svi svi = TinyRun.svi();
    SparkGradients gradients = new SparkScaleOut(sc, partitions, fault)
        .gradients(TinyRun.RECIPE, TinyRun.data());
    svi.gradientSource(gradients);
    TinyRun.train(svi, 2);
    assertThat(gradients.times().steps()).isEqualTo(8);
    return svi;
  }

  @Test
  void oneAndTwoPartitionsGiveTheSingleMachineParameters() {
    for (int partitions = 1; partitions <= 2; partitions++) {
      Svi spark = trainedOnSpark(partitions, TaskFault.NONE);
      double difference = TinyRun.maxDifference(spark.parameters(), reference.parameters());
      System.out.printf("data-parallel, %d partitions, 8 steps: max |parameter - one machine's|"
          + " = %.3g%n", partitions, difference);
      assertThat(difference).as("%d partitions", partitions).isLessThan(ROUND_OFF);
      assertThat(spark.optimizer().steps()).isEqualTo(8);
    }
  }

  /**
   * A flow posterior and the VampPrior (whose pseudo-inputs each executor builds at 0 and then
   * receives with the other parameters every step) train on two partitions to the single-machine
   * parameters, and their log p(x) on Spark is each example's single-machine figure.
   */
  @Test
  void aFlowPosteriorAndTheVampPriorTrainAndEvaluateAsOnOneMachine() {
    for (VaeRecipe recipe : List.of(TinyRun.recipe("planar:2", "standard-normal"),
        TinyRun.recipe("none", "vamp:4"))) {
      String what = recipe.settings().flow() + ", " + recipe.settings().prior();
      Svi local = TinyRun.svi(recipe);
      TinyRun.train(local, 1);
      Svi spark = TinyRun.svi(recipe);
      SparkScaleOut cluster = new SparkScaleOut(sc, 2, TaskFault.NONE);
      spark.gradientSource(cluster.gradients(recipe, TinyRun.data()));
      TinyRun.train(spark, 1);
      assertThat(TinyRun.maxDifference(spark.parameters(), local.parameters())).as(what)
          .isLessThan(ROUND_OFF);
      double[] expected = new Evaluator(local.model(), local.guide()).logLikelihood(
          TinyRun.data(), 8, 8, 5, EvaluationNoise.keyed(3, 0));
      double[] actual = cluster.evaluation(recipe, TinyRun.data())
          .logLikelihood(FlatParameters.values(local.parameters()), 8, 8, 5, 3);
      for (int i = 0; i < expected.length; i++) {
        assertThat(actual[i]).as("%s, example %d", what, i).isCloseTo(expected[i],
            org.assertj.core.api.Assertions.within(1e-9));
      }
    }
  }

  @Test
  void aTaskThatFailsOnceIsRetriedAndChangesNothing() {
    // Partition 1's first attempt fails at every step; Spark runs it again.
    Svi spark = trainedOnSpark(2, (partition, attempt) -> {
      if (partition == 1 && attempt == 0) {
        throw new IllegalStateException("injected fault, first attempt");
      }
    });
    assertThat(TinyRun.maxDifference(spark.parameters(), reference.parameters()))
        .isLessThan(ROUND_OFF);
  }

  @Test
  void aTaskThatKeepsFailingStopsWithOneLineAndTheCheckpointResumes(@TempDir Path dir)
      throws IOException {
    Svi svi = TinyRun.svi();
    // Local mode runs tasks in this JVM, so the fault can read a flag the driver sets.
    SparkScaleOut cluster = new SparkScaleOut(sc, 2, (partition, attempt) -> {
      if (partition == 0 && executorLost) {
        throw new IllegalStateException("executor lost (injected)");
      }
    });
    svi.gradientSource(cluster.gradients(TinyRun.RECIPE, TinyRun.data()));
    // Epoch 1 (steps 0..3) trains and is saved; epoch 2's first step fails on both tries.
    assertThatThrownBy(() -> TinyRun.trainer(svi)
        .addListener(CheckpointListener.everyEpoch(dir, Provenance.builder(1).build()))
        .addListener(new TrainingListener() {
          @Override
          public void onEpochEnd(TrainingState state, EpochSummary summary) {
            executorLost = true;
          }
        })
        .fit(2, Rngs.derive(1, "training")))
        .isInstanceOf(SparkStepException.class)
        .hasMessageStartingWith("step 4 failed on Spark: Job aborted due to stage failure:")
        .hasMessageContaining("executor lost (injected)")
        .hasMessageEndingWith("; no parameter was updated, and the last checkpoint is the run's"
            + " good state (resume from it)")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"))
        .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1)); // Spark's whole report
    Checkpoint saved = CheckpointStore.load(dir.resolve(CheckpointListener.FILE_NAME));
    assertThat(saved.position().epoch()).isEqualTo(1);
    // The kept checkpoint resumes on Spark to the parameters of an uninterrupted run.
    executorLost = false;
    Svi resumed = TinyRun.svi();
    resumed.gradientSource(new SparkScaleOut(sc, 2, TaskFault.NONE).gradients(TinyRun.RECIPE,
        TinyRun.data()));
    Checkpoints.resume(TinyRun.trainer(resumed), saved, resumed, Rngs.create(0), 2);
    assertThat(resumed.optimizer().steps()).isEqualTo(8);
    assertThat(TinyRun.maxDifference(resumed.parameters(), reference.parameters()))
        .isLessThan(ROUND_OFF);
  }

  @Test
  void aLostBroadcastStopsAnEvaluationWithOneLine() {
    // What TorrentBroadcast throws in a task when a piece of the broadcast is gone.
    SparkScaleOut cluster = new SparkScaleOut(sc, 2, (partition, attempt) -> {
      throw new IllegalStateException(new org.apache.spark.SparkException(
          "Failed to get broadcast_7_piece0 of broadcast_7"));
    });
    double[] flat = FlatParameters.values(reference.parameters());
    assertThatThrownBy(() -> cluster.evaluation(TinyRun.RECIPE, TinyRun.data())
        .logLikelihood(flat, 4, 4, 4, 1))
        .isInstanceOf(SparkStepException.class)
        .hasMessageStartingWith("evaluation (log p(x)) failed on Spark: Job aborted")
        .hasMessageContaining("Failed to get broadcast_7_piece0 of broadcast_7")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  /**
   * A global latent (one 1 x 6 weight row shared by every example) is refused by the check
   * before the first step, on the driver: no step reaches the cluster.
   */
  @Test
  void aGlobalSiteIsRefusedBeforeAnyStepRuns() {
    Parameter mean = new Parameter("mean", new DMatrixRMaj(1, 6));
    Program model = new Program() {
      @Override
      public void run(Sites sites, Batch b) {
        Tensor w = sites.sample("w", Normal.ofLogVariance(Tensor.zeros(1, 6), Tensor.zeros(1, 6)));
        sites.observe("x", Bernoulli.ofLogits(w.repeatRows(b.size())), b.data());
      }
    };
    Program guide = new Program() {
      {
        register(mean);
      }

      @Override
      public void run(Sites sites, Batch b) {
        sites.sample("w", Normal.ofLogVariance(mean.tensor(), Tensor.zeros(1, 6)));
      }
    };
    Svi svi = new Svi(model, guide, new Elbo(), Adam.builder().learningRate(1e-2)
        .build(Svi.parametersOf(model, guide))).keyedNoise(TinyRun.NOISE_SEED);
    SparkGradients gradients = new SparkScaleOut(sc, 2, TaskFault.NONE)
        .gradients(TinyRun.RECIPE, TinyRun.data());
    svi.gradientSource(gradients);
    assertThatThrownBy(() -> TinyRun.train(svi, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("site 'w' has 1 rows for 2 examples x 1 particles: it is global, and"
            + " data-parallel training supports only per-example sites (summing the partitions'"
            + " gradients would count a global term once per partition)");
    assertThat(gradients.times().steps()).isZero();
  }

  @Test
  void ordinaryNoiseIsRefusedWithAClearMessage() {
    Svi svi = TinyRun.RECIPE.build();
    svi.gradientSource(new SparkScaleOut(sc, 2, TaskFault.NONE).gradients(TinyRun.RECIPE,
        TinyRun.data()));
    assertThatThrownBy(() -> TinyRun.train(svi, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("SparkGradients: the Svi draws ordered noise;");
  }
  @Test
  void aModelWithUntrainedStateIsRefusedWithAClearMessage() {
    // Batch norm's running statistics would be updated per replica and never reach the driver.
    Svi svi = Guice.createInjector(Modules.override(new VaeModule(TinyRun.RECIPE.settings()))
        .with(new AbstractModule() {
          @Provides
          @Singleton
          @Encoder
          Layer encoder(@PosteriorHead Head head, Initializer init) {
            var rng = Rngs.derive(5, "encoder");
            return new Sequential(List.of(new Linear(6, 5, init, rng), new BatchNorm(5),
                new Linear(5, head.rawColumns(3), init, rng)));
          }
        })).getInstance(Svi.class).keyedNoise(TinyRun.NOISE_SEED);
    svi.gradientSource(new SparkScaleOut(sc, 2, TaskFault.NONE).gradients(TinyRun.RECIPE,
        TinyRun.data()));
    assertThatThrownBy(() -> TinyRun.train(svi, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("keeps state that is not trained (guide.encoder.network.layer1"
            + ".runningMean");
  }
}
