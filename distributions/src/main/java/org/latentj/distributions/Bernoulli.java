package org.latentj.distributions;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/**
 * Independent Bernoulli variables with success probabilities {@code p = sigmoid(l)}, given by
 * their logits {@code l} (Kingma &amp; Welling 2013, appendix C.1):
 *
 * <pre>
 *   log p(x) = sum_j [ x_j l_j - softplus(l_j) ]
 *            = sum_j [ x_j log p_j + (1 - x_j) log(1 - p_j) ]
 *   H        = sum_j [ p_j softplus(-l_j) + (1 - p_j) softplus(l_j) ]
 * </pre>
 *
 * <p>Working from logits keeps every term finite even for logits of +-1000, where {@code p}
 * itself rounds to 0 or 1. Values may be grey levels in {@code [0, 1]} (the usual treatment of
 * MNIST intensities), for which the same formula is a cross-entropy rather than a log-mass.
 */
public final class Bernoulli extends LogitsFamily {

  private Bernoulli(Tensor logits) {
    super(logits);
  }

  /**
   * The Bernoulli with {@code p = sigmoid(logits)}.
   *
   * @param logits {@code n x d}; finite
   */
  public static Bernoulli ofLogits(Tensor logits) {
    return new Bernoulli(checkedLogits("Bernoulli.ofLogits: logits", logits));
  }

  /** {@code p = sigmoid(l)}, {@code n x d}. */
  public Tensor probs() {
    return logits().sigmoid();
  }

  @Override
  public Tensor logProb(Tensor value) {
    return sigmoidLogLikelihoodRows("Bernoulli.logProb: value", value);
  }

  /** The same Bernoulli with its logits cut from the graph. */
  @Override
  public Bernoulli detachParameters() {
    return new Bernoulli(logits().detach());
  }

  /** Draws of 0 or 1: 1 where a uniform draw falls below {@code p}. */
  @Override
  public Tensor sample(UniformRandomProvider rng) {
    Tensor l = logits();
    DMatrixRMaj out = new DMatrixRMaj(batchSize(), eventSize());
    double[] x = out.data;
    int d = eventSize();
    for (int r = 0; r < batchSize(); r++) {
      UniformRandomProvider g = Rngs.row(rng, r);
      for (int i = r * d; i < (r + 1) * d; i++) {
        x[i] = g.nextDouble() < sigmoid(l.get(i)) ? 1.0 : 0.0;
      }
    }
    return Tensor.constant(out, l.dtype());
  }

  /**
   * The largest event size whose support is enumerated: {@code 2^d} joint values, so 12 columns
   * are already 4096 values per example.
   */
  public static final int MAX_ENUMERATED_COLUMNS = 12;

  @Override
  public boolean hasEnumerateSupport() {
    return eventSize() <= MAX_ENUMERATED_COLUMNS;
  }

  /**
   * The {@code 2^d} joint values of the {@code d} columns, row {@code j} holding the bits of
   * {@code j} (column 0 the most significant): {@code 2^d x d}, in the logits' dtype.
   *
   * @throws UnsupportedOperationException when {@code d > } {@value #MAX_ENUMERATED_COLUMNS}
   */
  @Override
  public Tensor enumerateSupport() {
    int d = eventSize();
    if (d > MAX_ENUMERATED_COLUMNS) {
      throw new UnsupportedOperationException("Bernoulli with " + d + " columns has 2^" + d
          + " joint values, more than the 2^" + MAX_ENUMERATED_COLUMNS + " latentj enumerates");
    }
    int k = 1 << d;
    DMatrixRMaj out = new DMatrixRMaj(k, d);
    for (int j = 0; j < k; j++) {
      for (int c = 0; c < d; c++) {
        out.data[j * d + c] = (j >> (d - 1 - c)) & 1;
      }
    }
    return Tensor.constant(out, logits().dtype());
  }

  @Override
  public Tensor mean() {
    return probs();
  }

  /** {@code p (1 - p) = sigmoid(l) sigmoid(-l)}, which keeps its relative accuracy as p nears 1. */
  @Override
  public Tensor variance() {
    Tensor logits = logits();
    return logits.sigmoid().mul(logits.neg().sigmoid());
  }

  /** A sum of two non-negative terms, so no cancellation at large {@code |l|}. */
  @Override
  public Tensor entropy() {
    Tensor logits = logits();
    Tensor negLogits = logits.neg();
    return logits.sigmoid().mul(negLogits.softplus())
        .add(negLogits.sigmoid().mul(logits.softplus()))
        .rowSums();
  }

  @Override
  public String toString() {
    return "Bernoulli[batch " + batchSize() + ", event " + eventSize() + "]";
  }

  /** {@code 1 / (1 + e^-x)} without overflow for either sign. */
  static double sigmoid(double x) {
    if (x >= 0) {
      return 1.0 / (1.0 + Math.exp(-x));
    }
    double e = Math.exp(x);
    return e / (1.0 + e);
  }
}
