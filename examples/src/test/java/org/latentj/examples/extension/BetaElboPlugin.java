package org.latentj.examples.extension;

import com.google.inject.Binder;
import org.latentj.inference.guice.ComponentPlugin;
import org.latentj.inference.guice.ObjectivesModule;

/**
 * The one binding that makes {@link BetaElbo} (with beta = 4) the objective {@code beta-elbo}:
 * in settings, on the command line (listed in the service file of the test class path) and in
 * provenance.
 */
public final class BetaElboPlugin implements ComponentPlugin {

  static final String NAME = "beta-elbo";
  static final double BETA = 4;

  @Override
  public void configure(Binder binder) {
    ObjectivesModule.register(binder, NAME, (s, kl) -> new BetaElbo(s.particles(), BETA));
  }
}
