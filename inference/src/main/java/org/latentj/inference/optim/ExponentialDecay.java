package org.latentj.inference.optim;

/** {@code initialRate * gamma^epoch}. */
final class ExponentialDecay implements LearningRateSchedule {

  private final double initialRate;
  private final double gamma;

  ExponentialDecay(double initialRate, double gamma) {
    this.initialRate = Checks.nonNegative("ExponentialDecay", "initialRate", initialRate);
    this.gamma = Checks.positive("ExponentialDecay", "gamma", gamma);
  }

  @Override
  public double rate(int epoch) {
    Checks.epoch("ExponentialDecay", epoch);
    double r = initialRate * Math.pow(gamma, epoch);
    if (!Double.isFinite(r)) {
      throw new IllegalStateException(this + ": rate overflows at epoch " + epoch);
    }
    return r;
  }

  @Override
  public String toString() {
    return "ExponentialDecay{initialRate=" + initialRate + ", gamma=" + gamma + "}";
  }
}
