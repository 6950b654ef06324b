package org.latentj.inference.flows;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.distributions.Bijection;
import org.latentj.nn.Activation;
import org.latentj.nn.Initializer;
import org.latentj.nn.Layer;
import org.latentj.nn.Linear;
import org.latentj.nn.Mlp;
import org.latentj.nn.Parameter;
import org.latentj.nn.Sequential;
import org.latentj.tensor.Tensor;

/**
 * The affine coupling layer of RealNVP (Dinh, Sohl-Dickstein &amp; Bengio 2017, section 3), with a
 * binary mask {@code b} over the columns:
 *
 * <pre>
 *   [s~, t] = net(b .* x [, h])
 *   s = (1 - b) .* scale .* tanh(s~),   t = (1 - b) .* t
 *   y = x .* exp(s) + t                  (columns with b = 1 pass through unchanged)
 *   log |det dy/dx| = sum_j s_j
 *   x = (y - t) .* exp(-s)               (s, t computed from b .* y = b .* x)
 * </pre>
 *
 * The log-scale is bounded by {@code tanh} times a learned per-column {@code scale} (starting at
 * 1), which keeps early steps from exploding. The mask alternates with the layer's parity
 * ({@code b_j = 1} when {@code j + parity} is even), so two consecutive layers change every
 * column. The network's last layer starts near zero, so a new layer is nearly the identity.
 */
public final class AffineCoupling extends FlowLayer {

  private final Layer net;
  private final Parameter scale;
  private final Tensor keep;
  private final Tensor change;
  private final int parity;

  /**
   * @param parity 0 or 1: which alternating half of the columns passes through
   * @param hidden the conditioner's hidden widths (at least one)
   */
  public AffineCoupling(int size, int parity, int[] hidden, int contextSize,
      UniformRandomProvider rng) {
    super("AffineCoupling", size, contextSize);
    if (parity != 0 && parity != 1) {
      throw new IllegalArgumentException("AffineCoupling: parity must be 0 or 1, got " + parity);
    }
    if (hidden == null || hidden.length == 0) {
      throw new IllegalArgumentException("AffineCoupling: needs at least one hidden width");
    }
    this.parity = parity;
    int[] sizes = new int[hidden.length + 1];
    sizes[0] = size + contextSize;
    System.arraycopy(hidden, 0, sizes, 1, hidden.length);
    Mlp body = new Mlp(sizes, Activation.RELU, Initializer.lecunUniform(), rng);
    Linear last = new Linear(hidden[hidden.length - 1], 2 * size,
        Initializer.normal(INITIAL_SD), rng);
    this.net = register("net", new Sequential(List.of(body, Activation.RELU.layer(), last)));
    DMatrixRMaj one = new DMatrixRMaj(1, size);
    one.fill(1);
    this.scale = register(new Parameter("scale", one));
    DMatrixRMaj b = new DMatrixRMaj(1, size);
    DMatrixRMaj notB = new DMatrixRMaj(1, size);
    for (int j = 0; j < size; j++) {
      boolean passes = (j + parity) % 2 == 0;
      b.data[j] = passes ? 1 : 0;
      notB.data[j] = passes ? 0 : 1;
    }
    this.keep = Tensor.constant(b);
    this.change = Tensor.constant(notB);
  }

  @Override
  protected Bijection build(Tensor context) {
    return new Coupling(this, context);
  }

  /** {@code [s | t]} from the columns that pass through (the same for x and y). */
  private Tensor[] scaleAndShift(Tensor passing, Tensor context) {
    Tensor in = context == null ? passing : Tensor.concatColumns(passing, context);
    Tensor out = net.forward(in);
    int d = size();
    // The masks are float64 constants; a float32 model meets them in its own dtype.
    Tensor c = change.to(out.dtype());
    Tensor s = out.columns(0, d).tanh().mul(scale.tensor()).mul(c);
    Tensor t = out.columns(d, 2 * d).mul(c);
    return new Tensor[] {s, t};
  }

  private record Coupling(AffineCoupling layer, Tensor context) implements Bijection {

    @Override
    public int size() {
      return layer.size();
    }

    @Override
    public Mapped forward(Tensor x) {
      Tensor[] st = layer.scaleAndShift(x.mul(layer.keep.to(x.dtype())), context);
      return new Mapped(x.mul(st[0].exp()).add(st[1]), st[0].rowSums());
    }

    @Override
    public boolean hasInverse() {
      return true;
    }

    @Override
    public Mapped inverse(Tensor y) {
      Tensor[] st = layer.scaleAndShift(y.mul(layer.keep.to(y.dtype())), context);
      return new Mapped(y.sub(st[1]).mul(st[0].neg().exp()), st[0].rowSums().neg());
    }

    @Override
    public String toString() {
      return layer.toString();
    }
  }

  @Override
  public String toString() {
    return "AffineCoupling(" + size() + ", parity " + parity
        + (contextSize() == 0 ? "" : ", context " + contextSize()) + ")";
  }
}
