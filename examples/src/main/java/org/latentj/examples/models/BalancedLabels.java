package org.latentj.examples.models;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Which examples keep their label in a semi-supervised run: the same number of each class, the
 * first of each class in a seeded shuffle (Kingma et al. 2014 draw their labelled MNIST subsets
 * balanced the same way).
 */
public final class BalancedLabels {

  private BalancedLabels() {}

  /**
   * {@code count} row indices of {@code labels}, {@code count / classes} of each class, sorted.
   *
   * @throws IllegalArgumentException if {@code count} is not a multiple of {@code classes} or a
   *     class has too few examples
   */
  public static int[] choose(int[] labels, int classes, int count, UniformRandomProvider rng) {
    if (count < classes || count % classes != 0) {
      throw new IllegalArgumentException("BalancedLabels: " + count + " labels cannot be split"
          + " evenly over " + classes + " classes");
    }
    int perClass = count / classes;
    int[] taken = new int[classes];
    int[] out = new int[count];
    int filled = 0;
    for (int row : shuffled(labels.length, rng)) {
      int c = labels[row];
      if (taken[c] < perClass) {
        taken[c]++;
        out[filled++] = row;
      }
    }
    if (filled < count) {
      throw new IllegalArgumentException("BalancedLabels: some class has fewer than " + perClass
          + " examples (" + Arrays.toString(taken) + ")");
    }
    Arrays.sort(out);
    return out;
  }

  /** {@code 0 .. n-1} in a uniformly random order (Fisher-Yates). */
  static int[] shuffled(int n, UniformRandomProvider rng) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }

  /** The rows in {@code [0, size)} that are not in {@code chosen} (sorted). */
  public static int[] rest(int size, int[] chosen) {
    boolean[] in = new boolean[size];
    for (int r : chosen) {
      in[r] = true;
    }
    int[] out = new int[size - chosen.length];
    int k = 0;
    for (int r = 0; r < size; r++) {
      if (!in[r]) {
        out[k++] = r;
      }
    }
    return out;
  }
}
