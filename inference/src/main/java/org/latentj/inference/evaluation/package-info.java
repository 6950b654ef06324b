/** Evaluation of trained models: bounds, importance-sampled log-likelihood, active units. */
package org.latentj.inference.evaluation;
