package org.latentj.examples.models;

import java.util.Map;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.inference.guides.AutoNormal;
import org.latentj.model.Batch;
import org.latentj.model.Posterior;
import org.latentj.model.Program;
import org.latentj.model.Sites;
import org.latentj.model.handlers.Plate;
import org.latentj.tensor.Rngs;

/**
 * The guide of a {@link BayesianDecoder}: a mean-field Gaussian over the decoder's weights
 * ({@link AutoNormal}, global) and the usual amortized q(z | x) per example, inside the same
 * data plate as the model's z so both sides of its term carry the plate's N / M.
 */
public final class BayesianDecoderGuide extends Program {

  private final AutoNormal weights;
  private final Posterior encoder;
  private final int dataSize;

  /**
   * @param shapes the model's weight sites ({@link BayesianDecoder#weightShapes})
   * @param initScale the weights' initial posterior standard deviation
   * @param rng draws the posterior means' initial values (He et al.'s normal, as a point
   *     estimate would start)
   */
  public BayesianDecoderGuide(Map<String, int[]> shapes, Posterior encoder, int dataSize,
      double initScale, UniformRandomProvider rng) {
    AutoNormal.Builder b = AutoNormal.builder().initScale(initScale);
    shapes.forEach((name, shape) -> b.site(name, shape[0] * shape[1]));
    this.weights = register("weights", b.build());
    shapes.forEach((name, shape) -> {
      if (shape[0] > 1) { // matrices start random, biases at 0
        DMatrixRMaj loc = Rngs.standardNormal(rng, 1, shape[0] * shape[1]);
        loc.data = scaled(loc.data, Math.sqrt(2.0 / shape[0]));
        weights.parameters().get(name + ".loc").value().setTo(loc);
      }
    });
    this.encoder = register("encoder", Objects.requireNonNull(encoder, "encoder"));
    this.dataSize = dataSize;
  }

  private static double[] scaled(double[] a, double c) {
    for (int i = 0; i < a.length; i++) {
      a[i] *= c;
    }
    return a;
  }

  @Override
  public void run(Sites sites, Batch batch) {
    weights.run(sites, batch);
    try (Plate data = sites.plate("data", dataSize, batch.examples())) {
      sites.sample(ConditionalVaeModel.LATENT, encoder.given(batch.data()));
    }
  }

  /** q over the decoder's weights. */
  public AutoNormal weights() {
    return weights;
  }

  @Override
  public String toString() {
    return "BayesianDecoderGuide(" + weights + ", z ~ " + encoder + ")";
  }
}
