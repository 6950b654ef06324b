package org.latentj.inference.flows;

import org.apache.commons.rng.UniformRandomProvider;
import org.latentj.distributions.Bijection;
import org.latentj.tensor.Tensor;

/**
 * One step of inverse autoregressive flow (Kingma et al. 2016, section 4 and algorithm 1), in the
 * numerically stable, LSTM-like form:
 *
 * <pre>
 *   [m, s] = Made(z[, h])                 (m_j, s_j depend on z_1 .. z_{j-1} only)
 *   sigma  = sigmoid(s)
 *   z'     = sigma .* z + (1 - sigma) .* m
 *   log |det dz'/dz| = sum_j log sigma_j      (the Jacobian is triangular)
 * </pre>
 *
 * The s outputs start with bias {@value #GATE_BIAS}, so sigma starts near 0.88 and the step
 * near a mild contraction, as the paper recommends. Between steps a {@link Permutation} reverses
 * the order ({@link Flows#iaf}).
 *
 * <p>The inverse needs d sequential passes, so this bijection has none: a {@link
 * org.latentj.distributions.TransformedDistribution} of it scores only its own draws, which is
 * all a posterior needs.
 */
public final class InverseAutoregressiveFlow extends FlowLayer {

  /** The initial bias of the gates' pre-activations s. */
  public static final double GATE_BIAS = 2.0;

  private final Made made;

  /**
   * @param hidden the MADE's hidden width (at least {@code size - 1}, so every output can see
   *     every earlier input)
   */
  public InverseAutoregressiveFlow(int size, int hidden, int contextSize,
      UniformRandomProvider rng) {
    super("InverseAutoregressiveFlow", size, contextSize);
    if (hidden < Math.max(1, size - 1)) {
      throw new IllegalArgumentException("InverseAutoregressiveFlow: hidden width " + hidden
          + " is below size - 1 = " + (size - 1) + ", so some outputs could not see all earlier"
          + " inputs");
    }
    this.made = register("made", new Made(size, hidden, contextSize, GATE_BIAS, rng));
  }

  @Override
  protected Bijection build(Tensor context) {
    return new Iaf(this, context);
  }

  private record Iaf(InverseAutoregressiveFlow layer, Tensor context) implements Bijection {

    @Override
    public int size() {
      return layer.size();
    }

    @Override
    public Mapped forward(Tensor x) {
      int d = layer.size();
      Tensor ms = layer.made.forward(x, context);
      Tensor m = ms.columns(0, d);
      Tensor s = ms.columns(d, 2 * d);
      Tensor sigma = s.sigmoid();
      Tensor y = sigma.mul(x.sub(m)).add(m); // sigma z + (1 - sigma) m
      return new Mapped(y, s.logSigmoid().rowSums());
    }

    @Override
    public String toString() {
      return layer.toString();
    }
  }
}
