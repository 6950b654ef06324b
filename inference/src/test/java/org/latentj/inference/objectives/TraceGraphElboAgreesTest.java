package org.latentj.inference.objectives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.latentj.distributions.Normal;
import org.latentj.inference.guides.AutoNormal;
import org.latentj.inference.objectives.baselines.DecayingAverageBaseline;
import org.latentj.inference.training.Gradients;
import org.latentj.model.Batch;
import org.latentj.model.Loss;
import org.latentj.model.Objective;
import org.latentj.model.Program;
import org.latentj.model.Sites;
import org.latentj.model.handlers.Plate;
import org.latentj.nn.Parameter;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/**
 * With only reparameterized sites there is nothing for a score function to do: TraceGraphElbo's
 * bound and gradients must be Elbo's exactly, including a global site, a subsampled plate and
 * several particles (which pins how SiteCosts weighs each site).
 */
class TraceGraphElboAgreesTest {

  /** {@code w ~ N(0, I)} global, {@code z_i ~ N(0, 1)}, {@code x_i ~ N(z_i + w, 1)}. */
  static final Program MODEL = new Program() {
    @Override
    public void run(Sites sites, Batch b) {
      Tensor w = sites.sample("w", Normal.ofLogVariance(Tensor.zeros(b.particles(), 2),
          Tensor.zeros(1, 2)));
      try (Plate data = sites.plate("data", 12, b.examples())) {
        Tensor z = sites.sample("z", Normal.ofLogVariance(Tensor.zeros(b.size(), 1),
            Tensor.zeros(1, 1)));
        sites.observe("x", Normal.ofLogVariance(Tensor.concatColumns(z, z)
            .add(b.particleRows(w)), Tensor.zeros(1, 2)), b.data());
      }
    }
  };

  static final class Guide extends Program {
    final AutoNormal global = register("global", AutoNormal.builder().site("w", 2).build());
    final Parameter a = register(new Parameter("a", new DMatrixRMaj(new double[][] {{0.3},
        {-0.2}})));

    @Override
    public void run(Sites sites, Batch b) {
      global.run(sites, b);
      try (Plate data = sites.plate("data", 12, b.examples())) {
        sites.sample("z", Normal.ofLogVariance(b.data().matmul(a.tensor()), Tensor.zeros(1, 1)));
      }
    }
  }

  static double[] gradient(Objective objective, Guide guide, Batch batch) {
    guide.zeroGrad();
    Loss loss = objective.loss(MODEL, guide, batch, Rngs.create(5));
    Gradients.backward(loss, MODEL, guide);
    double[] g = new double[(int) guide.parameterCount() + 1];
    int at = 0;
    for (Parameter p : guide.parameters().values()) {
      for (double v : p.grad().data) {
        g[at++] = v;
      }
    }
    g[g.length - 1] = loss.meanBound();
    return g;
  }

  @Test
  void withNoScoreSitesItIsElbo() {
    Batch batch = Batch.of(Tensor.of(new double[][] {{1, 0.5}, {-0.3, 2}, {0.8, -1}, {0, 0}}));
    Guide guide = new Guide();
    double[] elbo = gradient(new Elbo(3), guide, batch);
    double[] graph = gradient(new TraceGraphElbo(3, new DecayingAverageBaseline(0.9)), guide, batch);
    for (int j = 0; j < elbo.length; j++) {
      assertThat(graph[j]).as("coordinate %d", j).isCloseTo(elbo[j], within(1e-12));
    }
  }
}
