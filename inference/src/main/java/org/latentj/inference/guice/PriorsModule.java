package org.latentj.inference.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.multibindings.MapBinder;
import org.latentj.inference.priors.PriorSpec;
import org.latentj.inference.priors.StandardNormalPrior;
import org.latentj.model.Prior;
import org.latentj.tensor.DType;
import org.latentj.tensor.Rngs;

/**
 * The registry of priors p(z) by name. A prior's spec may carry an argument after a colon
 * ({@code mog:10}), which its factory parses ({@link ComponentSpec#positiveIntArgument()}).
 */
public final class PriorsModule extends AbstractModule {

  /** {@code N(0, I)}, the VAE's usual prior; takes no argument. */
  public static final String STANDARD_NORMAL = "standard-normal";

  /** A learned mixture of K Gaussians, {@code mog:K}. */
  public static final String MIXTURE = "mog";

  /** A RealNVP flow prior on N(0, I), {@code flow} or {@code flow:K} (K coupling layers). */
  public static final String FLOW = "flow";

  /** Adds the prior {@code name} to the registry. */
  public static void register(Binder binder, String name, PriorFactory factory) {
    MapBinder.newMapBinder(binder, String.class, PriorFactory.class)
        .addBinding(ComponentSpec.canonicalName(name)).toInstance(factory);
  }

  @Override
  protected void configure() {
    register(binder(), STANDARD_NORMAL, (spec, latentSize, dtype) -> {
      spec.requireNoArgument();
      return new StandardNormalPrior(latentSize, dtype);
    });
    register(binder(), MIXTURE, (spec, latentSize, dtype) -> {
      spec.positiveIntArgument();
      return learned(spec, latentSize, dtype);
    });
    register(binder(), FLOW, (spec, latentSize, dtype) -> {
      if (spec.argument() != null) {
        spec.positiveIntArgument();
      }
      return learned(spec, latentSize, dtype);
    });
  }

  /**
   * A learned prior by {@link PriorSpec}. A factory is given no seed, so its initial draw comes
   * from a stream named by the spec and latent size: the same for every run of that shape.
   */
  private static Prior learned(ComponentSpec spec, int latentSize, DType dtype) {
    Prior prior = PriorSpec.parse(spec.toString()).build(latentSize, null, null,
        Rngs.derive(latentSize, "prior " + spec));
    prior.convertTo(dtype);
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
