package org.latentj.examples.models;

import org.apache.commons.rng.UniformRandomProvider;
import org.latentj.distributions.Bernoulli;
import org.latentj.distributions.RelaxedBernoulli;
import org.latentj.inference.objectives.baselines.NvilBaseline;
import org.latentj.model.Batch;
import org.latentj.model.Distribution;
import org.latentj.model.Program;
import org.latentj.model.Sites;
import org.latentj.nn.Activation;
import org.latentj.nn.Initializer;
import org.latentj.nn.Mlp;
import org.latentj.tensor.Tensor;

/**
 * A VAE with {@code D} binary latents, the one-layer sigmoid belief network of NVIL (Mnih &amp;
 * Gregor 2014, section 6) with an MLP decoder:
 *
 * <pre>
 * z ~ Bernoulli(1/2)^D,   x ~ Bernoulli(sigmoid(decoder(z))),   q(z | x) = Bernoulli(sigmoid(encoder(x)))
 * </pre>
 *
 * It can be trained two ways on the same networks: as it is, with score-function gradients
 * ({@code TraceGraphElbo} with an {@link NvilBaseline}), or through the binary Concrete relaxation
 * (Maddison, Mnih &amp; Teh 2016; Jang, Gu &amp; Poole 2016), where prior and guide become
 * {@link RelaxedBernoulli} at a temperature and the decoder reads the relaxed draw. Either way the
 * model that is evaluated is the discrete one, {@link #model(double)} at {@code NaN}.
 */
public final class DiscreteVae {

  /** The latent site's name. */
  public static final String Z = "z";

  private final Mlp encoder;
  private final Mlp decoder;
  private final int latents;

  /** Networks {@code pixels -> hidden -> latents} and back, tanh, Glorot-initialized. */
  public DiscreteVae(int pixels, int hidden, int latents, UniformRandomProvider rng) {
    this.encoder = new Mlp(new int[] {pixels, hidden, latents}, Activation.TANH,
        Initializer.glorotNormal(), rng);
    this.decoder = new Mlp(new int[] {latents, hidden, pixels}, Activation.TANH,
        Initializer.glorotNormal(), rng);
    this.latents = latents;
  }

  /** The model; relaxed at {@code temperature}, or the discrete model when it is NaN. */
  public Program model(double temperature) {
    return new Model(temperature);
  }

  /**
   * The guide; relaxed at {@code temperature}, or discrete when it is NaN, owning
   * {@code baseline} (may be null) so that Svi trains it.
   */
  public Program guide(double temperature, NvilBaseline baseline) {
    return new Guide(temperature, baseline);
  }

  private static Distribution family(double temperature, Tensor logits) {
    return Double.isNaN(temperature) ? Bernoulli.ofLogits(logits)
        : RelaxedBernoulli.of(temperature, logits);
  }

  private final class Model extends Program {
    private final double temperature;

    Model(double temperature) {
      this.temperature = temperature;
      register("decoder", decoder);
    }

    @Override
    public void run(Sites sites, Batch batch) {
      Tensor z = sites.sample(Z, family(temperature, Tensor.zeros(batch.size(), latents)));
      sites.observe("x", Bernoulli.ofLogits(decoder.forward(z)), batch.data());
    }

    @Override
    public String toString() {
      return "DiscreteVae.model(" + (Double.isNaN(temperature) ? "Bernoulli"
          : "RelaxedBernoulli, temperature " + temperature) + ", " + latents + " latents)";
    }
  }

  private final class Guide extends Program {
    private final double temperature;

    Guide(double temperature, NvilBaseline baseline) {
      this.temperature = temperature;
      register("encoder", encoder);
      if (baseline != null) {
        register("baseline", baseline);
      }
    }

    @Override
    public void run(Sites sites, Batch batch) {
      sites.sample(Z, family(temperature, encoder.forward(batch.data())));
    }
  }
}
