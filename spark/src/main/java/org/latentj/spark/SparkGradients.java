package org.latentj.spark;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.latentj.inference.training.PerExampleSites;
import org.latentj.inference.training.Svi;
import org.latentj.model.Batch;
import org.latentj.model.KeyedNoise;
import org.latentj.tensor.Tensor;

/**
 * Synchronous data-parallel gradients: each step the driver broadcasts the parameters, every
 * partition computes the summed gradient of its members of the minibatch (on the executor's copy
 * of the model, with the step's keyed noise, through {@link Svi#localGradients}), and the driver
 * adds the partial sums in partition order and divides by the minibatch's size, which is the
 * gradient one machine makes, up to the order of the sum. {@link Svi} then runs the gradient
 * hooks and the optimizer step as usual, so listeners, checkpoints and resume are unchanged.
 * What the model must be to train this way is checked once, before the first step
 * ({@link DataParallelRequirements}).
 *
 * <p>Bytes moved per step: the parameters once to each executor (P doubles, 8P bytes, by
 * Spark's torrent broadcast), the minibatch's indices with each task, and one gradient of 8P
 * bytes back from each partition.
 */
public final class SparkGradients implements Svi.GradientSource {

  private final JavaSparkContext sc;
  private final ClusterData data;
  private final TaskFault fault;
  private final StepTimes times = new StepTimes();
  private boolean checked;

  SparkGradients(JavaSparkContext sc, ClusterData data, TaskFault fault) {
    this.sc = sc;
    this.data = data;
    this.fault = fault;
  }

  /** Per-step times so far. */
  public StepTimes times() {
    return times;
  }

  @Override
  public double gradients(Svi svi, long step, Batch batch, UniformRandomProvider noise) {
    if (!(noise instanceof KeyedNoise keyed)) {
      throw DataParallelRequirements.orderedNoise();
    }
    if (!checked) { // once, before the first step sends anything to the cluster
      int[] first = Arrays.copyOf(keyed.examples(), Math.min(2, keyed.examples().length));
      DataParallelRequirements.check(svi, firstExamples(batch, first),
          KeyedNoise.of(keyed.seed(), step, first));
      checked = true;
    }
    int[] members = keyed.examples();
    long seed = keyed.seed();
    long t0 = System.nanoTime();
    Broadcast<double[]> parameters = sc.broadcast(FlatParameters.values(svi.parameters()));
    long t1 = System.nanoTime();
    List<PartialGradient> parts;
    try {
      parts = data.onEveryBlock(parameters, fault,
          (replica, block, partition) -> partialGradient(replica, block, partition, members,
              step, seed));
    } catch (Exception e) { // SparkException is checked in Java but thrown undeclared
      throw new SparkStepException("step " + step, e);
    } finally {
      parameters.destroy(false);
    }
    long t2 = System.nanoTime();
    double[] sum = new double[FlatParameters.size(svi.parameters())];
    double boundSum = 0;
    int examples = 0;
    long slowest = 0;
    for (PartialGradient part : parts) { // partition order: the same sum on every run
      examples += part.examples;
      slowest = Math.max(slowest, part.computeNanos);
      if (part.gradientSum != null) {
        boundSum += part.boundSum;
        double[] g = part.gradientSum;
        for (int i = 0; i < sum.length; i++) {
          sum[i] += g[i];
        }
      }
    }
    if (examples != members.length) {
      throw new IllegalArgumentException("SparkGradients: the partitions hold " + examples
          + " of the minibatch's " + members.length + " examples; its indices must be rows"
          + " 0.." + (data.rows() - 1) + " of the cached data");
    }
    for (int i = 0; i < sum.length; i++) {
      sum[i] /= examples;
    }
    FlatParameters.setGradients(svi.parameters(), sum);
    times.add(t1 - t0, slowest, t2 - t1, System.nanoTime() - t2);
    return boundSum / examples;
  }

  /**
   * The minibatch's first {@code indices.length} examples (two where it has them, so that a
   * global site's rows differ from a per-example one's), indexed as in the data set.
   */
  private static Batch firstExamples(Batch batch, int[] indices) {
    int n = indices.length;
    Tensor x = batch.data().rows(0, n);
    Batch few = batch.hasCondition() ? Batch.of(x, batch.condition().rows(0, n)) : Batch.of(x);
    return few.indexed(indices);
  }

  /** One partition's share of a step: its members of the minibatch, summed. */
  private static PartialGradient partialGradient(Svi replica, DataBlock block, int partition,
      int[] members, long step, long seed) {
    long start = System.nanoTime();
    int[] mine = Arrays.stream(members).filter(block::holds).toArray();
    if (mine.length == 0) {
      return new PartialGradient(partition, 0, 0, null, System.nanoTime() - start);
    }
    replica.optimizer().zeroGrad();
    Batch batch = Batch.of(Tensor.constant(block.rowsAt(mine), replica.guide().dtype()))
        .indexed(mine);
    double bound = replica.localGradients(step, batch, KeyedNoise.of(seed, step, mine));
    // The loss is a mean over this partition's examples; its sum is what adds up.
    return new PartialGradient(partition, mine.length, bound * mine.length,
        FlatParameters.gradients(replica.parameters(), mine.length), System.nanoTime() - start);
  }
}
