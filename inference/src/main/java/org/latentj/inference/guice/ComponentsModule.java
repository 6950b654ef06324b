package org.latentj.inference.guice;

import com.google.inject.AbstractModule;

/**
 * The library's registries of named components: objectives, optimizers, priors, likelihoods and
 * networks, and posterior flows. {@link VaeModule} installs it; so can anything that only lists or looks up names
 * ({@link Components#standard}).
 */
public final class ComponentsModule extends AbstractModule {

  @Override
  protected void configure() {
    install(new ObjectivesModule());
    install(new OptimizersModule());
    install(new PriorsModule());
    install(new LikelihoodsModule());
    install(new NetworksModule());
    install(new FlowsModule());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ComponentsModule;
  }

  @Override
  public int hashCode() {
    return ComponentsModule.class.hashCode();
  }
}
