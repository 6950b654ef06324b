package org.latentj.model;

import java.util.Optional;
import org.latentj.nn.Layer;
import org.latentj.nn.Module;
import org.latentj.tensor.Tensor;

/**
 * A distribution whose parameters a network computes from an input: network + head. The two
 * amortized components of a VAE, {@link Likelihood} p(x|z) and {@link Posterior} q(z|x), are
 * both of this shape; they differ in meaning, not in mechanism.
 */
public abstract class ConditionalDistribution extends Module {

  private final Layer network;
  private final Head head;

  protected ConditionalDistribution(Layer network, Head head) {
    this.network = register("network", network);
    this.head = register("head", head);
  }

  /**
   * The distribution given {@code input} (rows = examples). When {@code input} is another
   * tensor's rows repeated k times (the k particles of an objective) and the network is
   * {@linkplain Layer#rowWise() row-wise}, the network runs once on the distinct rows and its
   * output is repeated: the same values and gradients at 1/k of the cost.
   */
  public final Distribution given(Tensor input) {
    Optional<Tensor.Repetition> repetition = input.repetition();
    if (repetition.isPresent() && network.rowWise()) {
      Tensor.Repetition r = repetition.get();
      return head.distribution(network.forward(r.source()).repeatRows(r.times()));
    }
    return head.distribution(network.forward(input));
  }

  public final Layer network() {
    return network;
  }

  public final Head head() {
    return head;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "(" + network + " -> " + head + ")";
  }
}
