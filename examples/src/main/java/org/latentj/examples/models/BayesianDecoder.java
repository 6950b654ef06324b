package org.latentj.examples.models;

import java.util.LinkedHashMap;
import java.util.Map;
import org.latentj.distributions.Bernoulli;
import org.latentj.distributions.Normal;
import org.latentj.inference.priors.StandardNormalPrior;
import org.latentj.model.Batch;
import org.latentj.model.Program;
import org.latentj.model.Sites;
import org.latentj.model.handlers.Plate;
import org.latentj.tensor.Tensor;

/**
 * A VAE whose decoder weights are latent: full variational Bayes (Kingma &amp; Welling 2013,
 * "Auto-Encoding Variational Bayes", Appendix F). The weights are global sites with a
 * {@code N(0, I)} prior; each example's z and x sit in a plate over the whole data set, so a
 * minibatch's terms are scaled by {@code N / M} and the weights' {@code log p - log q} enters
 * once per data set ({@code 1/N} of it per example in the reported bound):
 *
 * <pre>
 *   W1 ~ N(0, I) (z x h), b1 ~ N(0, I) (h), W2 ~ N(0, I) (h x 784), b2 ~ N(0, I) (784)   global
 *   z_i ~ N(0, I),   x_i ~ Bernoulli(tanh(z_i W1 + b1) W2 + b2)                  plate "data"
 * </pre>
 *
 * Each weight matrix is one site holding its entries row-major in one row. One weight draw
 * serves the whole minibatch, so train it with one particle.
 */
public final class BayesianDecoder extends Program {

  /** The weight sites and their shapes {rows, columns}, in order. */
  private final Map<String, int[]> shapes;
  private final StandardNormalPrior prior;
  private final int dataSize;

  /**
   * @param dataSize N, the examples in the whole data set (the plate's size)
   */
  public BayesianDecoder(int latentSize, int hiddenSize, int outputSize, int dataSize) {
    this.shapes = weightShapes(latentSize, hiddenSize, outputSize);
    this.prior = register("prior", new StandardNormalPrior(latentSize));
    this.dataSize = dataSize;
  }

  /** The sites {@code w1, b1, w2, b2} and their shapes, as the guide must sample them. */
  public static Map<String, int[]> weightShapes(int latentSize, int hiddenSize, int outputSize) {
    Map<String, int[]> shapes = new LinkedHashMap<>();
    shapes.put("w1", new int[] {latentSize, hiddenSize});
    shapes.put("b1", new int[] {1, hiddenSize});
    shapes.put("w2", new int[] {hiddenSize, outputSize});
    shapes.put("b2", new int[] {1, outputSize});
    return shapes;
  }

  @Override
  public void run(Sites sites, Batch batch) {
    if (batch.particles() != 1) {
      throw new IllegalArgumentException("BayesianDecoder: one weight draw serves the whole"
          + " minibatch, so it takes one particle, got " + batch.particles());
    }
    Tensor w1 = weights(sites, "w1");
    Tensor b1 = weights(sites, "b1");
    Tensor w2 = weights(sites, "w2");
    Tensor b2 = weights(sites, "b2");
    try (Plate data = sites.plate("data", dataSize, batch.examples())) {
      Tensor z = sites.sample(ConditionalVaeModel.LATENT, prior.distribution(batch.size()));
      Tensor logits = z.affine(w1, b1).tanh().affine(w2, b2);
      sites.observe(ConditionalVaeModel.OBSERVED, Bernoulli.ofLogits(logits),
          batch.hasData() ? batch.data() : null);
    }
  }

  /** Draws the named weights from their N(0, I) prior's site and lays them out as a matrix. */
  private Tensor weights(Sites sites, String name) {
    int[] shape = shapes.get(name);
    int width = shape[0] * shape[1];
    Tensor row = sites.sample(name, Normal.ofScale(Tensor.zeros(1, width),
        Tensor.filled(1, width, 1)));
    return asMatrix(row, shape[0], shape[1]);
  }

  /** A {@code 1 x (r c)} row as the {@code r x c} matrix it holds row-major, differentiably. */
  static Tensor asMatrix(Tensor row, int r, int c) {
    if (r == 1) {
      return row;
    }
    // Each slice of c entries is a matrix row; stack them via the transposes' columns.
    Tensor[] columns = new Tensor[r];
    for (int i = 0; i < r; i++) {
      columns[i] = row.columns(i * c, (i + 1) * c).transpose();
    }
    return Tensor.concatColumns(columns).transpose();
  }

  public int dataSize() {
    return dataSize;
  }

  @Override
  public String toString() {
    return "BayesianDecoder(z ~ " + prior + ", weights " + shapes.keySet() + " ~ N(0, I), data"
        + " plate of " + dataSize + ")";
  }
}
