/**
 * Stochastic lower bounds on log p(x): {@link org.latentj.inference.objectives.Elbo} (the AEVB
 * paper's estimator A), {@link org.latentj.inference.objectives.AnalyticKlElbo} (estimator B) and
 * {@link org.latentj.inference.objectives.ImportanceWeightedElbo} (Burda et al. 2015, optionally
 * with DReG gradients), all built on one particle loop.
 */
package org.latentj.inference.objectives;
