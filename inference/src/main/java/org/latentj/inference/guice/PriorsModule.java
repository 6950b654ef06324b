package org.latentj.inference.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.multibindings.MapBinder;
import org.latentj.inference.priors.StandardNormalPrior;

/**
 * The registry of priors p(z) by name. A prior's spec may carry an argument after a colon
 * ({@code mog:10}), which its factory parses ({@link ComponentSpec#positiveIntArgument()}).
 */
public final class PriorsModule extends AbstractModule {

  /** {@code N(0, I)}, the VAE's usual prior; takes no argument. */
  public static final String STANDARD_NORMAL = "standard-normal";

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
