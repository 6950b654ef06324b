package org.latentj.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentj.distributions.KlRegistry;
import org.latentj.inference.evaluation.EvaluationNoise;
import org.latentj.inference.evaluation.Evaluator;
import org.latentj.inference.evaluation.UnitMoments;
import org.latentj.inference.objectives.AnalyticKlElbo;
import org.latentj.inference.training.Svi;

/**
 * On {@code local[3]} with three partitions: training gives the single-machine parameters, and
 * evaluation gives every example the log p(x), ELBO and active units one machine gives it.
 */
class ThreeExecutorTest {

  private static JavaSparkContext sc;
  private static SparkScaleOut cluster;
  private static Svi trained;

  @BeforeAll
  static void start() {
    sc = SparkContexts.start("local[3]");
    cluster = new SparkScaleOut(sc, 3, TaskFault.NONE);
    trained = TinyRun.svi();
    TinyRun.train(trained, 2);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void threePartitionsGiveTheSingleMachineParameters() {
    Svi svi = TinyRun.svi().gradientSource(cluster.gradients(TinyRun.RECIPE, TinyRun.data()));
    TinyRun.train(svi, 2);
    assertThat(TinyRun.maxDifference(svi.parameters(), trained.parameters()))
        .isLessThan(DataParallelTrainingTest.ROUND_OFF);
  }

  @Test
  void evaluationGivesEachExampleTheSingleMachineFigures() {
    DMatrixRMaj data = TinyRun.data();
    double[] flat = FlatParameters.values(trained.parameters());
    SparkEvaluation spark = cluster.evaluation(TinyRun.RECIPE, data);
    Evaluator local = new Evaluator(trained.model(), trained.guide());
    // One machine in batches of 7 examples and chunks of 16 samples; each partition in its own.
    double[] expected = local.logLikelihood(data, 40, 16, 7, EvaluationNoise.keyed(9, 0));
    double[] actual = spark.logLikelihood(flat, 40, 40, 4, 9);
    assertThat(actual).hasSize(30);
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual[i]).as("example %d", i).isCloseTo(expected[i],
          org.assertj.core.data.Offset.offset(1e-12));
    }
    double[] elbo = spark.elbo(flat, 2, 5, 9);
    double[] elboLocal = local.bounds(new AnalyticKlElbo(KlRegistry.standard(), 2), data, 30,
        EvaluationNoise.keyed(9, 0));
    for (int i = 0; i < elbo.length; i++) {
      assertThat(elbo[i]).as("example %d", i).isCloseTo(elboLocal[i],
          org.assertj.core.data.Offset.offset(1e-12));
    }
    Map<String, UnitMoments> moments = spark.posteriorMoments(flat, 4, 9);
    assertThat(moments.get("z").count()).isEqualTo(30);
    assertThat(moments.get("z").activeUnits(0.01)).isEqualTo(local.activeUnits(data, 30, 0.01,
        org.latentj.tensor.Rngs.create(1)).get("z"));
  }
}
