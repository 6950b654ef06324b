/**
 * Drivers that reproduce published experiments with latentj, each a main class run with
 * {@code scripts/run.sh org.latentj.examples.reproduction.<Class> [options]} and a budget option,
 * so that a short run checks the driver and a long one makes the figures;
 * {@code scripts/reproduce.sh} runs them at the budgets of {@code docs/reproduction.md}.
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
 *       comparisons of the VAE and IWAE bounds: {@link
 *       org.latentj.examples.reproduction.IwaeTable} (importance-sampled log p(x) with k = 5000
 *       and active units, over seeds).
 *   <li>Tipping &amp; Bishop's probabilistic PCA as the linear-Gaussian truth, and the posterior
 *       collapse it predicts (Lucas, Tucker, Grosse &amp; Norouzi, "Don't Blame the ELBO!", 2019):
 *       {@link org.latentj.examples.reproduction.PpcaCollapse}.
 * </ul>
 */
package org.latentj.examples.reproduction;
