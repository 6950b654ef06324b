package org.latentj.inference.optim;

/** The same rate for every epoch. */
final class ConstantRate implements LearningRateSchedule {

  private final double rate;

  ConstantRate(double rate) {
    this.rate = Checks.nonNegative("ConstantRate", "rate", rate);
  }

  @Override
  public double rate(int epoch) {
    Checks.epoch("ConstantRate", epoch);
    return rate;
  }

  @Override
  public String toString() {
    return "ConstantRate{rate=" + rate + "}";
  }
}
