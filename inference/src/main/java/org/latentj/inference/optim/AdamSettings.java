package org.latentj.inference.optim;

/**
 * The settings {@link Adam} and {@link AdamW} share, each validated as it is set; errors name the
 * optimizer and the argument. {@code B} is the concrete builder, so chained setters keep its type.
 */
abstract class AdamSettings<B extends AdamSettings<B>> {

  private final String optimizer;
  private double learningRate = 1e-3;
  private double beta1 = 0.9;
  private double beta2 = 0.999;
  private double eps = 1e-8;
  private double weightDecay;

  AdamSettings(String optimizer, double weightDecay) {
    this.optimizer = optimizer;
    this.weightDecay = weightDecay;
  }

  /** This builder, as its own type. */
  abstract B self();

  /** Finite, {@code >= 0}. */
  public B learningRate(double rate) {
    this.learningRate = Checks.nonNegative(optimizer, "learningRate", rate);
    return self();
  }

  /** Decay of the first-moment average, in {@code [0, 1)}. */
  public B beta1(double beta1) {
    this.beta1 = Checks.fraction(optimizer, "beta1", beta1);
    return self();
  }

  /** Decay of the second-moment average, in {@code [0, 1)}. */
  public B beta2(double beta2) {
    this.beta2 = Checks.fraction(optimizer, "beta2", beta2);
    return self();
  }

  /**
   * Finite, {@code > 0}: keeps a parameter whose gradient is still 0 from becoming 0/0. (The
   * IWAE experiments of Burda et al. 2015 used 1e-4.)
   */
  public B eps(double eps) {
    this.eps = Checks.positive(optimizer, "eps", eps);
    return self();
  }

  /**
   * The weight-decay coefficient {@code lambda}, finite, {@code >= 0}: coupled L2 in {@link Adam}
   * (see {@link WeightDecay}), decoupled in {@link AdamW}.
   */
  public B weightDecay(double lambda) {
    this.weightDecay = Checks.nonNegative(optimizer, "weightDecay", lambda);
    return self();
  }

  final double learningRate() {
    return learningRate;
  }

  final double beta1() {
    return beta1;
  }

  final double beta2() {
    return beta2;
  }

  final double eps() {
    return eps;
  }

  final double weightDecay() {
    return weightDecay;
  }
}
