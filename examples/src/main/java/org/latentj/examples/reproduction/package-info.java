/**
 * Drivers that reproduce published experiments with latentj, each a main class run with
 * {@code scripts/run.sh org.latentj.examples.reproduction.<Class> [options]} and a budget option,
 * so that a short run checks the driver and a long one makes the figures.
 *
 * <ul>
 *   <li>Kingma &amp; Welling, "Auto-Encoding Variational Bayes" (2013): {@link
 *       org.latentj.examples.reproduction.AevbFigure2} (lower bound against training examples
 *       seen, for several latent sizes, with Figure 5's prior samples), {@link
 *       org.latentj.examples.reproduction.AevbFigure4} (the learned 2-D manifold) and {@link
 *       org.latentj.examples.reproduction.EstimatorVariance} (the gradient variance of SGVB
 *       estimators A and B on the same minibatches). Their shared set-up is {@link
 *       org.latentj.examples.reproduction.AevbVae}.
 *   <li>Burda, Grosse &amp; Salakhutdinov, "Importance Weighted Autoencoders" (2015), Table 1 style
 *       comparisons of the VAE and IWAE bounds.
 * </ul>
 */
package org.latentj.examples.reproduction;
