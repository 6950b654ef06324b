package org.latentj.inference.optim;

import java.util.Map;
import org.latentj.nn.Parameter;

/**
 * The Adam update with its two moment buffers ({@code m/<name>}, {@code v/<name>}), shared by
 * {@link Adam} and {@link AdamW}, which differ only in how the weight decay enters: as an L2 term
 * of the gradient ({@link #l2()}) or as a shrink of the weights before the step
 * ({@link #shrink(double)}). See {@link AdamKernel} for the per-element formula.
 */
abstract class AdamFamily extends BaseOptimizer {

  private final double beta1;
  private final double beta2;
  private final double eps;
  private final double weightDecay;
  private final StateBuffers first;
  private final StateBuffers second;
  private final AdamKernel.Coefficients coefficients = new AdamKernel.Coefficients();

  AdamFamily(String family, AdamSettings<?> s, Map<String, Parameter> parameters) {
    super(family, parameters, s.learningRate());
    this.beta1 = s.beta1();
    this.beta2 = s.beta2();
    this.eps = s.eps();
    this.weightDecay = s.weightDecay();
    this.first = newStateBuffers("m", 0, false);
    this.second = newStateBuffers("v", 0, true);
  }

  /** The weight-decay coefficient {@code lambda}. */
  final double weightDecay() {
    return weightDecay;
  }

  /** The factor every weight is multiplied by before the step at learning rate {@code lr}. */
  abstract double shrink(double lr);

  /** The coefficient of the L2 term added to the gradient. */
  abstract double l2();

  @Override
  final void update(long t, double lr) {
    double stepSize = lr / (1 - Math.pow(beta1, t));
    double correction2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
    AdamKernel.Coefficients c =
        coefficients.set(beta1, beta2, eps, shrink(lr), l2(), stepSize, correction2Sqrt);
    for (int k = 0; k < parameterCount(); k++) {
      Parameter param = parameter(k);
      int n = param.rows() * param.cols();
      if (first.d(k) != null) {
        AdamKernel.update(param.value().data, param.grad().data, first.d(k).data,
            second.d(k).data, n, c);
      } else {
        AdamKernel.update(param.valueF().data, param.gradF().data, first.f(k).data,
            second.f(k).data, n, c);
      }
    }
  }

  @Override
  final String hyperparameters() {
    return "beta1=" + beta1 + ", beta2=" + beta2 + ", eps=" + eps + ", weightDecay="
        + weightDecay;
  }
}
