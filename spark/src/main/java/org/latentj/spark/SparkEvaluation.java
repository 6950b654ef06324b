package org.latentj.spark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.latentj.distributions.KlRegistry;
import org.latentj.inference.evaluation.EvaluationNoise;
import org.latentj.inference.evaluation.Evaluator;
import org.latentj.inference.evaluation.UnitMoments;
import org.latentj.inference.objectives.AnalyticKlElbo;
import org.latentj.inference.training.Svi;

/**
 * Evaluation over the partitions of a cached data set: each partition runs the
 * {@link Evaluator} on its block with noise keyed by the rows' indices in the whole data set
 * ({@link EvaluationNoise#keyed}), so each example gets the figure one machine gives it.
 */
final class SparkEvaluation {

  private final JavaSparkContext sc;
  private final ClusterData data;
  private final TaskFault fault;

  SparkEvaluation(JavaSparkContext sc, ClusterData data, TaskFault fault) {
    this.sc = sc;
    this.data = data;
    this.fault = fault;
  }

  /** Importance-sampled log p(x) per example, in the data's order. */
  double[] logLikelihood(double[] parameters, int k, int chunk, int examplesPerBatch,
      long seed) {
    return concatenated(run("log p(x)", parameters, (replica, block, partition) ->
        evaluator(replica).logLikelihood(block.matrix(), k, chunk, examplesPerBatch,
            EvaluationNoise.keyed(seed, block.firstIndex()))));
  }

  /** The analytic-KL ELBO per example, in the data's order. */
  double[] elbo(double[] parameters, int particles, int batchSize, long seed) {
    return concatenated(run("ELBO", parameters, (replica, block, partition) ->
        evaluator(replica).bounds(new AnalyticKlElbo(KlRegistry.standard(), particles),
            block.matrix(), batchSize, EvaluationNoise.keyed(seed, block.firstIndex()))));
  }

  /** Each latent site's posterior-mean sums over the data, partitions added in order. */
  Map<String, UnitMoments> posteriorMoments(double[] parameters, int batchSize, long seed) {
    List<LinkedHashMap<String, UnitMoments>> parts = run("active units", parameters,
        (replica, block, partition) -> new LinkedHashMap<>(evaluator(replica).posteriorMoments(
            block.matrix(), batchSize, EvaluationNoise.keyed(seed, block.firstIndex()))));
    Map<String, UnitMoments> total = new LinkedHashMap<>();
    for (Map<String, UnitMoments> part : parts) {
      part.forEach((site, m) -> total.merge(site, m, UnitMoments::add));
    }
    return total;
  }

  private <T> List<T> run(String what, double[] parameters, BlockTask<T> task) {
    Broadcast<double[]> shared = sc.broadcast(parameters);
    try {
      return data.onEveryBlock(shared, fault, task);
    } catch (Exception e) { // SparkException is checked in Java but thrown undeclared
      throw new SparkStepException("evaluation (" + what + ")", e);
    } finally {
      shared.destroy(false);
    }
  }

  private static Evaluator evaluator(Svi replica) {
    return new Evaluator(replica.model(), replica.guide()).inContext(replica.context());
  }

  private static double[] concatenated(List<double[]> parts) {
    int n = 0;
    for (double[] p : parts) {
      n += p.length;
    }
    double[] out = new double[n];
    int at = 0;
    for (double[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
