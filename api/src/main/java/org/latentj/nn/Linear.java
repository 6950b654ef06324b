package org.latentj.nn;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.tensor.DType;
import org.latentj.tensor.Tensor;

/**
 * An affine map {@code y = x W + b}: {@code x} is {@code n x in}, {@code W} is {@code in x out},
 * the bias {@code b} is a {@code 1 x out} row broadcast over the minibatch.
 */
public final class Linear extends Layer {

  private final int inputSize;
  private final int outputSize;
  private final Parameter weight;
  private final Parameter bias;

  /** Weights from {@code init}, zero bias, float64. */
  public Linear(int inputSize, int outputSize, Initializer init, UniformRandomProvider rng) {
    this(inputSize, outputSize, init, rng, DType.FLOAT64);
  }

  /**
   * Weights from {@code init}, zero bias, stored as {@code dtype}. The initializer draws in
   * float64 either way, so one seed gives the same weights (rounded, for float32) in both.
   */
  public Linear(int inputSize, int outputSize, Initializer init, UniformRandomProvider rng,
      DType dtype) {
    if (inputSize < 1 || outputSize < 1) {
      throw new IllegalArgumentException("Linear: sizes must be positive, got " + inputSize
          + " -> " + outputSize);
    }
    this.inputSize = inputSize;
    this.outputSize = outputSize;
    DMatrixRMaj w = new DMatrixRMaj(inputSize, outputSize);
    init.fill(w, rng);
    this.weight = register(Parameter.of("weight", w, dtype));
    this.bias = register(Parameter.of("bias", new DMatrixRMaj(1, outputSize), dtype));
  }

  /**
   * {@code x W + b}.
   *
   * @throws IllegalArgumentException naming this layer's path in the model, its sizes and the
   *     input's shape, when {@code x} does not have {@code inputSize} columns
   */
  @Override
  public Tensor forward(Tensor x) {
    requireInput(x);
    return x.affine(weight.tensor(), bias.tensor());
  }

  /**
   * {@code relu(x W + b)} as one op ({@link Tensor#affineRelu}): what {@link Mlp} runs for a
   * layer followed by a ReLU. Checks {@code x} as {@link #forward} does.
   */
  public Tensor forwardRelu(Tensor x) {
    requireInput(x);
    return x.affineRelu(weight.tensor(), bias.tensor());
  }

  private void requireInput(Tensor x) {
    if (x.cols() != inputSize) {
      String path = path();
      throw new IllegalArgumentException((path.isEmpty() ? "" : path + ", ") + this
          + ": input is " + x.shape() + " (" + x.cols() + " columns) but the layer expects "
          + inputSize + " columns");
    }
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

  public int inputSize() {
    return inputSize;
  }

  public int outputSize() {
    return outputSize;
  }

  @Override
  public String toString() {
    return "Linear(" + inputSize + " -> " + outputSize + ")";
  }
}
