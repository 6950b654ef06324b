/**
 * Latent-variable models beyond the plain VAE, written as model/guide programs over the generic
 * engine with no engine change: a VAE with two stochastic layers
 * ({@link org.latentj.examples.models.HierarchicalVae}, Burda et al. 2016) and a conditional VAE
 * ({@link org.latentj.examples.models.ConditionalVae}, Sohn et al. 2015), each with a runnable
 * example that trains it on the embedded digits and draws what it learned; and a Gaussian
 * mixture with global means and enumerated assignments
 * ({@link org.latentj.examples.models.GaussianMixture}), fitted to simulated points.
 */
package org.latentj.examples.models;
