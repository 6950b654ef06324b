package org.latentj.inference.scaleout;

import java.util.Map;
import java.util.ServiceLoader;
import org.ejml.data.DMatrixRMaj;
import org.latentj.inference.data.Dataset;
import org.latentj.inference.evaluation.UnitMoments;
import org.latentj.inference.guice.VaeSettings;
import org.latentj.inference.training.Svi;
import org.latentj.nn.Parameter;
import org.latentj.tensor.DType;

/**
 * A cluster that trains and evaluates a VAE data-parallel with the numbers one machine gives
 * (the {@code spark} module provides one; nothing here depends on it). Found at run time with
 * {@link ServiceLoader}, so the command-line tool needs the cluster's libraries only when it is
 * asked to use one.
 *
 * <p>Every draw is keyed noise ({@code KeyedNoise}), so a run on the cluster and a run with
 * {@code Svi.keyedNoise(seed)} on one machine agree to the round-off of summing gradients in
 * another order.
 */
public interface ScaleOut extends AutoCloseable {

  /** Makes a {@link ScaleOut}; listed in {@code META-INF/services}. */
  interface Provider {
    /**
     * Connects to {@code master} (e.g. {@code local[2]}) with each data set in
     * {@code partitions} blocks (0: the cluster's default parallelism).
     */
    ScaleOut connect(String master, int partitions);
  }

  /**
   * The provider on the class path connected to {@code master}.
   *
   * @throws IllegalStateException when no provider is on the class path
   */
  static ScaleOut connect(String master, int partitions) {
    for (Provider p : ServiceLoader.load(Provider.class)) {
      return p.connect(master, partitions);
    }
    throw new IllegalStateException("no scale-out provider on the class path for master '"
        + master + "': build the spark module (the latentj launcher adds it when"
        + " --spark-master is given)");
  }

  /**
   * A gradient source that sums each step's gradients over the cluster's partitions of
   * {@code train}; give it to {@code svi.keyedNoise(seed).gradientSource(...)} of a VAE built
   * from {@code settings} in {@code dtype}. Each batch's indices are rows of {@code train}.
   */
  Svi.GradientSource gradients(VaeSettings settings, DType dtype, Dataset train);

  /**
   * Importance-sampled log p(x) for each row of {@code data} (k samples, {@code chunk} at a
   * time for {@code examplesPerBatch} examples), under keyed noise with {@code seed}: the
   * numbers {@code Evaluator.logLikelihood} gives with {@code EvaluationNoise.keyed(seed, 0)}.
   */
  double[] logLikelihood(VaeSettings settings, DType dtype, Map<String, Parameter> parameters,
      DMatrixRMaj data, int k, int chunk, int examplesPerBatch, long seed);

  /**
   * The analytic-KL ELBO ({@code particles} draws of z) for each row of {@code data}, in
   * minibatches of {@code batchSize}, under keyed noise with {@code seed}.
   */
  double[] elbo(VaeSettings settings, DType dtype, Map<String, Parameter> parameters,
      DMatrixRMaj data, int particles, int batchSize, long seed);

  /** For each latent site, the sums of its posterior means over {@code data}. */
  Map<String, UnitMoments> posteriorMoments(VaeSettings settings, DType dtype,
      Map<String, Parameter> parameters, DMatrixRMaj data, int batchSize, long seed);

  /** Stops the connection (the cluster's context). */
  @Override
  void close();
}
