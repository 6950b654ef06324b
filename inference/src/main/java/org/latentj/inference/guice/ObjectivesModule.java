package org.latentj.inference.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import org.latentj.distributions.KlRegistry;
import org.latentj.model.Objective;

/**
 * The objective, and the registry of closed-form KL rules it may use (a default that a user
 * module can replace with a registry holding more rules).
 */
public final class ObjectivesModule extends AbstractModule {

  private final ObjectiveKind kind;
  private final int particles;

  public ObjectivesModule(ObjectiveKind kind, int particles) {
    this.kind = kind;
    this.particles = particles;
  }

  @Override
  protected void configure() {
    OptionalBinder.newOptionalBinder(binder(), KlRegistry.class)
        .setDefault().toInstance(KlRegistry.standard());
  }

  @Provides
  @Singleton
  Objective objective(KlRegistry kl) {
    return kind.create(particles, kl);
  }
}
