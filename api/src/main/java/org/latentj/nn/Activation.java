package org.latentj.nn;

import java.util.function.UnaryOperator;
import org.latentj.tensor.Tensor;

/** The usual nonlinearities, by name. {@link #layer()} gives one as a {@link Layer}. */
public enum Activation {
  IDENTITY(t -> t),
  RELU(Tensor::relu),
  LEAKY_RELU(t -> t.leakyRelu(0.01)),
  ELU(t -> t.elu(1.0)),
  TANH(Tensor::tanh),
  SIGMOID(Tensor::sigmoid),
  SOFTPLUS(Tensor::softplus);

  private final UnaryOperator<Tensor> function;

  Activation(UnaryOperator<Tensor> function) {
    this.function = function;
  }

  public Tensor apply(Tensor x) {
    return function.apply(x);
  }

  /** This activation as a parameter-free layer. */
  public Layer layer() {
    Activation self = this;
    return new Layer() {
      @Override
      public Tensor forward(Tensor input) {
        return self.apply(input);
      }

      @Override
      public boolean rowWise() {
        return true;
      }

      @Override
      public String toString() {
        return self.name().toLowerCase(java.util.Locale.ROOT);
      }
    };
  }
}
