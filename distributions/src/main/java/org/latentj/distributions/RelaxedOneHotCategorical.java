package org.latentj.distributions;

import org.apache.commons.math3.special.Gamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.model.Validation;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/**
 * The Concrete or Gumbel-softmax distribution (Maddison, Mnih &amp; Teh 2016; Jang, Gu &amp; Poole
 * 2016): a continuous relaxation of {@link OneHotCategorical} on the open simplex of {@code K}
 * classes, with logits {@code l} and temperature {@code tau > 0}. A draw is
 *
 * <pre>
 * y = softmax((l + g) / tau),   g_k = -log(-log u_k) ~ Gumbel(0, 1),   u_k ~ U(0, 1)
 * </pre>
 *
 * reparameterized in {@code l}. Its density on the simplex (w.r.t. Lebesgue measure on the first
 * {@code K-1} coordinates; Maddison et al.) is
 *
 * <pre>
 * log p(y) = log (K-1)! + (K-1) log tau + sum_k (l_k - (tau + 1) log y_k)
 *            - K log sum_k exp(l_k - tau log y_k)
 * </pre>
 *
 * which is PyTorch's {@code ExpRelaxedCategorical} density of {@code log y} minus the
 * {@code sum_k log y_k} of the exponential map. It is invariant to adding a constant to the
 * logits; {@code argmax y} is exactly categorical with probabilities {@code softmax(l)} (the
 * Gumbel-max trick), and as {@code tau -> 0} draws approach one-hot rows.
 *
 * <p>At extreme logits or small temperatures a coordinate of a draw can underflow to exactly 0;
 * {@link #logProb} evaluates such points with {@code y_k} raised to the smallest normal double, so
 * it stays finite. The mean and variance have no closed form, nor does the entropy: those methods
 * throw {@link UnsupportedOperationException}; estimate them from samples.
 *
 * <p>Factories always check shapes; element checks of tensor parameters (finite, positive, in
 * range) and support checks of values run while {@link Validation} is on.
 */
public final class RelaxedOneHotCategorical extends ConcreteFamily {

  private static final String FAMILY = "RelaxedOneHotCategorical";
  /** How far a row of a value may sum away from 1 and still count as on the simplex. */
  private static final double SIMPLEX_TOLERANCE = 1e-6;

  private RelaxedOneHotCategorical(double temperature, Tensor logits) {
    super(temperature, logits);
  }

  /**
   * A Concrete distribution over {@code K = logits.cols() >= 2} classes; {@code temperature} must
   * be finite and positive, logits finite.
   */
  public static RelaxedOneHotCategorical of(double temperature, Tensor logits) {
    Checks.positive(FAMILY + ": temperature", temperature);
    Checks.nonNull(FAMILY + ": logits", logits);
    if (logits.cols() < 2) {
      throw new IllegalArgumentException(FAMILY + ": logits is " + logits.shape()
          + ", needs at least 2 classes (columns)");
    }
    return new RelaxedOneHotCategorical(temperature, checkedLogits(FAMILY + ": logits", logits));
  }

  /** The same distribution with its logits cut from the graph, for DReG estimators. */
  @Override
  public RelaxedOneHotCategorical detachParameters() {
    return new RelaxedOneHotCategorical(temperature(), logits().detach());
  }

  /**
   * The Concrete log-density (class comment); differentiable in the logits and the value. With
   * {@link Validation} on, every row must lie on the simplex: entries in {@code [0, 1]} summing to
   * 1 within 1e-6.
   */
  @Override
  public Tensor logProb(Tensor value) {
    int k = eventSize();
    Checks.valueShape(FAMILY + ".logProb: value", value, batchSize(), k);
    if (Validation.isEnabled()) {
      requireSimplex(value);
    }
    double tau = temperature();
    double constant = Gamma.logGamma(k) + (k - 1) * Math.log(tau);
    Tensor logY = value.clamp(Double.MIN_NORMAL, 1.0).log();
    Tensor logits = logits();
    Tensor scores = logits.sub(logY.mul(tau));
    Tensor out = logits.rowSums().sub(logY.rowSums().mul(tau + 1))
        .sub(scores.rowLogSumExp().mul(k)).add(constant);
    return Checks.noNaN(FAMILY + ".logProb", out);
  }

  private static void requireSimplex(Tensor value) {
    double[] y = value.value().data;
    int k = value.cols();
    for (int i = 0; i < value.rows(); i++) {
      double sum = 0;
      for (int j = 0; j < k; j++) {
        double v = y[i * k + j];
        if (!(v >= 0 && v <= 1)) {
          throw Checks.elementError(FAMILY + ".logProb: value", value, i * k + j,
              "must lie on the simplex (entries in [0, 1])");
        }
        sum += v;
      }
      if (Math.abs(sum - 1) > SIMPLEX_TOLERANCE) {
        throw new IllegalArgumentException(FAMILY + ".logProb: value row " + i + " sums to " + sum
            + ", must lie on the simplex (sum 1 within " + SIMPLEX_TOLERANCE + ")");
      }
    }
  }

  /** {@code softmax((l + g) / tau)} with Gumbel noise {@code g} (class comment). */
  @Override
  public Tensor rsample(UniformRandomProvider rng) {
    DMatrixRMaj g = new DMatrixRMaj(batchSize(), eventSize());
    Rngs.fillUniformOpen(rng, g);
    double[] d = g.data;
    int n = g.getNumElements();
    for (int i = 0; i < n; i++) {
      d[i] = -Math.log(-Math.log(d[i]));
    }
    return logits().add(Tensor.constant(g)).div(temperature()).softmax();
  }
}
