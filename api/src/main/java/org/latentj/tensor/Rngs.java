package org.latentj.tensor;

import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;

/**
 * Seeded random generators. Every random choice in latentj takes an explicit generator; this
 * class makes them with one named algorithm (xoshiro256++), so a seed means the same numbers on
 * every JDK, and the generator's state can be saved in a checkpoint.
 */
public final class Rngs {

  /** The algorithm behind every generator latentj makes. */
  public static final RandomSource SOURCE = RandomSource.XO_SHI_RO_256_PP;

  private Rngs() {}

  /** A generator whose stream is fixed by {@code seed}. */
  public static RestorableUniformRandomProvider create(long seed) {
    return SOURCE.create(seed);
  }

  /**
   * A generator for one named stream of a run, e.g. {@code derive(seed, "encoder")}: its numbers
   * depend only on the seed and the name, not on which other streams were made first, so wiring
   * order cannot change a run.
   */
  public static RestorableUniformRandomProvider derive(long seed, String stream) {
    return SOURCE.create(new long[] {seed, nameHash(stream)});
  }

  /** FNV-1a over the name's UTF-8 bytes: a 64-bit hash stable across JDKs (unlike hashCode). */
  public static long nameHash(String name) {
    long h = 0xcbf29ce484222325L;
    for (byte b : name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }

  /**
   * The generator row {@code row} of a batch draws from: the row's own stream when {@code rng}
   * keeps one per row ({@link RowStreams}), else {@code rng} itself (so a row-by-row loop draws
   * the same numbers as a flat one).
   */
  public static UniformRandomProvider row(UniformRandomProvider rng, int row) {
    return rng instanceof RowStreams streams ? streams.row(row) : rng;
  }

  /** Fills {@code m} (Modified) with independent standard normal draws, row by row. */
  public static void fillStandardNormal(UniformRandomProvider rng, DMatrixRMaj m) {
    double[] d = m.data;
    if (rng instanceof RowStreams streams) {
      for (int r = 0; r < m.numRows; r++) {
        ZigguratSampler.NormalizedGaussian normal =
            ZigguratSampler.NormalizedGaussian.of(streams.row(r));
        for (int j = r * m.numCols, end = j + m.numCols; j < end; j++) {
          d[j] = normal.sample();
        }
      }
      return;
    }
    ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
    int n = m.getNumElements();
    for (int i = 0; i < n; i++) {
      d[i] = normal.sample();
    }
  }

  /** A new {@code rows x cols} matrix of standard normal draws. */
  public static DMatrixRMaj standardNormal(UniformRandomProvider rng, int rows, int cols) {
    DMatrixRMaj m = new DMatrixRMaj(rows, cols);
    fillStandardNormal(rng, m);
    return m;
  }

  /** Fills {@code m} (Modified) with independent draws uniform on (0, 1), never exactly 0 or 1. */
  public static void fillUniformOpen(UniformRandomProvider rng, DMatrixRMaj m) {
    double[] d = m.data;
    int cols = m.numCols;
    for (int r = 0; r < m.numRows; r++) {
      UniformRandomProvider g = row(rng, r);
      for (int j = r * cols, end = j + cols; j < end; j++) {
        double u;
        do {
          u = g.nextDouble();
        } while (u == 0.0);
        d[j] = u;
      }
    }
  }
}
