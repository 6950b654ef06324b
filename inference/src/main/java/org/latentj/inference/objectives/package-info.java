/**
 * Stochastic lower bounds on log p(x): {@link org.latentj.inference.objectives.Elbo} (the AEVB
 * paper's estimator A), {@link org.latentj.inference.objectives.AnalyticKlElbo} (estimator B) and
 * {@link org.latentj.inference.objectives.ImportanceWeightedElbo} (Burda et al. 2015, optionally
 * with DReG gradients), all built on one particle loop that reads the guide's and the model's
 * traces ({@link org.latentj.inference.objectives.Traces}), weighs each site by its scale and
 * mask, and returns a {@link org.latentj.model.Loss} for {@code Svi} to differentiate.
 */
package org.latentj.inference.objectives;
