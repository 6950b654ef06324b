/**
 * Optimizers, gradient clipping and learning-rate schedules.
 *
 * <p>Each optimizer implements {@link org.latentj.model.Optimizer} and is built from a
 * validating builder that can build any number of fresh optimizers with the same settings:
 * {@code Adam.builder().learningRate(1e-3).build(model.parameters())}. {@link
 * org.latentj.inference.optim.Sgd} (with momentum and Nesterov), {@link
 * org.latentj.inference.optim.Adagrad} (the AEVB paper's choice), {@link
 * org.latentj.inference.optim.RmsProp}, {@link org.latentj.inference.optim.Adam} and {@link
 * org.latentj.inference.optim.AdamW} follow PyTorch's documented algorithms. Updates walk the
 * flat {@code data} arrays and allocate nothing per step; state buffers are allocated once and
 * round-trip through {@code state()} / {@code loadState()} bit-for-bit.
 *
 * <p>{@link org.latentj.inference.optim.WeightDecay} relates the weight-decay coefficient to a
 * Gaussian prior on the weights; {@link org.latentj.inference.optim.GradientClipping} clips the
 * global gradient norm; {@link org.latentj.inference.optim.LearningRateSchedule} gives a rate
 * per epoch, including the IWAE paper's {@link org.latentj.inference.optim.IwaeStages}.
 */
package org.latentj.inference.optim;
