package org.latentj.inference.guice;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.latentj.distributions.NormalHead;

/** Every registered likelihood says what it learns, and the paper's decoder squashes its mean. */
class LikelihoodDescriptionsTest {

  private static Map<String, LikelihoodFactory> registry() {
    return Guice.createInjector(new LikelihoodsModule())
        .getInstance(Key.get(new TypeLiteral<Map<String, LikelihoodFactory>>() {}));
  }

  @Test
  void everyLikelihoodHasOneSentenceForHelp() {
    assertThat(LikelihoodsModule.DESCRIPTIONS.keySet()).containsAll(registry().keySet());
    LikelihoodsModule.DESCRIPTIONS.forEach((name, text) ->
        assertThat(text).as(name).endsWith(".").contains("learns").doesNotContain("\n"));
  }

  @Test
  void sigmoidMeanLikelihoodsMakeSigmoidMeanHeads() {
    Map<String, LikelihoodFactory> r = registry();
    ComponentSpec none = ComponentSpec.parse(LikelihoodsModule.GAUSSIAN_SIGMOID_MEAN);
    assertThat(((NormalHead) r.get(LikelihoodsModule.GAUSSIAN_SIGMOID_MEAN).head(none, 5))
        .sigmoidMean()).isTrue();
    NormalHead learned = (NormalHead) r.get(LikelihoodsModule.GAUSSIAN_SIGMOID_MEAN_LEARNED_VARIANCE)
        .head(ComponentSpec.parse(LikelihoodsModule.GAUSSIAN_SIGMOID_MEAN_LEARNED_VARIANCE), 5);
    assertThat(learned.sigmoidMean()).isTrue();
    assertThat(learned.parameters().get("logVariance").cols()).isEqualTo(5);
  }
}
