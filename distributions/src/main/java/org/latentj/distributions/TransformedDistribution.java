package org.latentj.distributions;

import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.latentj.model.Distribution;
import org.latentj.tensor.Tensor;

/**
 * The push-forward of a base distribution through a bijection, {@code y = T(x)}, {@code x ~ base}:
 *
 * <pre>
 *   log p(y) = log p_base(x) - log |det dT/dx|,   x = T^-1(y)
 * </pre>
 *
 * A normalizing flow at any site: {@code TransformedDistribution.of(Normal(mu(x), sigma(x)),
 * flow)} is the guide {@code q(z|x)} of Rezende &amp; Mohamed (2015), {@code
 * of(StandardNormal, flow)} a flow prior.
 *
 * <p><b>Which values it can score.</b> Every draw ({@link #rsample}, {@link #sample}) remembers
 * its base value's log-density and the log-determinant, so {@link #logProb} of that very tensor
 * (the guide's own sample, as every pathwise objective and the importance-sampled evaluator ask
 * for) needs no inverse and is exact. Any other value is mapped back with the bijection's
 * inverse; a bijection without one (an inverse autoregressive flow) makes that an {@link
 * IllegalArgumentException} naming the flow. Values are matched by identity, not by contents.
 *
 * <p>The mean, variance and entropy have no closed form and throw {@link
 * UnsupportedOperationException}; so does {@link #detachParameters()} (the flow's parameters
 * sit inside the sample's graph), hence no DReG with a flow.
 */
public final class TransformedDistribution implements Distribution {

  private static final String FAMILY = "TransformedDistribution";

  private final Distribution base;
  private final Bijection bijection;
  /** log p(y) of every value this distribution drew, by identity. */
  private final Map<Tensor, Tensor> drawn = new IdentityHashMap<>();

  private TransformedDistribution(Distribution base, Bijection bijection) {
    this.base = base;
    this.bijection = bijection;
  }

  /**
   * {@code T(x)}, {@code x ~ base}.
   *
   * @param base any distribution; a reparameterized one makes {@link #rsample} available
   * @param bijection maps exactly {@code base.eventSize()} columns
   */
  public static TransformedDistribution of(Distribution base, Bijection bijection) {
    if (base == null || bijection == null) {
      throw new IllegalArgumentException(FAMILY + ".of: base and bijection must not be null");
    }
    if (bijection.size() != base.eventSize()) {
      throw new IllegalArgumentException(FAMILY + ".of: the flow " + bijection + " maps "
          + bijection.size() + " columns but the base distribution " + base + " has "
          + base.eventSize() + " (the flow's size must equal the latent size)");
    }
    return new TransformedDistribution(base, bijection);
  }

  public Distribution base() {
    return base;
  }

  public Bijection bijection() {
    return bijection;
  }

  @Override
  public int batchSize() {
    return base.batchSize();
  }

  @Override
  public int eventSize() {
    return base.eventSize();
  }

  @Override
  public boolean hasRsample() {
    return base.hasRsample();
  }

  /** {@code T(x)} with {@code x = base.rsample(rng)}: differentiable in both. */
  @Override
  public Tensor rsample(UniformRandomProvider rng) {
    return push(base.rsample(rng));
  }

  /** {@code T(x)} with {@code x = base.sample(rng)}, cut from the graph. */
  @Override
  public Tensor sample(UniformRandomProvider rng) {
    Tensor y = push(base.sample(rng));
    Tensor detached = y.detach();
    drawn.put(detached, drawn.get(y));
    return detached;
  }

  private Tensor push(Tensor x) {
    Bijection.Mapped m = bijection.forward(x);
    drawn.put(m.value(), base.logProb(x).sub(m.logDet()));
    return m.value();
  }

  @Override
  public Tensor logProb(Tensor value) {
    Tensor known = drawn.get(value);
    if (known != null) {
      return known;
    }
    Checks.valueShape(FAMILY + ".logProb: value", value, batchSize(), eventSize());
    if (!bijection.hasInverse()) {
      throw new IllegalArgumentException(FAMILY + ".logProb: the value was not drawn by this"
          + " distribution and its flow " + bijection + " has no inverse, so its density is"
          + " known only at its own draws (score the guide's own samples, or use an invertible"
          + " flow: planar, radial, coupling)");
    }
    Bijection.Mapped back = bijection.inverse(value);
    return base.logProb(back.value()).add(back.logDet());
  }

  @Override
  public Tensor mean() {
    throw new UnsupportedOperationException(FAMILY + " (" + bijection
        + ") has no closed-form mean; average draws instead");
  }

  @Override
  public Tensor variance() {
    throw new UnsupportedOperationException(FAMILY + " (" + bijection
        + ") has no closed-form variance; use the variance of draws instead");
  }

  @Override
  public String toString() {
    return FAMILY + "[" + base + " -> " + bijection + "]";
  }
}
