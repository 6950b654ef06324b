package org.latentj.inference.optim;

/** {@code initialRate * gamma^floor(epoch / everyEpochs)}. */
final class StepDecay implements LearningRateSchedule {

  private final double initialRate;
  private final int everyEpochs;
  private final double gamma;

  StepDecay(double initialRate, int everyEpochs, double gamma) {
    this.initialRate = Checks.nonNegative("StepDecay", "initialRate", initialRate);
    this.everyEpochs = Checks.atLeastOne("StepDecay", "everyEpochs", everyEpochs);
    this.gamma = Checks.positive("StepDecay", "gamma", gamma);
  }

  @Override
  public double rate(int epoch) {
    Checks.epoch("StepDecay", epoch);
    double r = initialRate * Math.pow(gamma, epoch / everyEpochs);
    if (!Double.isFinite(r)) {
      throw new IllegalStateException(this + ": rate overflows at epoch " + epoch);
    }
    return r;
  }

  @Override
  public String toString() {
    return "StepDecay{initialRate=" + initialRate + ", everyEpochs=" + everyEpochs + ", gamma="
        + gamma + "}";
  }
}
