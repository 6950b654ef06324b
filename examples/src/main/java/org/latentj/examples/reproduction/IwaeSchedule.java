package org.latentj.examples.reproduction;

import org.latentj.inference.optim.IwaeStages;
import org.latentj.inference.optim.LearningRateSchedule;

/**
 * The IWAE schedule shortened to fit a budget: stages {@code i = 0..stages-1} of
 * {@code max(1, round(scale * 3^i))} passes each at rate {@code 0.001 * 10^(-i/7)}
 * ({@link IwaeStages}, Burda et al. 2015, section 5), optionally cut at {@code maxEpochs}. With
 * {@code stages = 8, scale = 1} it is the published 3280-pass schedule; {@code stages = 4} is
 * 1 + 3 + 9 + 27 = 40 passes. Epochs are 0-based, as in {@link LearningRateSchedule}.
 */
final class IwaeSchedule implements LearningRateSchedule {

  private final int[] firstEpoch;
  private final int epochs;
  private final double scale;

  /**
   * @param stages 1 to 8
   * @param scale finite, {@code > 0}: multiplies every stage's passes
   * @param maxEpochs {@code > 0}: the run stops there even inside a stage
   */
  IwaeSchedule(int stages, double scale, int maxEpochs) {
    IwaeStages paper = IwaeStages.standard();
    if (stages < 1 || stages > paper.stages()) {
      throw new IllegalArgumentException("IwaeSchedule: stages must be in [1, " + paper.stages()
          + "], got " + stages);
    }
    if (!(scale > 0) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException("IwaeSchedule: scale must be positive, got " + scale);
    }
    if (maxEpochs < 1) {
      throw new IllegalArgumentException("IwaeSchedule: maxEpochs must be positive, got "
          + maxEpochs);
    }
    this.scale = scale;
    firstEpoch = new int[stages + 1];
    for (int i = 0; i < stages; i++) {
      firstEpoch[i + 1] = firstEpoch[i] + passes(paper.passes(i), scale);
    }
    this.epochs = Math.min(maxEpochs, firstEpoch[stages]);
  }

  private static int passes(int published, double scale) {
    return (int) Math.max(1, Math.round(scale * published));
  }

  /** The number of epochs to train. */
  int epochs() {
    return epochs;
  }

  /** The stage (0-based) of {@code epoch} (0-based); the last stage after the end. */
  int stage(int epoch) {
    if (epoch < 0) {
      throw new IllegalArgumentException("IwaeSchedule: epoch must be >= 0, got " + epoch);
    }
    int stage = 0;
    while (stage + 1 < firstEpoch.length - 1 && epoch >= firstEpoch[stage + 1]) {
      stage++;
    }
    return stage;
  }

  @Override
  public double rate(int epoch) {
    return IwaeStages.standard().stageRate(stage(epoch));
  }

  @Override
  public String toString() {
    return "IwaeSchedule{stages=" + (firstEpoch.length - 1) + ", passes=max(1, round("
        + scale + " * 3^i)), rate=0.001 * 10^(-i/7), epochs=" + epochs + "}";
  }
}
