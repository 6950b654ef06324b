/**
 * Guice wiring: {@link org.latentj.inference.guice.VaeModule} builds a whole VAE from
 * {@link org.latentj.inference.guice.VaeSettings} (one small value per concern); objectives,
 * optimizers, priors, likelihoods and networks are registries keyed by name
 * ({@link org.latentj.inference.guice.ComponentsModule}), so a new one is one binding; the prior,
 * heads and optimizer are defaults that one user binding replaces.
 */
package org.latentj.inference.guice;
