package org.latentj.nn;

import org.ejml.data.DMatrixRMaj;
import org.latentj.tensor.DType;
import org.latentj.tensor.Tensor;

/**
 * Layer normalization (Ba, Kiros &amp; Hinton 2016): each row normalized over its own features,
 * {@code y = gamma (x - mean_row) / sqrt(var_row + eps) + beta}, with a learned per-feature
 * {@code gamma} (parameter {@code weight}, starting at 1) and {@code beta} ({@code bias}, at 0).
 * It uses no batch statistics, so it acts the same in training and evaluation mode and is
 * row-wise.
 */
public final class LayerNorm extends Layer {

  private final int features;
  private final double eps;
  private final Parameter weight;
  private final Parameter bias;

  /** Over {@code features} columns, eps 1e-5, float64. */
  public LayerNorm(int features) {
    this(features, BatchNorm.DEFAULT_EPS, DType.FLOAT64);
  }

  /** @throws IllegalArgumentException for features below 1 or eps not positive */
  public LayerNorm(int features, double eps, DType dtype) {
    if (features < 1 || !(eps > 0) || Double.isInfinite(eps)) {
      throw new IllegalArgumentException("LayerNorm: features must be positive and eps positive,"
          + " got " + features + " and " + eps);
    }
    this.features = features;
    this.eps = eps;
    DMatrixRMaj ones = new DMatrixRMaj(1, features);
    ones.fill(1);
    this.weight = register(Parameter.of("weight", ones, dtype));
    this.bias = register(Parameter.of("bias", new DMatrixRMaj(1, features), dtype));
  }

  /** @throws IllegalArgumentException naming this layer when {@code x} has another width */
  @Override
  public Tensor forward(Tensor x) {
    Shapes.requireColumns(this, features, x);
    return Tensor.apply(new LayerNormOp(eps), x, weight.tensor(), bias.tensor());
  }

  @Override
  public boolean rowWise() {
    return true;
  }

  public Parameter weight() {
    return weight;
  }

  public Parameter bias() {
    return bias;
  }

  @Override
  public String toString() {
    return "LayerNorm(" + features + ", eps " + eps + ")";
  }
}
