package org.latentj.inference.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.multibindings.MapBinder;
import org.ejml.data.DMatrixRMaj;
import org.latentj.distributions.NormalHead;
import org.latentj.inference.priors.PriorSpec;
import org.latentj.inference.priors.StandardNormalPrior;
import org.latentj.inference.priors.VampPrior;
import org.latentj.model.Prior;
import org.latentj.tensor.Rngs;

/**
 * The registry of priors p(z) by name. A prior's spec may carry an argument after a colon
 * ({@code mog:10}), which its factory parses ({@link ComponentSpec#positiveIntArgument()}).
 * The VampPrior ({@code vamp:K}) is built from the guide's encoder and, when
 * {@link VaeModule#trainingRows} gives them, K random training rows ({@link PriorInputs}).
 */
public final class PriorsModule extends AbstractModule {

  /** {@code N(0, I)}, the VAE's usual prior; takes no argument. */
  public static final String STANDARD_NORMAL = "standard-normal";

  /** A learned mixture of K Gaussians, {@code mog:K}. */
  public static final String MIXTURE = "mog";

  /** The VampPrior of Tomczak &amp; Welling (2018) with K pseudo-inputs, {@code vamp:K}. */
  public static final String VAMP = "vamp";

  /** A RealNVP flow prior on N(0, I), {@code flow} or {@code flow:K} (K coupling layers). */
  public static final String FLOW = "flow";

  /** One sentence per prior, for {@code --help}. */
  public static final java.util.Map<String, String> DESCRIPTIONS = java.util.Map.of(
      STANDARD_NORMAL, "N(0, I), the VAE's usual prior; nothing to learn.",
      MIXTURE, "mog:K, a learned mixture of K diagonal Gaussians (weights, means, scales).",
      VAMP, "vamp:K, the VampPrior (Tomczak & Welling 2018): the mixture of the encoder's"
          + " posteriors at K learned pseudo-inputs, started at random training examples.",
      FLOW, "flow or flow:K, K RealNVP coupling layers (default " + PriorSpec.DEFAULT_FLOW_LAYERS
          + ") that reshape N(0, I).");

  /** Adds the prior {@code name} to the registry. */
  public static void register(Binder binder, String name, PriorFactory factory) {
    MapBinder.newMapBinder(binder, String.class, PriorFactory.class)
        .addBinding(ComponentSpec.canonicalName(name)).toInstance(factory);
  }

  @Override
  protected void configure() {
    register(binder(), STANDARD_NORMAL, (spec, in) -> {
      spec.requireNoArgument();
      return new StandardNormalPrior(in.latentSize(), in.dtype());
    });
    register(binder(), MIXTURE, (spec, in) -> {
      spec.positiveIntArgument();
      return learned(spec, in);
    });
    register(binder(), VAMP, new PriorFactory() {
      @Override
      public Prior create(ComponentSpec spec, PriorInputs in) {
        return vamp(spec, in);
      }

      @Override
      public boolean needsTrainingRows() {
        return true;
      }
    });
    register(binder(), FLOW, (spec, in) -> {
      if (spec.argument() != null) {
        spec.positiveIntArgument();
      }
      return learned(spec, in);
    });
  }

  /** {@code vamp:K}, whose pseudo-inputs start at K random training rows (or at 0). */
  private static Prior vamp(ComponentSpec spec, PriorInputs in) {
    int k = spec.positiveIntArgument();
    if (!(in.encoder().head() instanceof NormalHead)) {
      throw new IllegalArgumentException("'" + spec + "': a VampPrior mixes the encoder's"
          + " diagonal Normal posteriors at its pseudo-inputs, but the posterior is "
          + in.encoder().head() + "; use vamp without a posterior flow");
    }
    Prior prior = in.trainingRows() == null
        ? new VampPrior(in.encoder(), new DMatrixRMaj(k, in.inputSize()), in.inputSize(),
            in.latentSize())
        : learned(spec, in);
    prior.convertTo(in.dtype());
    return prior;
  }

  /**
   * A learned prior by {@link PriorSpec}. A factory is given no seed, so its initial draw comes
   * from a stream named by the spec and latent size: the same for every run of that shape.
   */
  private static Prior learned(ComponentSpec spec, PriorInputs in) {
    Prior prior = PriorSpec.parse(spec.toString()).build(in.latentSize(), in.encoder(),
        in.trainingRows(), Rngs.derive(in.latentSize(), "prior " + spec));
    prior.convertTo(in.dtype());
    return prior;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PriorsModule;
  }

  @Override
  public int hashCode() {
    return PriorsModule.class.hashCode();
  }
}
