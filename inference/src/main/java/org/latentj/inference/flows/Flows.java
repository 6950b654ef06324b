package org.latentj.inference.flows;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/** Builds the usual flows: K layers of one kind, with what goes between them. */
public final class Flows {

  private Flows() {}

  /** The hidden width used when none is given: {@code max(32, 2 size)}. */
  public static int defaultHidden(int size) {
    return Math.max(32, 2 * size);
  }

  /** K planar layers (Rezende &amp; Mohamed 2015). */
  public static Flow planar(int size, int layers, int contextSize, UniformRandomProvider rng) {
    requireLayers("planar", layers);
    List<FlowLayer> out = new ArrayList<>();
    for (int i = 0; i < layers; i++) {
      out.add(new PlanarFlow(size, contextSize, rng));
    }
    return new Flow(out);
  }

  /** K radial layers (Rezende &amp; Mohamed 2015). */
  public static Flow radial(int size, int layers, int contextSize, UniformRandomProvider rng) {
    requireLayers("radial", layers);
    List<FlowLayer> out = new ArrayList<>();
    for (int i = 0; i < layers; i++) {
      out.add(new RadialFlow(size, contextSize, rng));
    }
    return new Flow(out);
  }

  /**
   * K inverse autoregressive steps (Kingma et al. 2016) with a column reversal between
   * consecutive steps.
   */
  public static Flow iaf(int size, int layers, int hidden, int contextSize,
      UniformRandomProvider rng) {
    requireLayers("iaf", layers);
    List<FlowLayer> out = new ArrayList<>();
    for (int i = 0; i < layers; i++) {
      if (i > 0) {
        out.add(new Permutation(size));
      }
      out.add(new InverseAutoregressiveFlow(size, hidden, contextSize, rng));
    }
    return new Flow(out);
  }

  /** K affine coupling layers with alternating masks (RealNVP, Dinh et al. 2017). */
  public static Flow realNvp(int size, int layers, int[] hidden, int contextSize,
      UniformRandomProvider rng) {
    requireLayers("realnvp", layers);
    List<FlowLayer> out = new ArrayList<>();
    for (int i = 0; i < layers; i++) {
      out.add(new AffineCoupling(size, i % 2, hidden, contextSize, rng));
    }
    return new Flow(out);
  }

  private static void requireLayers(String kind, int layers) {
    if (layers < 1) {
      throw new IllegalArgumentException("Flows." + kind + ": needs at least one layer, got "
          + layers);
    }
  }
}
