package org.latentj.inference.flows;

import org.apache.commons.rng.UniformRandomProvider;
import org.latentj.distributions.Bijection;
import org.latentj.tensor.Tensor;

/**
 * The radial flow of Rezende &amp; Mohamed (2015, section 4.1 and appendix A.2):
 *
 * <pre>
 *   f(z) = z + beta h(r) (z - z0),   r = |z - z0|,   h(r) = 1 / (alpha + r)
 *   log |det df/dz| = (d - 1) log(1 + beta h) + log(1 + beta h + beta h'(r) r)
 *                   = (d - 1) log(1 + beta h) + log(1 + alpha beta h^2)
 *   alpha = softplus(a),   beta = -alpha + softplus(b')
 * </pre>
 *
 * {@code beta >= -alpha} makes f invertible. The inverse is closed-form: {@code |f(z) - z0| =
 * r (1 + beta h(r))} is a quadratic in r ({@link RadialInverse}), and then {@code z - z0 =
 * (f(z) - z0) / (1 + beta h(r))}.
 *
 * <p>Parameters {@code z0} ({@code d}), {@code a}, {@code b'}: global, or per row from the
 * context (parameter {@code z0ab}).
 */
public final class RadialFlow extends FlowLayer {

  private final FlowParameters z0ab;

  public RadialFlow(int size, int contextSize, UniformRandomProvider rng) {
    super("RadialFlow", size, contextSize);
    this.z0ab = parameters("z0ab", size + 2, rng);
  }

  @Override
  protected Bijection build(Tensor context) {
    int d = size();
    Tensor raw = z0ab.raw(context);
    Tensor alpha = raw.columns(d, d + 1).softplus();
    Tensor beta = raw.columns(d + 1, d + 2).softplus().sub(alpha);
    return new Radial(this, raw.columns(0, d), alpha, beta);
  }

  private record Radial(RadialFlow layer, Tensor z0, Tensor alpha, Tensor beta)
      implements Bijection {

    @Override
    public int size() {
      return layer.size();
    }

    @Override
    public Mapped forward(Tensor x) {
      Tensor diff = x.sub(z0);
      Tensor r = diff.square().rowSums().sqrt();
      Tensor h = r.add(alpha).rdiv(1.0);
      Tensor gain = beta.mul(h).add(1); // 1 + beta h
      return new Mapped(z0.add(diff.mul(gain)), logDet(gain, h));
    }

    @Override
    public boolean hasInverse() {
      return true;
    }

    @Override
    public Mapped inverse(Tensor y) {
      Tensor diff = y.sub(z0);
      Tensor ry = diff.square().rowSums().sqrt();
      // r (alpha + r) + beta r = ry (alpha + r):  r^2 + (alpha + beta - ry) r - ry alpha = 0
      Tensor r = Tensor.apply(RadialInverse.INSTANCE, alpha.add(beta).sub(ry),
          ry.mul(alpha));
      Tensor h = r.add(alpha).rdiv(1.0);
      Tensor gain = beta.mul(h).add(1);
      return new Mapped(z0.add(diff.div(gain)), logDet(gain, h).neg());
    }

    private Tensor logDet(Tensor gain, Tensor h) {
      Tensor radial = alpha.mul(beta).mul(h.square()).add(1).log();
      return layer.size() == 1 ? radial : gain.log().mul(layer.size() - 1).add(radial);
    }

    @Override
    public String toString() {
      return layer.toString();
    }
  }
}
