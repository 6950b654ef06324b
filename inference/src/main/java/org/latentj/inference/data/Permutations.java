package org.latentj.inference.data;

import org.apache.commons.rng.UniformRandomProvider;

/** Uniform random permutations by the Fisher-Yates (Durstenfeld) shuffle. */
final class Permutations {

  private Permutations() {}

  /** Writes {@code 0, 1, ..., n-1} into the first {@code n} places of {@code a} (Modified). */
  static void identity(int[] a, int n) {
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
  }

  /**
   * Shuffles the first {@code n} entries of {@code a} (Modified) in place: for {@code i} from
   * {@code n-1} down to 1, swap {@code a[i]} with {@code a[j]}, {@code j = rng.nextInt(i + 1)}.
   * Every permutation is equally likely; exactly {@code n-1} draws are made.
   */
  static void shuffle(int[] a, int n, UniformRandomProvider rng) {
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
