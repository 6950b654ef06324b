/**
 * Control variates for the score-function term of
 * {@link org.latentj.inference.objectives.TraceGraphElbo}: none
 * ({@link org.latentj.inference.objectives.baselines.Baseline#NONE}), a decaying average per site
 * ({@link org.latentj.inference.objectives.baselines.DecayingAverageBaseline}), and NVIL's learned,
 * input-dependent baseline with variance normalization
 * ({@link org.latentj.inference.objectives.baselines.NvilBaseline}; Mnih &amp; Gregor 2014).
 */
package org.latentj.inference.objectives.baselines;
