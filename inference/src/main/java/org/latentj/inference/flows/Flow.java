package org.latentj.inference.flows;

import java.util.ArrayList;
import java.util.List;
import org.latentj.distributions.Bijection;
import org.latentj.distributions.Bijections;
import org.latentj.nn.Module;
import org.latentj.tensor.Tensor;

/**
 * A chain of {@link FlowLayer}s, applied in order, all of one size and sharing one context.
 * Its parameters are the layers', named {@code layer<i>.<name>}.
 */
public final class Flow extends Module {

  private final List<FlowLayer> layers;
  private final int size;
  private final int contextSize;

  /** The layers in the order they are applied; at least one, of one size and context size. */
  public Flow(List<? extends FlowLayer> layers) {
    if (layers == null || layers.isEmpty()) {
      throw new IllegalArgumentException("Flow: needs at least one layer");
    }
    this.size = layers.get(0).size();
    this.contextSize = layers.stream().mapToInt(FlowLayer::contextSize).max().orElse(0);
    List<FlowLayer> own = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      FlowLayer layer = layers.get(i);
      if (layer.size() != size) {
        throw new IllegalArgumentException("Flow: layer " + i + " (" + layer + ") maps "
            + layer.size() + " columns but layer 0 maps " + size);
      }
      if (layer.contextSize() != 0 && layer.contextSize() != contextSize) {
        throw new IllegalArgumentException("Flow: layer " + i + " reads a context of "
            + layer.contextSize() + " columns but another reads " + contextSize);
      }
      own.add(register("layer" + i, layer));
    }
    this.layers = List.copyOf(own);
  }

  public int size() {
    return size;
  }

  /** The context columns per row its amortized layers read; 0 when none is amortized. */
  public int contextSize() {
    return contextSize;
  }

  public List<FlowLayer> layers() {
    return layers;
  }

  /** The whole chain as one bijection for {@code context} (null when {@link #contextSize()} is 0). */
  public Bijection bijection(Tensor context) {
    FlowContext.check(this, contextSize, context);
    List<Bijection> steps = new ArrayList<>();
    for (FlowLayer layer : layers) {
      steps.add(layer.bijection(layer.contextSize() == 0 ? null : context));
    }
    return Bijections.chain(steps);
  }

  @Override
  public String toString() {
    return "Flow" + layers;
  }
}
