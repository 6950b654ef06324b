package org.latentj.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.latentj.tensor.RowStreams;

class KeyedNoiseTest {

  private static double[] firstDraws(RowStreams s, int row) {
    UniformRandomProvider g = s.row(row);
    return new double[] {g.nextDouble(), g.nextDouble(), g.nextDouble()};
  }

  @Test
  void anExampleDrawsTheSameNumbersInAnyBatch() {
    KeyedNoise whole = KeyedNoise.of(11, 3, new int[] {4, 9, 2});
    KeyedNoise part = KeyedNoise.of(11, 3, new int[] {2});
    // 3 examples x 2 particles: example 2 is rows 4 and 5; alone, rows 0 and 1.
    RowStreams a = whole.site("z", 6, 2, false);
    RowStreams b = part.site("z", 2, 2, false);
    assertThat(firstDraws(a, 4)).containsExactly(firstDraws(b, 0));
    assertThat(firstDraws(a, 5)).containsExactly(firstDraws(b, 1));
  }

  @Test
  void seedStepSiteExampleAndParticleEachChangeTheDraws() {
    double[] base = firstDraws(KeyedNoise.of(1, 0, new int[] {0, 1}).site("z", 2, 1, false), 0);
    assertThat(firstDraws(KeyedNoise.of(2, 0, new int[] {0, 1}).site("z", 2, 1, false), 0))
        .isNotEqualTo(base);
    assertThat(firstDraws(KeyedNoise.of(1, 1, new int[] {0, 1}).site("z", 2, 1, false), 0))
        .isNotEqualTo(base);
    assertThat(firstDraws(KeyedNoise.of(1, 1L << 32, new int[] {0, 1}).site("z", 2, 1, false),
        0)).isNotEqualTo(base);
    assertThat(firstDraws(KeyedNoise.of(1, 0, new int[] {0, 1}).site("y", 2, 1, false), 0))
        .isNotEqualTo(base);
    assertThat(firstDraws(KeyedNoise.of(1, 0, new int[] {0, 1}).site("z", 2, 1, false), 1))
        .isNotEqualTo(base);
    assertThat(firstDraws(KeyedNoise.of(1, 0, new int[] {0, 1}).particlesFrom(1)
        .site("z", 2, 1, false), 0)).isNotEqualTo(base);
  }

  @Test
  void particleOffsetsMakeChunkingIrrelevant() {
    KeyedNoise noise = KeyedNoise.of(5, KeyedNoise.EVALUATION, new int[] {7});
    RowStreams fourAtOnce = noise.site("z", 4, 4, false);
    RowStreams lastTwo = noise.particlesFrom(2).site("z", 2, 2, false);
    assertThat(firstDraws(fourAtOnce, 3)).containsExactly(firstDraws(lastTwo, 1));
  }

  @Test
  void aGlobalSiteIsKeyedByParticleAloneSoEveryBatchSharesIt() {
    RowStreams a = KeyedNoise.of(3, 0, new int[] {0, 1, 2}).site("w", 2, 2, false);
    RowStreams b = KeyedNoise.of(3, 0, new int[] {5, 6}).site("w", 2, 2, false);
    assertThat(firstDraws(a, 1)).containsExactly(firstDraws(b, 1));
  }

  @Test
  void badShapesAndDirectDrawsAreRefusedClearly() {
    KeyedNoise noise = KeyedNoise.of(3, 0, new int[] {0, 1, 2});
    assertThatThrownBy(() -> noise.site("z", 5, 1, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("KeyedNoise: site 'z' has 5 rows, but the batch is 3 examples x 1 particles:"
            + " keyed noise draws per example (3 rows) or per particle for a site outside every"
            + " plate (1 rows, or 1)");
    assertThatThrownBy(noise::nextLong).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("drawn per site and row");
    assertThatThrownBy(() -> noise.site("z", 3, 1, false).nextDouble())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("site 'z' was drawn without naming a row");
    assertThatThrownBy(() -> KeyedNoise.of(1, 0, null))
        .hasMessageContaining("Batch.indexed");
    assertThatThrownBy(() -> KeyedNoise.of(1, 0, new int[] {0, -2}))
        .hasMessage("KeyedNoise: example index -2 at position 1 is negative");
  }
}
