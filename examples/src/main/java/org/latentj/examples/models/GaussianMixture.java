package org.latentj.examples.models;

import org.ejml.data.DMatrixRMaj;
import org.latentj.distributions.MixtureOfDiagonalNormals;
import org.latentj.distributions.Normal;
import org.latentj.distributions.OneHotCategorical;
import org.latentj.inference.objectives.TraceEnumElbo;
import org.latentj.model.Batch;
import org.latentj.model.Program;
import org.latentj.model.Sites;
import org.latentj.model.handlers.Plate;
import org.latentj.nn.Parameter;
import org.latentj.tensor.Tensor;

/**
 * A mixture of {@code K} isotropic Gaussians with global means, mixture weights and an
 * enumerated assignment per point (Bishop 2006, section 9.2):
 *
 * <pre>
 * mu_j ~ N(0, s0^2 I)                       global, j = 0 .. K-1 (sites "mean0", "mean1", ...)
 * c_i  ~ Categorical(softmax(w))            per point, summed out exactly (site "c")
 * x_i  ~ N(mu_{c_i}, sigma^2 I)             observed (site "x")
 * </pre>
 *
 * The weights' logits {@code w} are a parameter (maximum likelihood); the means are latent, for a
 * guide over global sites such as {@code AutoNormal}; {@code sigma} and {@code s0} are fixed.
 * The assignment is marked for enumeration, so under {@link TraceEnumElbo} no guide samples it:
 * the bound holds {@code log sum_j pi_j N(x_i; mu_j, sigma^2 I)} exactly for each draw of the
 * means. The points sit in a plate of the data set's size, so minibatches are scaled up.
 */
public final class GaussianMixture extends Program {

  private final int components;
  private final int dims;
  private final int dataSize;
  private final double logVariance;
  private final double priorLogVariance;
  private final Parameter logits;

  /**
   * @param dataSize the number of points in the whole data set (the plate's size)
   * @param sigma the components' known standard deviation
   * @param priorScale {@code s0}, the prior standard deviation of each mean's coordinates
   */
  public GaussianMixture(int components, int dims, int dataSize, double sigma,
      double priorScale) {
    this.components = components;
    this.dims = dims;
    this.dataSize = dataSize;
    this.logVariance = 2 * Math.log(sigma);
    this.priorLogVariance = 2 * Math.log(priorScale);
    this.logits = register(new Parameter("logits", new DMatrixRMaj(1, components)));
  }

  /** The name of component j's mean site. */
  public static String mean(int j) {
    return "mean" + j;
  }

  @Override
  public void run(Sites sites, Batch batch) {
    int particles = batch.particles();
    Tensor[] means = new Tensor[components];
    for (int j = 0; j < components; j++) {
      means[j] = sites.sample(mean(j), Normal.ofLogVariance(Tensor.zeros(particles, dims),
          Tensor.filled(1, dims, priorLogVariance)));
    }
    try (Plate data = sites.plate("data", dataSize, batch.examples())) {
      Tensor c = sites.sample("c", OneHotCategorical.ofLogits(logits.tensor()
          .repeatRows(batch.size())), TraceEnumElbo.PARALLEL);
      Tensor location = null;
      for (int j = 0; j < components; j++) {
        Tensor share = c.columns(j, j + 1).mul(batch.particleRows(means[j]));
        location = location == null ? share : location.add(share);
      }
      sites.observe("x", Normal.ofLogVariance(location, Tensor.filled(1, dims, logVariance)),
          batch.data());
    }
  }

  /** {@code softmax(w)}: the mixture weights. */
  public double[] weights() {
    return Tensor.constant(logits.value()).softmax().value().data.clone();
  }

  /** The mixture density with the given means ({@code K x d}, Not modified), for {@code rows}. */
  public MixtureOfDiagonalNormals density(DMatrixRMaj means, int rows) {
    return MixtureOfDiagonalNormals.of(Tensor.constant(logits.value()), Tensor.constant(means),
        Tensor.filled(components, dims, logVariance), rows);
  }
}
