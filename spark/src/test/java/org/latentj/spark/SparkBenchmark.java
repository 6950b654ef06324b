package org.latentj.spark;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.spark.api.java.JavaSparkContext;
import org.ejml.data.DMatrixRMaj;
import org.latentj.inference.evaluation.EvaluationNoise;
import org.latentj.inference.evaluation.Evaluator;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.inference.training.MinibatchData;
import org.latentj.inference.training.Svi;
import org.latentj.inference.training.Trainer;
import org.latentj.tensor.DType;
import org.latentj.tensor.Rngs;

/**
 * Where a data-parallel step's time goes on local Spark, against the same step on one machine,
 * and evaluation with k = 5000 on one against two local executors. Run by hand (not in
 * {@code mvn verify}); see docs/spark.md for the command and the figures:
 *
 * <pre>
 * mvn -B -ntp -q -o -pl spark -am test-compile
 * java $(spark/target/... see docs/spark.md) org.latentj.spark.SparkBenchmark [steps] [examples]
 * </pre>
 *
 * The model is latentj's default VAE (784-400-20-400-784, Bernoulli, analytic KL, Adam) on
 * synthetic binary images (prototypes with flipped pixels): timing does not depend on the
 * pixels.
 */
public final class SparkBenchmark {

  private SparkBenchmark() {}

  public static void main(String[] args) {
    int steps = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    int evalExamples = args.length > 1 ? Integer.parseInt(args[1]) : 40;
    VaeRecipe recipe = new VaeRecipe(VaeSettings.defaults(), DType.FLOAT64);
    DMatrixRMaj data = images(8192, 784);
    for (int batch : new int[] {128, 4096}) {
      double local = localMillisPerStep(recipe, data, batch, steps);
      System.out.printf(Locale.ROOT, "batch %d, one machine (no Spark): %.1f ms per step%n",
          batch, local);
      for (int executors : new int[] {1, 2}) {
        JavaSparkContext sc = SparkContexts.start("local[" + executors + "]");
        try {
          SparkGradients g = new SparkScaleOut(sc, executors, TaskFault.NONE)
              .gradients(recipe, data);
          Svi svi = recipe.build().keyedNoise(1).gradientSource(g);
          train(svi, data, batch, 3); // warm-up: JIT, replicas built
          g.times().clear();
          long start = System.nanoTime();
          train(svi, data, batch, steps);
          double wall = (System.nanoTime() - start) / 1e6 / steps;
          System.out.printf(Locale.ROOT, "batch %d, local[%d], %d partitions: %.1f ms per step"
              + " (%s)%n", batch, executors, executors, wall, g.times());
        } finally {
          sc.stop();
        }
      }
    }
    evaluation(recipe, images(evalExamples, 784));
  }

  /** k = 5000 importance samples per example, on one machine, local[1] and local[2]. */
  private static void evaluation(VaeRecipe recipe, DMatrixRMaj data) {
    Svi svi = recipe.build();
    int k = 5000;
    long start = System.nanoTime();
    new Evaluator(svi.model(), svi.guide()).logLikelihood(data, k, 2000, 1,
        EvaluationNoise.keyed(3, 0));
    System.out.printf(Locale.ROOT, "log p(x), k=%d, %d examples, one machine: %.2f s%n", k,
        data.numRows, (System.nanoTime() - start) / 1e9);
    double[] flat = FlatParameters.values(svi.parameters());
    for (int executors : new int[] {1, 2}) {
      JavaSparkContext sc = SparkContexts.start("local[" + executors + "]");
      try {
        SparkEvaluation e = new SparkScaleOut(sc, executors, TaskFault.NONE)
            .evaluation(recipe, data);
        long t = System.nanoTime();
        e.logLikelihood(flat, k, 2000, 1, 3);
        System.out.printf(Locale.ROOT, "log p(x), k=%d, %d examples, local[%d]: %.2f s%n", k,
            data.numRows, executors, (System.nanoTime() - t) / 1e9);
      } finally {
        sc.stop();
      }
    }
  }

  private static double localMillisPerStep(VaeRecipe recipe, DMatrixRMaj data, int batch,
      int steps) {
    Svi svi = recipe.build().keyedNoise(1);
    train(svi, data, batch, 3);
    long start = System.nanoTime();
    train(svi, data, batch, steps);
    return (System.nanoTime() - start) / 1e6 / steps;
  }

  /** {@code steps} steps: one epoch of a data set cut to {@code steps * batch} rows. */
  private static void train(Svi svi, DMatrixRMaj data, int batch, int steps) {
    int rows = Math.min(data.numRows, steps * batch);
    DMatrixRMaj part = new DMatrixRMaj(rows, data.numCols);
    System.arraycopy(data.data, 0, part.data, 0, part.getNumElements());
    // The data's indices are rows of the cached set: the first `rows` of it.
    new Trainer(svi, MinibatchData.of(part, batch)).fit(1 + (steps * batch - 1) / rows,
        Rngs.create(steps));
  }

  /** Binary images: ten random prototypes, each pixel flipped with probability 0.1. */
  static DMatrixRMaj images(int n, int d) {
    UniformRandomProvider rng = Rngs.create(99);
    boolean[][] prototypes = new boolean[10][d];
    for (boolean[] p : prototypes) {
      for (int j = 0; j < d; j++) {
        p[j] = rng.nextDouble() < 0.2;
      }
    }
    DMatrixRMaj x = new DMatrixRMaj(n, d);
    for (int i = 0; i < n; i++) {
      boolean[] p = prototypes[rng.nextInt(10)];
      for (int j = 0; j < d; j++) {
        x.data[i * d + j] = p[j] ^ rng.nextDouble() < 0.1 ? 1 : 0;
      }
    }
    return x;
  }
}
