package org.latentj.tensor;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A generator whose n-th pair of 64-bit outputs is one {@link Philox4x32} block: the key and the
 * three high counter words name the stream, the low counter word counts its blocks. Two streams
 * with different names are independent, and a stream's numbers depend on nothing but its name,
 * so it can be rebuilt anywhere (on a Spark executor, after a resume) and give the same draws.
 *
 * <p>Each block gives two {@code nextLong()} values, {@code (w0 | w1 << 32)} then
 * {@code (w2 | w3 << 32)}; the other draws ({@code nextDouble}, {@code nextInt}, ...) are
 * Commons RNG's defaults on top of {@code nextLong}. A stream holds 2^33 longs, far more than
 * one site's row ever draws; past that it fails rather than repeat.
 */
public final class CounterStream implements UniformRandomProvider {

  private final int[] key;
  private final int[] counter = new int[4];
  private final int[] block = new int[4];
  private long blocks;
  private boolean secondHalfReady;

  /**
   * The stream named by the 64-bit {@code key} and the counter words {@code a, b, c}.
   */
  public CounterStream(long key, int a, int b, int c) {
    this.key = new int[] {(int) key, (int) (key >>> 32)};
    counter[1] = a;
    counter[2] = b;
    counter[3] = c;
  }

  @Override
  public long nextLong() {
    if (secondHalfReady) {
      secondHalfReady = false;
      return (block[2] & 0xFFFFFFFFL) | ((long) block[3] << 32);
    }
    if (blocks > 0xFFFFFFFFL) {
      throw new IllegalStateException("CounterStream: the stream's 2^32 blocks are used up");
    }
    counter[0] = (int) blocks++;
    Philox4x32.block(counter, key, block);
    secondHalfReady = true;
    return (block[0] & 0xFFFFFFFFL) | ((long) block[1] << 32);
  }

  @Override
  public String toString() {
    return "CounterStream(key=" + Integer.toHexString(key[1]) + Integer.toHexString(key[0])
        + ", counter=" + counter[1] + "/" + counter[2] + "/" + counter[3] + ")";
  }
}
