package org.latentj.inference.objectives.baselines;

import java.util.HashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * Exponentially decaying averages per site, {@code a <- beta a + (1 - beta) x}, started at the
 * first value seen: the running mean of a cost (and of its square, for NVIL's normalization).
 * One object per baseline, so two objectives never share state.
 */
final class RunningMoments {

  private final double beta;
  private final Map<String, double[]> moments = new HashMap<>();

  RunningMoments(double beta) {
    if (!(beta >= 0 && beta < 1)) {
      throw new IllegalArgumentException("baseline: the decay must lie in [0, 1), got " + beta);
    }
    this.beta = beta;
  }

  double beta() {
    return beta;
  }

  /** The running mean for {@code site}, 0 before any update (Pyro's start). */
  double mean(String site) {
    double[] m = moments.get(site);
    return m == null ? 0 : m[0];
  }

  /** The running variance for {@code site}, 0 before any update. */
  double variance(String site) {
    double[] m = moments.get(site);
    return m == null ? 0 : Math.max(0, m[1] - m[0] * m[0]);
  }

  /** Folds the mean and mean square of {@code values} into {@code site}'s averages. */
  void update(String site, DMatrixRMaj values) {
    double sum = 0;
    double squares = 0;
    int n = values.getNumElements();
    for (int i = 0; i < n; i++) {
      sum += values.data[i];
      squares += values.data[i] * values.data[i];
    }
    double mean = sum / n;
    double meanSquare = squares / n;
    double[] m = moments.get(site);
    if (m == null) {
      moments.put(site, new double[] {mean, meanSquare});
    } else {
      m[0] = beta * m[0] + (1 - beta) * mean;
      m[1] = beta * m[1] + (1 - beta) * meanSquare;
    }
  }

  /** {@code x + by}, elementwise, as a new matrix. */
  static DMatrixRMaj shifted(DMatrixRMaj x, double by) {
    DMatrixRMaj out = x.copy();
    for (int i = 0; i < out.getNumElements(); i++) {
      out.data[i] += by;
    }
    return out;
  }
}
