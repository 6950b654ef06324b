package org.latentj.inference.optim;

import org.latentj.model.Optimizer;

/**
 * The learning rate for each epoch (0-based). A training loop calls
 * {@link #applyTo(Optimizer, int)} at the start of every epoch; the rate then holds for all of
 * that epoch's steps. A schedule is a pure function of the epoch, so a resumed run needs only its
 * epoch number to continue on the same rates. Every schedule prints its settings in
 * {@code toString()}.
 */
public interface LearningRateSchedule {

  /**
   * The rate for {@code epoch}, finite and {@code >= 0}.
   *
   * @throws IllegalArgumentException if {@code epoch < 0}
   */
  double rate(int epoch);

  /** Sets {@code optimizer}'s learning rate (Modified) to {@link #rate(int)} of {@code epoch}. */
  default void applyTo(Optimizer optimizer, int epoch) {
    optimizer.setLearningRate(rate(epoch));
  }

  /** {@code rate} for every epoch. */
  static LearningRateSchedule constant(double rate) {
    return new ConstantRate(rate);
  }

  /**
   * Step decay (PyTorch's {@code StepLR}): {@code initialRate * gamma^floor(epoch / everyEpochs)}.
   */
  static LearningRateSchedule stepDecay(double initialRate, int everyEpochs, double gamma) {
    return new StepDecay(initialRate, everyEpochs, gamma);
  }

  /** Exponential decay (PyTorch's {@code ExponentialLR}): {@code initialRate * gamma^epoch}. */
  static LearningRateSchedule exponential(double initialRate, double gamma) {
    return new ExponentialDecay(initialRate, gamma);
  }

  /**
   * Cosine annealing without restarts (Loshchilov &amp; Hutter 2017, SGDR, eq. 5 with one
   * period): {@code minRate + (initialRate - minRate) (1 + cos(pi epoch / totalEpochs)) / 2} for
   * {@code epoch <= totalEpochs}, {@code minRate} after.
   */
  static LearningRateSchedule cosine(double initialRate, double minRate, int totalEpochs) {
    return new CosineAnnealing(initialRate, minRate, totalEpochs);
  }

  /** The IWAE paper's schedule (Burda, Grosse &amp; Salakhutdinov 2015); see {@link IwaeStages}. */
  static IwaeStages iwaeStages() {
    return IwaeStages.standard();
  }
}
