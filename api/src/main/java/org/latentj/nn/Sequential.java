package org.latentj.nn;

import java.util.List;
import org.latentj.tensor.Tensor;

/** Layers applied one after another; children are named {@code layer0, layer1, ...}. */
public class Sequential extends Layer {

  private final List<Layer> layers;

  public Sequential(List<Layer> layers) {
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("Sequential: needs at least one layer");
    }
    this.layers = List.copyOf(layers);
    for (int i = 0; i < this.layers.size(); i++) {
      register("layer" + i, this.layers.get(i));
    }
  }

  @Override
  public Tensor forward(Tensor input) {
    Tensor x = input;
    for (Layer layer : layers) {
      x = layer.forward(x);
    }
    return x;
  }

  /**
   * Row-wise when every layer is. A subclass that overrides {@link #forward} with anything that
   * couples rows or draws random numbers must override this too.
   */
  @Override
  public boolean rowWise() {
    for (Layer layer : layers) {
      if (!layer.rowWise()) {
        return false;
      }
    }
    return true;
  }

  public List<Layer> layers() {
    return layers;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(getClass().getSimpleName()).append('(');
    for (int i = 0; i < layers.size(); i++) {
      s.append(i == 0 ? "" : ", ").append(layers.get(i));
    }
    return s.append(')').toString();
  }
}
