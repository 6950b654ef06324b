package org.latentj.distributions;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.tensor.Rngs;
import org.latentj.tensor.Tensor;

/**
 * The binary Concrete distribution (Maddison, Mnih &amp; Teh 2016, appendix; the two-class case of
 * {@link RelaxedOneHotCategorical}, also called the relaxed Bernoulli): a continuous relaxation
 * of {@link Bernoulli} on {@code (0, 1)} with logits {@code l} and temperature {@code tau > 0},
 * independent per column. A draw is
 *
 * <pre>
 * y = sigmoid((l + L) / tau),   L = log u - log(1 - u) ~ Logistic(0, 1),   u ~ U(0, 1)
 * </pre>
 *
 * reparameterized in {@code l}, so {@code P(y > 1/2) = sigmoid(l)} exactly; as {@code tau -> 0}
 * draws approach 0/1. Its log-density per column is
 *
 * <pre>
 * log p(y) = log tau + l - (tau + 1) (log y + log(1 - y))
 *            - 2 log( exp(l - tau log y) + exp(-tau log(1 - y)) )
 * </pre>
 *
 * summed over the event. Values are clamped into {@code [MIN_NORMAL, 1 - 2^-53]} before the
 * logs, so a draw that rounded to 0 or 1 still has a finite density.
 */
public final class RelaxedBernoulli extends ConcreteFamily {

  private static final String FAMILY = "RelaxedBernoulli";
  private static final double BELOW_ONE = 1 - Math.ulp(1.0) / 2;

  private RelaxedBernoulli(double temperature, Tensor logits) {
    super(temperature, logits);
  }

  /** A relaxed Bernoulli at {@code temperature} (finite, positive) with finite logits. */
  public static RelaxedBernoulli of(double temperature, Tensor logits) {
    Checks.positive(FAMILY + ": temperature", temperature);
    return new RelaxedBernoulli(temperature, checkedLogits(FAMILY + ": logits", logits));
  }

  @Override
  public RelaxedBernoulli detachParameters() {
    return new RelaxedBernoulli(temperature(), logits().detach());
  }

  /** The density of the class comment, differentiable in the logits and the value. */
  @Override
  public Tensor logProb(Tensor value) {
    Checks.valueShape(FAMILY + ".logProb: value", value, batchSize(), eventSize());
    Checks.unitInterval(FAMILY + ".logProb: value", value);
    Tensor y = value.clamp(Double.MIN_NORMAL, BELOW_ONE);
    Tensor logY = y.log();
    Tensor logOneMinusY = y.neg().log1p();
    double tau = temperature();
    Tensor a = logits().sub(logY.mul(tau));
    Tensor b = logOneMinusY.mul(-tau);
    Tensor logAddExp = a.sub(b).softplus().add(b);
    Tensor perColumn = logits().sub(logY.add(logOneMinusY).mul(tau + 1))
        .sub(logAddExp.mul(2)).add(Math.log(tau));
    return Checks.noNaN(FAMILY + ".logProb", perColumn.rowSums());
  }

  /** {@code sigmoid((l + L) / tau)} with logistic noise {@code L} (class comment). */
  @Override
  public Tensor rsample(UniformRandomProvider rng) {
    DMatrixRMaj noise = new DMatrixRMaj(batchSize(), eventSize());
    Rngs.fillUniformOpen(rng, noise);
    double[] d = noise.data;
    for (int i = 0; i < d.length; i++) {
      d[i] = Math.log(d[i]) - Math.log1p(-d[i]);
    }
    return logits().add(Tensor.constant(noise)).div(temperature()).sigmoid();
  }
}
