package org.latentj.examples.models;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.tensor.Tensor;

/**
 * Chosen rows of grey images in [0, 1], each pixel drawn as a Bernoulli with its grey level as
 * the probability (dynamic binarization, a fresh draw every time a row is used).
 */
final class BinaryRows {

  private BinaryRows() {}

  static Tensor draw(DMatrixRMaj grey, int[] rows, int from, int to,
      UniformRandomProvider rng) {
    int d = grey.numCols;
    DMatrixRMaj out = new DMatrixRMaj(to - from, d);
    for (int i = from; i < to; i++) {
      int src = rows[i] * d;
      int dst = (i - from) * d;
      for (int c = 0; c < d; c++) {
        out.data[dst + c] = rng.nextDouble() < grey.data[src + c] ? 1 : 0;
      }
    }
    return Tensor.constant(out);
  }

  /** The one-hot labels of the chosen rows. */
  static Tensor oneHot(int[] labels, int[] rows, int from, int to, int classes) {
    int[] chosen = new int[to - from];
    for (int i = from; i < to; i++) {
      chosen[i - from] = labels[rows[i]];
    }
    return Tensor.constant(OneHotLabels.of(chosen, classes));
  }
}
