package org.latentj.inference.optim;

/**
 * Cosine annealing without restarts (Loshchilov &amp; Hutter 2017, "SGDR: Stochastic gradient
 * descent with warm restarts", eq. 5 with a single period):
 * {@code minRate + (initialRate - minRate) (1 + cos(pi epoch / totalEpochs)) / 2} up to
 * {@code totalEpochs}, then {@code minRate}.
 */
final class CosineAnnealing implements LearningRateSchedule {

  private final double initialRate;
  private final double minRate;
  private final int totalEpochs;

  CosineAnnealing(double initialRate, double minRate, int totalEpochs) {
    this.initialRate = Checks.nonNegative("CosineAnnealing", "initialRate", initialRate);
    this.minRate = Checks.nonNegative("CosineAnnealing", "minRate", minRate);
    this.totalEpochs = Checks.atLeastOne("CosineAnnealing", "totalEpochs", totalEpochs);
    if (minRate > initialRate) {
      throw new IllegalArgumentException("CosineAnnealing: minRate " + minRate
          + " exceeds initialRate " + initialRate);
    }
  }

  @Override
  public double rate(int epoch) {
    Checks.epoch("CosineAnnealing", epoch);
    if (epoch >= totalEpochs) {
      return minRate;
    }
    return minRate + (initialRate - minRate) * (1 + Math.cos(Math.PI * epoch / totalEpochs)) / 2;
  }

  @Override
  public String toString() {
    return "CosineAnnealing{initialRate=" + initialRate + ", minRate=" + minRate
        + ", totalEpochs=" + totalEpochs + "}";
  }
}
