/**
 * Guice wiring: {@link org.latentj.inference.guice.VaeModule} builds a whole VAE from
 * {@link org.latentj.inference.guice.VaeSettings}; its prior and heads are defaults that one
 * user binding replaces.
 */
package org.latentj.inference.guice;
