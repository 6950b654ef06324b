package org.latentj.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.latentj.tensor.DType;
import org.latentj.tensor.Tensor;

/**
 * A multilayer perceptron: {@link Linear} layers of the given sizes with an activation between
 * them and none after the last, so its output can feed a distribution head.
 */
public final class Mlp extends Sequential {

  private final int[] sizes;
  private final Activation activation;

  /**
   * @param sizes input size, hidden sizes, output size (at least two entries)
   * @param activation applied after every layer but the last
   */
  public Mlp(int[] sizes, Activation activation, Initializer init, UniformRandomProvider rng) {
    this(sizes, activation, init, rng, DType.FLOAT64);
  }

  /**
   * As {@link #Mlp(int[], Activation, Initializer, UniformRandomProvider)} with every layer's
   * parameters in {@code dtype}.
   */
  public Mlp(int[] sizes, Activation activation, Initializer init, UniformRandomProvider rng,
      DType dtype) {
    super(build(sizes, activation, init, rng, dtype));
    this.sizes = sizes.clone();
    this.activation = activation;
  }

  private static List<Layer> build(int[] sizes, Activation activation, Initializer init,
      UniformRandomProvider rng, DType dtype) {
    if (sizes.length < 2) {
      throw new IllegalArgumentException("Mlp: needs at least an input and an output size, got "
          + Arrays.toString(sizes));
    }
    List<Layer> layers = new ArrayList<>();
    for (int i = 0; i + 1 < sizes.length; i++) {
      layers.add(new Linear(sizes[i], sizes[i + 1], init, rng, dtype));
      if (i + 2 < sizes.length && activation != Activation.IDENTITY) {
        layers.add(activation.layer());
      }
    }
    return layers;
  }

  /**
   * The layers in order, as {@link Sequential} runs them, except that with ReLU each hidden
   * {@link Linear} and the ReLU after it run as one op ({@link Linear#forwardRelu}): the same
   * values and gradients with one matrix and one pass fewer per hidden layer.
   */
  @Override
  public Tensor forward(Tensor input) {
    if (activation != Activation.RELU) {
      return super.forward(input);
    }
    List<Layer> layers = layers();
    Tensor x = input;
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i) instanceof Linear linear && i + 1 < layers.size()) {
        x = linear.forwardRelu(x);
        i++; // the ReLU layer, just applied
      } else {
        x = layers.get(i).forward(x);
      }
    }
    return x;
  }

  public int inputSize() {
    return sizes[0];
  }

  public int outputSize() {
    return sizes[sizes.length - 1];
  }

  /** Input, hidden and output sizes. */
  public int[] sizes() {
    return sizes.clone();
  }
}
