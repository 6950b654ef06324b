package org.latentj.examples.cli;

import org.latentj.inference.data.Dataset;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.inference.scaleout.ScaleOut;
import org.latentj.tensor.DType;
import picocli.CommandLine.Option;

/**
 * {@code --spark-master} and {@code --spark-partitions}: run a command's heavy part on Apache
 * Spark. The spark module is found at run time ({@link ScaleOut#connect}), so this module does
 * not depend on it; the {@code latentj} launcher puts it on the class path when
 * {@code --spark-master} is given.
 */
final class SparkOptions {

  @Option(names = "--spark-master", paramLabel = "URL",
      description = {"Run on Apache Spark: local[2], local[2,2] (two tries per task), "
          + "spark://host:7077, yarn (under spark-submit, its --master wins). Every draw is "
          + "then keyed by (seed, step, example, site), so any number of partitions gives the "
          + "numbers one machine gives. See docs/spark.md."})
  String master;

  @Option(names = "--spark-partitions", paramLabel = "N", defaultValue = "0",
      description = "Partitions of the data on Spark (0: Spark's default parallelism). "
          + "Default: ${DEFAULT-VALUE}.")
  int partitions;

  boolean given() {
    return master != null;
  }

  /** The cluster, or null without {@code --spark-master}. */
  ScaleOut connect() {
    if (master == null) {
      return null;
    }
    Commands.atLeast("--spark-partitions", partitions, 0);
    try {
      return ScaleOut.connect(master, partitions);
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new UsageException("--spark-master " + master + ": " + e.getMessage());
    }
  }

  /** Refuses what executors cannot reproduce: a fresh binarization each epoch. */
  void requireCompatible(Binarization binarize) {
    if (master != null && binarize == Binarization.DYNAMIC) {
      throw new UsageException("--binarize dynamic cannot be combined with --spark-master: the"
          + " executors hold the training data as it was cached; use --binarize fixed or none");
    }
  }

  /** Has {@code vae} take its gradients from {@code cluster} (if any), with keyed noise. */
  static void plugInto(Vae vae, ScaleOut cluster, VaeSettings settings, DType dtype,
      Dataset train) {
    if (cluster != null) {
      vae.svi().keyedNoise(settings.seed())
          .gradientSource(cluster.gradients(settings, dtype, train));
    }
  }
}
