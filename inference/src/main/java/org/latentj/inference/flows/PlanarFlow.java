package org.latentj.inference.flows;

import org.apache.commons.rng.UniformRandomProvider;
import org.latentj.distributions.Bijection;
import org.latentj.tensor.Tensor;

/**
 * The planar flow of Rezende &amp; Mohamed (2015, section 4.1 and appendix A.1):
 *
 * <pre>
 *   f(z) = z + u-hat tanh(w^T z + b)
 *   log |det df/dz| = log |1 + (1 - tanh^2(w^T z + b)) w^T u-hat|
 *   u-hat = u + (m(w^T u) - w^T u) w / |w|^2,   m(a) = -1 + softplus(a)
 * </pre>
 *
 * The reparameterisation {@code u-hat} keeps {@code w^T u-hat = m(w^T u) > -1}, which makes f
 * invertible and the determinant positive. The inverse solves one scalar equation per row
 * ({@link PlanarInverse}) and is differentiable, so a planar flow can score any value.
 *
 * <p>Parameters {@code u}, {@code w} ({@code d} each) and {@code b}: global, or for an amortized
 * layer computed per row from the context by a linear map (parameter {@code uwb}).
 */
public final class PlanarFlow extends FlowLayer {

  private final FlowParameters uwb;

  /**
   * @param size the latent size d
   * @param contextSize 0 for global parameters, else the context width per row
   */
  public PlanarFlow(int size, int contextSize, UniformRandomProvider rng) {
    super("PlanarFlow", size, contextSize);
    this.uwb = parameters("uwb", 2 * size + 1, rng);
  }

  @Override
  protected Bijection build(Tensor context) {
    int d = size();
    Tensor raw = uwb.raw(context);
    Tensor u = raw.columns(0, d);
    Tensor w = raw.columns(d, 2 * d);
    Tensor b = raw.columns(2 * d, 2 * d + 1);
    Tensor wu = w.mul(u).rowSums();
    Tensor c = wu.softplus().sub(1); // w^T u-hat = m(w^T u), exactly
    Tensor uHat = u.add(w.mul(c.sub(wu).div(w.square().rowSums())));
    return new Planar(this, uHat, w, b, c);
  }

  private record Planar(PlanarFlow layer, Tensor uHat, Tensor w, Tensor b, Tensor c)
      implements Bijection {

    @Override
    public int size() {
      return layer.size();
    }

    @Override
    public Mapped forward(Tensor x) {
      Tensor h = x.mul(w).rowSums().add(b).tanh();
      return new Mapped(x.add(uHat.mul(h)), logDet(h));
    }

    @Override
    public boolean hasInverse() {
      return true;
    }

    @Override
    public Mapped inverse(Tensor y) {
      int n = y.rows();
      Tensor zeros = Tensor.zeros(n, 1, y.dtype());
      Tensor s = y.mul(w).rowSums();
      Tensor a = Tensor.apply(PlanarInverse.INSTANCE, s, c.add(zeros), b.add(zeros));
      Tensor h = a.add(b).tanh();
      return new Mapped(y.sub(uHat.mul(h)), logDet(h).neg());
    }

    /** {@code log(1 + (1 - h^2) c)}: positive argument since {@code c > -1}. */
    private Tensor logDet(Tensor h) {
      return h.square().neg().add(1).mul(c).add(1).log();
    }

    @Override
    public String toString() {
      return layer.toString();
    }
  }
}
