package org.latentj.inference.optim;

/**
 * The learning-rate schedule of the IWAE experiments (Burda, Grosse &amp; Salakhutdinov 2015,
 * "Importance weighted autoencoders", section 5; with Adam, beta1 0.9, beta2 0.999, eps 1e-4,
 * minibatches of 20): for stage {@code i = 0..7}, {@code 3^i} passes over the data at rate
 * {@code 0.001 * 10^(-i/7)}, {@code sum_i 3^i = 3280} passes in all.
 *
 * <p>Epochs are 0-based: epoch 0 is stage 0, epochs 1-3 stage 1, 4-12 stage 2, and stage
 * {@code i} starts at epoch {@code (3^i - 1) / 2}. Epochs from {@link #totalPasses()} on keep the
 * last stage's rate; the training loop decides when to stop.
 */
public final class IwaeStages implements LearningRateSchedule {

  private static final int STAGES = 8;
  private static final double INITIAL_RATE = 1e-3;
  private static final IwaeStages STANDARD = new IwaeStages();

  private IwaeStages() {}

  /** The schedule as published. */
  public static IwaeStages standard() {
    return STANDARD;
  }

  /** The number of stages, 8. */
  public int stages() {
    return STAGES;
  }

  /** Passes over the data in {@code stage}: {@code 3^stage}. */
  public int passes(int stage) {
    checkStage(stage);
    int p = 1;
    for (int i = 0; i < stage; i++) {
      p *= 3;
    }
    return p;
  }

  /** The first (0-based) epoch of {@code stage}: {@code (3^stage - 1) / 2}. */
  public int firstEpoch(int stage) {
    checkStage(stage);
    return (passes(stage) - 1) / 2;
  }

  /** The learning rate of {@code stage}: {@code 0.001 * 10^(-stage/7)}. */
  public double stageRate(int stage) {
    checkStage(stage);
    return INITIAL_RATE * Math.pow(10, -stage / (double) (STAGES - 1));
  }

  /** The total number of passes over the data, {@code sum_{i=0..7} 3^i = (3^8 - 1) / 2 = 3280}. */
  public int totalPasses() {
    return (3 * passes(STAGES - 1) - 1) / 2;
  }

  /** The stage {@code epoch} belongs to; the last stage from {@link #totalPasses()} on. */
  public int stage(int epoch) {
    Checks.epoch("IwaeStages", epoch);
    int stage = 0;
    while (stage < STAGES - 1 && epoch >= firstEpoch(stage + 1)) {
      stage++;
    }
    return stage;
  }

  @Override
  public double rate(int epoch) {
    return stageRate(stage(epoch));
  }

  private static void checkStage(int stage) {
    if (stage < 0 || stage >= STAGES) {
      throw new IllegalArgumentException("IwaeStages: stage must be in [0, " + (STAGES - 1)
          + "], got " + stage);
    }
  }

  @Override
  public String toString() {
    return "IwaeStages{stages=" + STAGES + ", passes=3^i, rate=" + INITIAL_RATE
        + " * 10^(-i/" + (STAGES - 1) + "), totalPasses=" + totalPasses() + "}";
  }
}
