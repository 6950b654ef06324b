/**
 * The training loop: {@link org.latentj.inference.training.Svi} takes one step, the
 * {@link org.latentj.inference.training.Trainer} runs epochs, and listeners and gradient hooks do
 * everything else (schedules, clipping, divergence guards, warm-up, metrics, checkpoints).
 */
package org.latentj.inference.training;
