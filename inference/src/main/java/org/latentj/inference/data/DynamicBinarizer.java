package org.latentj.inference.data;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;

/**
 * Dynamic binarization: {@code b_ij = 1[u_ij < p_ij]} with fresh {@code u_ij ~ U[0, 1)}, so
 * {@code b_ij ~ Bernoulli(p_ij)}, drawn anew each time a minibatch is used. This is the protocol
 * of Burda, Grosse &amp; Salakhutdinov, "Importance Weighted Autoencoders" (2016, section 5.1):
 * grey pixels are treated as probabilities and every epoch sees a new binary sample, which
 * regularizes compared with one fixed binarization.
 *
 * <p>Exactly one {@code nextDouble()} is drawn per element, whatever its value, so the stream
 * position after a call depends only on the matrix size. Nothing is allocated when an output
 * matrix is passed.
 */
public final class DynamicBinarizer {

  private final UniformRandomProvider rng;

  private DynamicBinarizer(UniformRandomProvider rng) {
    this.rng = rng;
  }

  /** A binarizer drawing from {@code rng}. */
  public static DynamicBinarizer of(UniformRandomProvider rng) {
    return new DynamicBinarizer(Objects.requireNonNull(rng, "rng"));
  }

  /**
   * Writes a Bernoulli draw of each probability into {@code out}.
   *
   * @param probabilities values in {@code [0, 1]}. Not modified (unless it is {@code out}).
   * @param out reshaped to the input's shape, or declared if null; may be {@code probabilities}
   *     itself. Modified; on an invalid input it holds the draws made before the bad value.
   * @return {@code out}
   * @throws IllegalArgumentException naming the row and column of a value outside
   *     {@code [0, 1]} (or NaN)
   */
  public DMatrixRMaj binarize(DMatrixRMaj probabilities, DMatrixRMaj out) {
    Objects.requireNonNull(probabilities, "probabilities");
    if (out == null) {
      out = new DMatrixRMaj(probabilities.numRows, probabilities.numCols);
    } else {
      out.reshape(probabilities.numRows, probabilities.numCols);
    }
    double[] p = probabilities.data;
    double[] b = out.data;
    int n = probabilities.getNumElements();
    for (int i = 0; i < n; i++) {
      double pi = p[i];
      if (!(pi >= 0 && pi <= 1)) {
        throw Transforms.outOfRange("DynamicBinarizer: probability", probabilities, i, 0, 1);
      }
      b[i] = rng.nextDouble() < pi ? 1.0 : 0.0;
    }
    return out;
  }

  @Override
  public String toString() {
    return "DynamicBinarizer(Bernoulli(p) per element, fresh each call; Burda et al. 2016)";
  }
}
