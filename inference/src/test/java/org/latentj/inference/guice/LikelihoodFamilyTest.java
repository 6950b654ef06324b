package org.latentj.inference.guice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.latentj.distributions.NormalHead;

/** Every likelihood says what it learns, and the paper's decoder squashes its mean. */
class LikelihoodFamilyTest {

  @Test
  void everyFamilyHasOneSentenceForHelp() {
    for (LikelihoodFamily f : LikelihoodFamily.values()) {
      assertThat(f.description()).as(f.name()).endsWith(".").contains("learns")
          .doesNotContain("\n");
    }
  }

  @Test
  void sigmoidFamiliesMakeSigmoidMeanHeads() {
    assertThat(((NormalHead) LikelihoodFamily.GAUSSIAN_SIGMOID_MEAN.head(5)).sigmoidMean())
        .isTrue();
    NormalHead learned = (NormalHead) LikelihoodFamily.GAUSSIAN_SIGMOID_MEAN_LEARNED_VARIANCE
        .head(5);
    assertThat(learned.sigmoidMean()).isTrue();
    assertThat(learned.parameters().get("logVariance").cols()).isEqualTo(5);
    assertThat(((NormalHead) LikelihoodFamily.GAUSSIAN.head(5)).sigmoidMean()).isFalse();
  }
}
