package org.latentj.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class Philox4x32Test {

  /** Random123's kat_vectors, the three "philox4x32 10" lines: counter, key, expected. */
  private static final int[][][] KNOWN_ANSWERS = {
      {{0, 0, 0, 0}, {0, 0}, {0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}},
      {{-1, -1, -1, -1}, {-1, -1}, {0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd}},
      {{0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344}, {0xa4093822, 0x299f31d0},
          {0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}},
  };

  @Test
  void matchesThePublishedKnownAnswers() {
    for (int[][] v : KNOWN_ANSWERS) {
      int[] out = new int[4];
      Philox4x32.block(v[0], v[1], out);
      assertThat(out).containsExactly(v[2]);
    }
  }

  @Test
  void aStreamIsItsBlocksInCounterOrder() {
    CounterStream s = new CounterStream(0x299f31d0a4093822L, 0x85a308d3, 0x13198a2e, 0x03707344);
    int[] out = new int[4];
    for (int n = 0; n < 3; n++) {
      Philox4x32.block(new int[] {n, 0x85a308d3, 0x13198a2e, 0x03707344},
          new int[] {0xa4093822, 0x299f31d0}, out);
      assertThat(s.nextLong()).isEqualTo((out[0] & 0xFFFFFFFFL) | ((long) out[1] << 32));
      assertThat(s.nextLong()).isEqualTo((out[2] & 0xFFFFFFFFL) | ((long) out[3] << 32));
    }
  }

  @Test
  void uniformsAndNormalsHaveTheRightMarginals() {
    CounterStream s = new CounterStream(42L, 1, 2, 3);
    double[] u = new double[20_000];
    for (int i = 0; i < u.length; i++) {
      u[i] = s.nextDouble();
    }
    KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
    assertThat(ks.kolmogorovSmirnovTest(new UniformRealDistribution(null, 0, 1), u, false))
        .isGreaterThan(1e-3);
    DMatrixRMaj z = Rngs.standardNormal(new CounterStream(7L, 0, 0, 0), 100, 200);
    assertThat(ks.kolmogorovSmirnovTest(new NormalDistribution(null, 0, 1), z.data, false))
        .isGreaterThan(1e-3);
  }

  @Test
  void neighbouringStreamsAreUncorrelated() {
    // Streams that differ in one counter word (the next example) must not move together.
    CounterStream a = new CounterStream(5L, 0, 10, 0);
    CounterStream b = new CounterStream(5L, 0, 11, 0);
    int n = 20_000;
    double sab = 0;
    for (int i = 0; i < n; i++) {
      sab += (a.nextDouble() - 0.5) * (b.nextDouble() - 0.5);
    }
    // Correlation of independent U(0,1): mean 0, standard deviation 1/sqrt(n) (times 12).
    assertThat(Math.abs(12 * sab / n)).isLessThan(4 / Math.sqrt(n));
  }

  @Test
  void rowStreamsFeedEachRowFromItsOwnGenerator() {
    UniformRandomProviderPair rows = new UniformRandomProviderPair();
    DMatrixRMaj m = new DMatrixRMaj(2, 3);
    Rngs.fillUniformOpen(rows, m);
    DMatrixRMaj first = new DMatrixRMaj(1, 3);
    Rngs.fillUniformOpen(new CounterStream(1L, 0, 0, 0), first);
    DMatrixRMaj second = new DMatrixRMaj(1, 3);
    Rngs.fillUniformOpen(new CounterStream(2L, 0, 0, 0), second);
    assertThat(new double[] {m.get(0, 0), m.get(0, 1), m.get(0, 2)}).containsExactly(first.data);
    assertThat(new double[] {m.get(1, 0), m.get(1, 1), m.get(1, 2)}).containsExactly(second.data);
    assertThatThrownBy(rows::nextLong).isInstanceOf(IllegalStateException.class);
  }

  /** Two rows with streams keyed 1 and 2; the flat stream is refused. */
  private static final class UniformRandomProviderPair implements RowStreams {
    private final CounterStream[] rows = {new CounterStream(1L, 0, 0, 0),
        new CounterStream(2L, 0, 0, 0)};

    @Override
    public org.apache.commons.rng.UniformRandomProvider row(int row) {
      return rows[row];
    }

    @Override
    public long nextLong() {
      throw new IllegalStateException("flat draw");
    }
  }
}
