package org.latentj.spark;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.api.java.JavaSparkContext;
import org.ejml.data.DMatrixRMaj;
import org.latentj.inference.data.Dataset;
import org.latentj.inference.evaluation.UnitMoments;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.inference.scaleout.ScaleOut;
import org.latentj.inference.training.Svi;
import org.latentj.nn.Parameter;
import org.latentj.tensor.DType;

/**
 * latentj on Spark: training gradients and evaluations summed over the partitions of data
 * cached once per data set. The {@link ScaleOut} the command-line tool finds with
 * {@code --spark-master}.
 */
public final class SparkScaleOut implements ScaleOut {

  /** Listed in {@code META-INF/services/org.latentj.inference.scaleout.ScaleOut$Provider}. */
  public static final class Provider implements ScaleOut.Provider {
    @Override
    public ScaleOut connect(String master, int partitions) {
      return new SparkScaleOut(SparkContexts.start(master), partitions, TaskFault.NONE);
    }
  }

  private final JavaSparkContext sc;
  private final int partitions;
  private final TaskFault fault;
  private final Map<DMatrixRMaj, ClusterData> cached = new IdentityHashMap<>();

  /**
   * Runs on {@code sc} with each data set in {@code partitions} blocks (0: the context's
   * default parallelism, e.g. N for {@code local[N]}), failing tasks as {@code fault} says
   * (tests; {@link TaskFault#NONE} otherwise).
   */
  public SparkScaleOut(JavaSparkContext sc, int partitions, TaskFault fault) {
    if (partitions < 0) {
      throw new IllegalArgumentException("SparkScaleOut: partitions must be 0 (the default"
          + " parallelism) or more, got " + partitions);
    }
    this.sc = sc;
    this.partitions = partitions == 0 ? sc.defaultParallelism() : partitions;
    this.fault = fault;
  }

  @Override
  public SparkGradients gradients(VaeSettings settings, DType dtype, Dataset train) {
    return gradients(new VaeRecipe(settings, dtype), train.features());
  }

  /** Data-parallel gradients of the Svi {@code recipe} builds, over the rows of {@code data}. */
  public SparkGradients gradients(SviRecipe recipe, DMatrixRMaj data) {
    return new SparkGradients(sc, cache(data, recipe), fault);
  }

  @Override
  public double[] logLikelihood(VaeSettings settings, DType dtype,
      Map<String, Parameter> parameters, DMatrixRMaj data, int k, int chunk,
      int examplesPerBatch, long seed) {
    return evaluation(new VaeRecipe(settings, dtype), data)
        .logLikelihood(FlatParameters.values(parameters), k, chunk, examplesPerBatch, seed);
  }

  @Override
  public double[] elbo(VaeSettings settings, DType dtype, Map<String, Parameter> parameters,
      DMatrixRMaj data, int particles, int batchSize, long seed) {
    return evaluation(new VaeRecipe(settings, dtype), data)
        .elbo(FlatParameters.values(parameters), particles, batchSize, seed);
  }

  @Override
  public Map<String, UnitMoments> posteriorMoments(VaeSettings settings, DType dtype,
      Map<String, Parameter> parameters, DMatrixRMaj data, int batchSize, long seed) {
    return evaluation(new VaeRecipe(settings, dtype), data)
        .posteriorMoments(FlatParameters.values(parameters), batchSize, seed);
  }

  /** Evaluations of the model {@code recipe} builds on the rows of {@code data}. */
  SparkEvaluation evaluation(SviRecipe recipe, DMatrixRMaj data) {
    return new SparkEvaluation(sc, cache(data, recipe), fault);
  }

  /** {@code data} cached on the cluster once (per matrix object and recipe). */
  private ClusterData cache(DMatrixRMaj data, SviRecipe recipe) {
    ClusterData c = cached.get(data);
    if (c == null || !c.recipe().equals(recipe)) {
      if (c != null) {
        c.release();
      }
      c = ClusterData.cache(sc, data, Math.min(partitions, data.numRows),
          UUID.randomUUID().toString(), recipe);
      cached.put(data, c);
    }
    return c;
  }

  @Override
  public void close() {
    cached.values().forEach(ClusterData::release);
    cached.clear();
    sc.stop();
  }
}
