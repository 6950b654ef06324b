package org.latentj.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.ejml.data.DMatrixRMaj;
import org.latentj.inference.training.Svi;

/**
 * A data set cached on the cluster as one {@link DataBlock} per partition (contiguous rows, so
 * a row's index in the data set is known on the executor), and the one way tasks run on it:
 * set the executor's copy of the model to the broadcast parameters, then run a
 * {@link BlockTask} on the block. Results come back in partition order.
 */
final class ClusterData {

  private final JavaRDD<DataBlock> blocks;
  private final String run;
  private final SviRecipe recipe;
  private final int rows;

  private ClusterData(JavaRDD<DataBlock> blocks, String run, SviRecipe recipe, int rows) {
    this.blocks = blocks;
    this.run = run;
    this.recipe = recipe;
    this.rows = rows;
  }

  /**
   * {@code data} (Not modified) split into {@code partitions} contiguous blocks of near-equal
   * size, cached in the executors' memory and read once.
   */
  static ClusterData cache(JavaSparkContext sc, DMatrixRMaj data, int partitions, String run,
      SviRecipe recipe) {
    if (partitions < 1 || partitions > data.numRows) {
      throw new IllegalArgumentException("ClusterData: " + partitions + " partitions for "
          + data.numRows + " rows (give between 1 and the number of rows)");
    }
    List<DataBlock> list = new ArrayList<>(partitions);
    for (int p = 0; p < partitions; p++) {
      int from = (int) ((long) p * data.numRows / partitions);
      int to = (int) ((long) (p + 1) * data.numRows / partitions);
      list.add(DataBlock.of(data, from, to));
    }
    JavaRDD<DataBlock> rdd = sc.parallelize(list, partitions).persist(StorageLevel.MEMORY_ONLY());
    rdd.count(); // materialize the cache now, not inside the first step's timing
    return new ClusterData(rdd, run, recipe, data.numRows);
  }

  int rows() {
    return rows;
  }

  SviRecipe recipe() {
    return recipe;
  }

  int partitions() {
    return blocks.getNumPartitions();
  }

  /**
   * Runs {@code task} on every block with the executor's copy of the model set to
   * {@code parameters}; the results in partition order.
   */
  <T> List<T> onEveryBlock(Broadcast<double[]> parameters, TaskFault fault, BlockTask<T> task) {
    String run = this.run;
    SviRecipe recipe = this.recipe;
    return blocks.mapPartitionsWithIndex((Integer partition, Iterator<DataBlock> it) -> {
      fault.maybeFail(partition, TaskContext.get().attemptNumber());
      DataBlock block = it.next();
      Svi replica = Replicas.of(run, partition, recipe);
      FlatParameters.setValues(replica.parameters(), parameters.value());
      return List.of(task.run(replica, block, partition)).iterator();
    }, true).collect();
  }

  /** Drops the cached blocks. */
  void release() {
    blocks.unpersist(false);
    Replicas.forget(run);
  }
}
