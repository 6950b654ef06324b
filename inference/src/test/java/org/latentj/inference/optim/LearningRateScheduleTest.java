package org.latentj.inference.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.latentj.model.Optimizer;

class LearningRateScheduleTest {

  @Test
  void constant() {
    LearningRateSchedule s = LearningRateSchedule.constant(0.01);
    assertThat(s.rate(0)).isEqualTo(0.01);
    assertThat(s.rate(1000)).isEqualTo(0.01);
    assertThat(s).hasToString("ConstantRate{rate=0.01}");
  }

  @Test
  void stepDecay() {
    LearningRateSchedule s = LearningRateSchedule.stepDecay(0.1, 3, 0.5);
    assertThat(s.rate(0)).isEqualTo(0.1);
    assertThat(s.rate(2)).isEqualTo(0.1);
    assertThat(s.rate(3)).isEqualTo(0.05);
    assertThat(s.rate(8)).isEqualTo(0.025);
    assertThat(s.rate(9)).isEqualTo(0.0125);
    assertThat(s).hasToString("StepDecay{initialRate=0.1, everyEpochs=3, gamma=0.5}");
  }

  @Test
  void exponential() {
    LearningRateSchedule s = LearningRateSchedule.exponential(0.1, 0.9);
    assertThat(s.rate(0)).isEqualTo(0.1);
    assertThat(s.rate(1)).isCloseTo(0.09, within(1e-16));
    assertThat(s.rate(2)).isCloseTo(0.081, within(1e-16));
    assertThat(s.rate(10)).isCloseTo(0.1 * 0.3486784401, within(1e-16));
    assertThat(s).hasToString("ExponentialDecay{initialRate=0.1, gamma=0.9}");
  }

  @Test
  void cosineAnnealsToTheMinimumAndStays() {
    LearningRateSchedule s = LearningRateSchedule.cosine(0.1, 0.01, 10);
    assertThat(s.rate(0)).isEqualTo(0.1);
    // Half way the cosine is 0: the mean of the two rates.
    assertThat(s.rate(5)).isCloseTo(0.055, within(1e-16));
    // Epoch 2 of 10: a fraction (1 + cos(pi/5)) / 2 of the span above the minimum.
    assertThat(s.rate(2)).isCloseTo(0.01 + 0.09 * (1 + Math.cos(Math.PI / 5)) / 2,
        within(1e-16));
    assertThat(s.rate(10)).isEqualTo(0.01);
    assertThat(s.rate(25)).isEqualTo(0.01);
    for (int e = 1; e <= 10; e++) {
      assertThat(s.rate(e)).isLessThan(s.rate(e - 1));
    }
    assertThat(s).hasToString("CosineAnnealing{initialRate=0.1, minRate=0.01, totalEpochs=10}");
  }

  @Test
  void iwaeStagesTotal3280PassesAtDecadeSevenths() {
    IwaeStages s = LearningRateSchedule.iwaeStages();
    assertThat(s.totalPasses()).isEqualTo(3280);
    int sum = 0;
    for (int i = 0; i < s.stages(); i++) {
      assertThat(s.passes(i)).isEqualTo((int) Math.pow(3, i));
      assertThat(s.firstEpoch(i)).isEqualTo(sum);
      double expected = 1e-3 * Math.pow(10, -i / 7.0);
      assertThat(s.rate(sum)).as("stage %d first epoch", i).isCloseTo(expected, within(1e-18));
      assertThat(s.rate(sum + s.passes(i) - 1)).as("stage %d last epoch", i)
          .isCloseTo(expected, within(1e-18));
      sum += s.passes(i);
    }
    assertThat(sum).isEqualTo(3280);
    // Count epochs per stage by walking the whole schedule.
    int[] count = new int[s.stages()];
    for (int e = 0; e < s.totalPasses(); e++) {
      count[s.stage(e)]++;
    }
    assertThat(count).containsExactly(1, 3, 9, 27, 81, 243, 729, 2187);
    assertThat(s.rate(0)).isEqualTo(1e-3);
    assertThat(s.rate(1)).isCloseTo(1e-3 * 0.7196856730011519, within(1e-18));
    assertThat(s.rate(3)).isEqualTo(s.rate(1));
    assertThat(s.rate(4)).isLessThan(s.rate(3));
    assertThat(s.rate(3279)).isCloseTo(1e-4, within(1e-19));
    assertThat(s.rate(5000)).isEqualTo(s.rate(3279));
    assertThat(s.toString()).contains("stages=8", "totalPasses=3280", "0.001", "10^(-i/7)");
  }

  @Test
  void scheduleDrivesAnOptimizer() {
    Optimizer adam = Adam.builder().build(Fixtures.threeParameters());
    LearningRateSchedule s = LearningRateSchedule.stepDecay(0.2, 1, 0.5);
    s.applyTo(adam, 2);
    assertThat(adam.learningRate()).isEqualTo(0.05);
  }

  @Test
  void argumentsAndEpochsAreValidated() {
    assertThatThrownBy(() -> LearningRateSchedule.constant(Double.NaN))
        .hasMessageContaining("ConstantRate: rate must be finite and >= 0, got NaN");
    assertThatThrownBy(() -> LearningRateSchedule.stepDecay(0.1, 0, 0.5))
        .hasMessageContaining("StepDecay: everyEpochs must be >= 1, got 0");
    assertThatThrownBy(() -> LearningRateSchedule.stepDecay(0.1, 2, -0.5))
        .hasMessageContaining("StepDecay: gamma");
    assertThatThrownBy(() -> LearningRateSchedule.exponential(-0.1, 0.5))
        .hasMessageContaining("ExponentialDecay: initialRate");
    assertThatThrownBy(() -> LearningRateSchedule.cosine(0.1, 0.2, 10))
        .hasMessageContaining("CosineAnnealing: minRate 0.2 exceeds initialRate 0.1");
    assertThatThrownBy(() -> LearningRateSchedule.cosine(0.1, 0, 0))
        .hasMessageContaining("CosineAnnealing: totalEpochs must be >= 1");
    assertThatThrownBy(() -> LearningRateSchedule.constant(0.1).rate(-1))
        .hasMessageContaining("ConstantRate: epoch must be >= 0, got -1");
    assertThatThrownBy(() -> LearningRateSchedule.iwaeStages().rate(-2))
        .hasMessageContaining("IwaeStages: epoch must be >= 0, got -2");
    assertThatThrownBy(() -> LearningRateSchedule.iwaeStages().passes(8))
        .hasMessageContaining("IwaeStages: stage must be in [0, 7], got 8");
    assertThatThrownBy(() -> LearningRateSchedule.exponential(0.1, 10).rate(400))
        .hasMessageContaining("rate overflows at epoch 400");
  }
}
