package org.latentj.inference.guides;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.latentj.model.Batch;
import org.latentj.model.Trace;
import org.latentj.model.handlers.Handler;
import org.latentj.model.handlers.Handlers;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/** AutoNormal owns its parameters, draws one row per particle, and pairs antithetic draws. */
class AutoNormalTest {

  @Test
  void itOwnsALocAndARawScalePerSiteStartingAtZeroAndTheInitialScale() {
    AutoNormal guide = AutoNormal.builder().site("w", 3).site("b", 1).initScale(0.2).build();
    assertThat(guide.parameters()).containsOnlyKeys("w.loc", "w.rawScale", "b.loc",
        "b.rawScale");
    assertThat(guide.loc("w").data).containsExactly(0, 0, 0);
    for (double s : guide.scale("w").data) {
      assertThat(s).isCloseTo(0.2, within(1e-12));
    }
  }

  @Test
  void itDrawsOneRowPerParticle() {
    AutoNormal guide = AutoNormal.builder().site("w", 3).build();
    Trace t;
    try (Handler p = Handlers.particles(4)) {
      t = Trace.guide(guide, Batch.of(Tensor.zeros(2, 1)).repeat(4), Rngs.create(1));
    }
    assertThat(t.site("w").value().shape()).isEqualTo("4x3");
    assertThat(t.site("w").isReparameterized()).isTrue();
  }

  @Test
  void antitheticDrawsMirrorEachOtherAboutTheLoc() {
    AutoNormal guide = AutoNormal.builder().site("w", 2).antithetic(true).build();
    guide.parameters().get("w.loc").value().set(0, 1, 0.5);
    Tensor w = Trace.guide(guide, Batch.of(Tensor.zeros(3, 1)).repeat(4), Rngs.create(2))
        .site("w").value();
    for (int j = 0; j < 2; j++) {
      for (int c = 0; c < 2; c++) {
        double loc = c == 1 ? 0.5 : 0;
        assertThat(w.get(j, c) + w.get(j + 2, c)).isCloseTo(2 * loc, within(1e-12));
      }
    }
  }

  @Test
  void badSettingsSayWhatIsWrong() {
    assertThatThrownBy(() -> AutoNormal.builder().site("w", 0).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("site 'w' has width 0");
    assertThatThrownBy(() -> AutoNormal.builder().site("w", 2).site("w", 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("given twice");
    assertThatThrownBy(() -> AutoNormal.builder().initScale(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initScale");
    AutoNormal antithetic = AutoNormal.builder().site("w", 2).antithetic(true).build();
    assertThatThrownBy(() -> Trace.guide(antithetic, Batch.of(Tensor.zeros(2, 1)).repeat(3),
        Rngs.create(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("even number of particles, got 3");
    assertThatThrownBy(() -> antithetic.loc("v"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no site 'v'");
  }
}
