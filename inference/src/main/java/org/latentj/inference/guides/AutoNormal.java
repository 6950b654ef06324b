package org.latentj.inference.guides;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.latentj.distributions.Normal;
import org.latentj.model.Batch;
import org.latentj.model.Program;
import org.latentj.model.Sites;
import org.latentj.nn.Module;
import org.latentj.nn.Parameter;
import org.latentj.tensor.Tensor;

/**
 * A mean-field Gaussian guide for global sites that owns its parameters (Pyro's
 * {@code AutoNormal}): for each named site of width d,
 *
 * <pre>q(w) = N(loc, diag softplus(rawScale)^2),   loc, rawScale in R^{1 x d}</pre>
 *
 * The site is global: it has one row per particle ({@code batch.particles()} rows, each an
 * independent draw), which the model lays out against its data rows with
 * {@code Batch.particleRows}. Parameters are {@code <site>.loc} (initially 0) and
 * {@code <site>.rawScale} (initially {@code softplus^-1(initScale)}); softplus keeps the scale
 * positive with a gradient that does not vanish for small scales as {@code exp} would for large
 * ones.
 *
 * <pre>{@code
 * AutoNormal guide = AutoNormal.builder().site("w", 5).initScale(0.1).build();
 * }</pre>
 */
public final class AutoNormal extends Program {

  /** One site's variational parameters. */
  private static final class SiteParameters extends Module {
    final Parameter loc;
    final Parameter rawScale;

    SiteParameters(int width, double initScale) {
      this.loc = register(new Parameter("loc", new DMatrixRMaj(1, width)));
      DMatrixRMaj raw = new DMatrixRMaj(1, width);
      raw.fill(Math.log(Math.expm1(initScale)));
      this.rawScale = register(new Parameter("rawScale", raw));
    }
  }

  private final Map<String, SiteParameters> sites = new LinkedHashMap<>();
  private final boolean antithetic;

  private AutoNormal(Map<String, Integer> widths, double initScale, boolean antithetic) {
    this.antithetic = antithetic;
    if (widths.isEmpty()) {
      throw new IllegalArgumentException("AutoNormal: needs at least one site");
    }
    widths.forEach((name, width) -> {
      if (width < 1) {
        throw new IllegalArgumentException("AutoNormal: site '" + name + "' has width " + width
            + "; a width is at least 1");
      }
      sites.put(name, register(name, new SiteParameters(width, initScale)));
    });
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void run(Sites s, Batch batch) {
    for (String name : sites.keySet()) {
      int k = batch.particles();
      if (antithetic && k % 2 != 0) {
        throw new IllegalArgumentException("AutoNormal: antithetic draws come in pairs, so the"
            + " objective needs an even number of particles, got " + k);
      }
      Normal q = distribution(name, k);
      s.sample(name, antithetic && k > 1 ? new AntitheticNormal(q) : q);
    }
  }

  /**
   * {@code q} at site {@code name} for {@code k} particles, a {@code k x d} Normal (the same law
   * in every row), differentiable in the parameters.
   */
  public Normal distribution(String name, int k) {
    SiteParameters p = parametersOf(name);
    Tensor loc = p.loc.tensor();
    Tensor scale = p.rawScale.tensor().softplus();
    return k == 1 ? Normal.ofScale(loc, scale)
        : Normal.ofScale(loc.repeatRows(k), scale.repeatRows(k));
  }

  /** The mean of {@code q} at {@code name} (a copy). */
  public DMatrixRMaj loc(String name) {
    return parametersOf(name).loc.value().copy();
  }

  /** The standard deviations of {@code q} at {@code name}. */
  public DMatrixRMaj scale(String name) {
    return Tensor.constant(parametersOf(name).rawScale.value()).softplus().value().copy();
  }

  private SiteParameters parametersOf(String name) {
    SiteParameters p = sites.get(name);
    if (p == null) {
      throw new IllegalArgumentException("AutoNormal: no site '" + name + "' (sites: "
          + sites.keySet() + ")");
    }
    return p;
  }

  @Override
  public String toString() {
    return "AutoNormal(sites=" + sites.keySet() + (antithetic ? ", antithetic" : "") + ")";
  }

  /** The sites and their widths, in the order the guide samples them. */
  public static final class Builder {
    private final Map<String, Integer> widths = new LinkedHashMap<>();
    private double initScale = 0.1;
    private boolean antithetic;

    private Builder() {}

    /** A global site {@code name} of {@code width} columns. */
    public Builder site(String name, int width) {
      if (widths.putIfAbsent(name, width) != null) {
        throw new IllegalArgumentException("AutoNormal: site '" + name + "' is given twice");
      }
      return this;
    }

    /** The initial standard deviation of every site (0.1 unless set, as in Pyro). */
    public Builder initScale(double scale) {
      if (!(scale > 0) || Double.isInfinite(scale)) {
        throw new IllegalArgumentException("AutoNormal: initScale must be finite and positive,"
            + " got " + scale);
      }
      this.initScale = scale;
      return this;
    }

    /**
     * Draws the particles in antithetic pairs ({@code eps} and {@code -eps}; needs an even number
     * of particles): unbiased, and much less noisy scale gradients on subsampled data.
     */
    public Builder antithetic(boolean on) {
      this.antithetic = on;
      return this;
    }

    public AutoNormal build() {
      return new AutoNormal(widths, initScale, antithetic);
    }
  }
}
