package org.latentj.tensor;

/**
 * The Philox4x32-10 block function (Salmon, Moraes, Dror &amp; Shaw, "Parallel random numbers:
 * as easy as 1, 2, 3", SC 2011): a keyed bijection of a 128-bit counter, so the n-th random
 * block of a stream is {@code philox(key, n)} with no state to carry from block n - 1. That is
 * what lets any machine draw example i's noise without drawing examples 0..i-1 first.
 *
 * <p>Each of the 10 rounds multiplies two counter words by fixed odd constants, keeps both
 * halves of the 64-bit products and mixes in the key, which a Weyl sequence bumps between
 * rounds:
 *
 * <pre>
 *   (c0, c1, c2, c3) -&gt; (hi(M1 c2) ^ c1 ^ k0, lo(M1 c2), hi(M0 c0) ^ c3 ^ k1, lo(M0 c0))
 *   (k0, k1)         -&gt; (k0 + W0, k1 + W1)
 * </pre>
 *
 * Checked against the Random123 library's published known-answer vectors.
 */
public final class Philox4x32 {

  private static final long M0 = 0xD2511F53L;
  private static final long M1 = 0xCD9E8D57L;
  private static final int W0 = 0x9E3779B9;
  private static final int W1 = 0xBB67AE85;
  private static final int ROUNDS = 10;

  private Philox4x32() {}

  /**
   * Writes {@code philox(key, counter)} into {@code out} (Modified, 4 words).
   *
   * @param counter 4 words (Not modified)
   * @param key 2 words (Not modified)
   */
  public static void block(int[] counter, int[] key, int[] out) {
    int c0 = counter[0];
    int c1 = counter[1];
    int c2 = counter[2];
    int c3 = counter[3];
    int k0 = key[0];
    int k1 = key[1];
    for (int r = 0; r < ROUNDS; r++) {
      long p0 = M0 * (c0 & 0xFFFFFFFFL);
      long p1 = M1 * (c2 & 0xFFFFFFFFL);
      int n0 = (int) (p1 >>> 32) ^ c1 ^ k0;
      int n1 = (int) p1;
      int n2 = (int) (p0 >>> 32) ^ c3 ^ k1;
      int n3 = (int) p0;
      c0 = n0;
      c1 = n1;
      c2 = n2;
      c3 = n3;
      k0 += W0;
      k1 += W1;
    }
    out[0] = c0;
    out[1] = c1;
    out[2] = c2;
    out[3] = c3;
  }
}
