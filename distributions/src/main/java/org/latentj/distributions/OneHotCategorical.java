package org.latentj.distributions;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.model.Validation;
import org.latentj.tensor.DType;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/**
 * A categorical distribution over {@code K} classes per row, from unnormalized logits {@code l},
 * whose values are one-hot rows {@code x}:
 *
 * <pre>
 * log p(x) = sum_j x_j log softmax(l)_j,   log softmax(l)_j = l_j - log sum_k exp(l_k)
 * </pre>
 *
 * The event is the whole one-hot row, so {@link #eventSize()} is {@code K}. Every quantity is
 * computed from {@code log softmax}, which stays finite for logits of any finite size.
 * Mean {@code p = softmax(l)}, variance {@code p (1 - p)}, entropy {@code -sum_j p_j log p_j}.
 * There is no reparameterized sampler; {@link RelaxedOneHotCategorical} is its continuous
 * relaxation.
 *
 * <p>Factories always check shapes; element checks of tensor parameters (finite, positive, in
 * range) and support checks of values run while {@link Validation} is on.
 */
public final class OneHotCategorical extends LogitsFamily {

  private static final String FAMILY = "OneHotCategorical";

  private OneHotCategorical(Tensor logits) {
    super(logits);
  }

  /** A categorical over {@code K = logits.cols()} classes per row; logits must be finite. */
  public static OneHotCategorical ofLogits(Tensor logits) {
    return new OneHotCategorical(checkedLogits(FAMILY + ": logits", logits));
  }

  /** The same categorical with its logits cut from the graph. */
  @Override
  public OneHotCategorical detachParameters() {
    return new OneHotCategorical(logits().detach());
  }

  /** {@code log softmax(logits)}, row by row: the normalized log-probabilities. */
  public Tensor logProbs() {
    return logits().logSoftmax();
  }

  /** {@code softmax(logits)}, row by row. */
  public Tensor probs() {
    return logits().softmax();
  }

  /** {@code sum_j x_j log softmax(l)_j}; with {@link Validation} on, rows must be one-hot. */
  @Override
  public Tensor logProb(Tensor value) {
    Checks.valueShape(FAMILY + ".logProb: value", value, batchSize(), eventSize());
    if (Validation.isEnabled()) {
      requireOneHot(FAMILY + ".logProb: value", value);
    }
    return Checks.noNaN(FAMILY + ".logProb", value.detach().mul(logProbs()).rowSums());
  }

  /** Fails naming the first row of {@code value} that is not one-hot. */
  private static void requireOneHot(String where, Tensor value) {
    int k = value.cols();
    for (int i = 0; i < value.rows(); i++) {
      int ones = 0;
      for (int j = 0; j < k; j++) {
        double v = value.get(i * k + j); // either dtype
        if (v == 1.0) {
          ones++;
        } else if (v != 0.0) {
          throw Checks.elementError(where, value, i * k + j,
              "must be one-hot (every entry 0 or 1)");
        }
      }
      if (ones != 1) {
        throw new IllegalArgumentException(where + " row " + i + " must be one-hot but"
            + " holds " + ones + " ones (shape " + value.shape() + ")");
      }
    }
  }

  /**
   * One-hot rows in the logits' dtype, each class drawn with probability {@code softmax(l)} by
   * inversion (of the float64 logits, so one seed draws the same classes in both dtypes).
   */
  @Override
  public Tensor sample(UniformRandomProvider rng) {
    int n = batchSize();
    int k = eventSize();
    double[] l = logits().detach().to(DType.FLOAT64).value().data; // float32 widened exactly
    DMatrixRMaj out = new DMatrixRMaj(n, k);
    for (int i = 0; i < n; i++) {
      out.data[i * k + drawClass(l, i * k, k, Rngs.row(rng, i))] = 1.0;
    }
    return Tensor.constant(out, logits().dtype());
  }

  /**
   * Draws a class with probability {@code softmax(l[base .. base+k))} by inversion of the
   * unnormalized weights {@code exp(l_j - max l)}, which cannot overflow.
   */
  static int drawClass(double[] l, int base, int k, UniformRandomProvider rng) {
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < k; j++) {
      max = Math.max(max, l[base + j]);
    }
    double total = 0;
    for (int j = 0; j < k; j++) {
      total += Math.exp(l[base + j] - max);
    }
    double u = rng.nextDouble() * total;
    double cumulative = 0;
    int last = 0;
    for (int j = 0; j < k; j++) {
      double w = Math.exp(l[base + j] - max);
      if (w > 0) {
        last = j;
        cumulative += w;
        if (u < cumulative) {
          return j;
        }
      }
    }
    return last; // u landed on the rounding gap at the very top: the last class with weight
  }

  @Override
  public boolean hasEnumerateSupport() {
    return true;
  }

  /** The {@code K} one-hot rows: the {@code K x K} identity, in the logits' dtype. */
  @Override
  public Tensor enumerateSupport() {
    int k = eventSize();
    DMatrixRMaj out = new DMatrixRMaj(k, k);
    for (int j = 0; j < k; j++) {
      out.data[j * k + j] = 1.0;
    }
    return Tensor.constant(out, logits().dtype());
  }

  /** {@code softmax(logits)}. */
  @Override
  public Tensor mean() {
    return probs();
  }

  /** {@code p (1 - p)} with {@code p = softmax(logits)}. */
  @Override
  public Tensor variance() {
    Tensor p = probs();
    return p.mul(p.neg().add(1.0));
  }

  /** {@code -sum_j p_j log p_j}, from {@code log softmax} (terms with {@code p_j = 0} add 0). */
  @Override
  public Tensor entropy() {
    Tensor logP = logProbs();
    return Checks.noNaN(FAMILY + ".entropy", logP.exp().mul(logP).rowSums().neg());
  }

  @Override
  public String toString() {
    return FAMILY + "[" + batchSize() + "x" + eventSize() + "]";
  }
}
