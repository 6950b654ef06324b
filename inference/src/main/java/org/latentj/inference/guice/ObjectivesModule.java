package org.latentj.inference.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.OptionalBinder;
import org.latentj.distributions.KlRegistry;
import org.latentj.inference.objectives.AnalyticKlElbo;
import org.latentj.inference.objectives.Elbo;
import org.latentj.inference.objectives.ImportanceWeightedElbo;

/**
 * The registry of objectives by name, holding the library's four, and the registry of
 * closed-form KL rules they may use (a default a user module can replace). A user's objective is
 * one more entry: {@code ObjectivesModule.register(binder, "my-elbo", (s, kl) -> new
 * MyElbo(s.particles()))}; the settings, the command line and provenance then know it by name.
 */
public final class ObjectivesModule extends AbstractModule {

  /** Monte Carlo ELBO, the AEVB paper's estimator A. */
  public static final String ELBO = "elbo";
  /** ELBO with closed-form KL where one exists, estimator B. */
  public static final String ANALYTIC_KL = "analytic-kl";
  /** Importance-weighted bound with k = particles (Burda et al. 2015). */
  public static final String IWAE = "iwae";
  /** Importance-weighted bound with doubly-reparameterized guide gradients. */
  public static final String IWAE_DREG = "iwae-dreg";

  /** Adds the objective {@code name} to the registry. */
  public static void register(Binder binder, String name, ObjectiveFactory factory) {
    MapBinder.newMapBinder(binder, String.class, ObjectiveFactory.class)
        .addBinding(ComponentSpec.canonicalName(name)).toInstance(factory);
  }

  @Override
  protected void configure() {
    OptionalBinder.newOptionalBinder(binder(), KlRegistry.class)
        .setDefault().toInstance(KlRegistry.standard());
    register(binder(), ELBO, (s, kl) -> new Elbo(s.particles()));
    register(binder(), ANALYTIC_KL, (s, kl) -> new AnalyticKlElbo(kl, s.particles()));
    register(binder(), IWAE, (s, kl) -> ImportanceWeightedElbo.of(s.particles()));
    register(binder(), IWAE_DREG,
        (s, kl) -> ImportanceWeightedElbo.doublyReparameterized(s.particles()));
  }

  // Equal modules are installed once, so VaeModule and a user may both install this one.
  @Override
  public boolean equals(Object o) {
    return o instanceof ObjectivesModule;
  }

  @Override
  public int hashCode() {
    return ObjectivesModule.class.hashCode();
  }
}
