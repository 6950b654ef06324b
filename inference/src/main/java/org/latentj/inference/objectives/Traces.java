package org.latentj.inference.objectives;

import java.util.ArrayList;
import java.util.List;
import org.latentj.model.Trace;
import org.latentj.tensor.Tensor;

/**
 * A guide's trace and the model's trace replayed on it, for k particles per example, with what
 * objectives need to weigh their sites: which sites are per row and which global, and the
 * factors that turn a site's term into nats per example (see {@link ParticleObjective}).
 */
public final class Traces {

  private final Trace model;
  private final Trace guide;
  private final int rows;
  private final int particles;
  private final double subsampleScale;

  Traces(Trace model, Trace guide, int rows, int particles) {
    this.model = model;
    this.guide = guide;
    this.rows = rows;
    this.particles = particles;
    this.subsampleScale = dataSubsampleScale(model);
    requireRowsOrGlobal(model);
    requireRowsOrGlobal(guide);
  }

  public Trace model() {
    return model;
  }

  public Trace guide() {
    return guide;
  }

  /** The rows of a per-row site: examples times particles. */
  public int rows() {
    return rows;
  }

  public int particles() {
    return particles;
  }

  /** The distinct examples of the minibatch. */
  public int examples() {
    return rows / particles;
  }

  /**
   * r, the plate subsample factor of the observed data: the minibatch stands for {@code r}
   * times as many examples as it holds.
   */
  public double subsampleScale() {
    return subsampleScale;
  }

  /**
   * Whether {@code s} is global: one row per particle ({@code k} rows, see
   * {@code Batch.particleRows}) or one row shared by all, while the batch has more rows.
   */
  public boolean isGlobal(Trace.Site s) {
    int n = s.distribution().batchSize();
    return rows > 1 && n != rows && (n == 1 || n == particles);
  }

  /** The latent sites with one row per example and particle, in the guide's order. */
  public List<String> rowLatentNames() {
    List<String> names = new ArrayList<>();
    for (String name : guide.latentNames()) {
      if (!isGlobal(guide.site(name))) {
        names.add(name);
      }
    }
    return names;
  }

  /** Whether any site of either trace is global. */
  public boolean hasGlobalSites() {
    return model.sites().stream().anyMatch(this::isGlobal)
        || guide.sites().stream().anyMatch(this::isGlobal);
  }

  /**
   * A site's term in nats per example: a per-row term times {@code scale / r}, a global one times
   * {@code scale / (n r g)} where g is its rows (1 shared, or k particles, which are averaged);
   * masked rows zeroed.
   */
  public Tensor weigh(Trace.Site s, Tensor term) {
    if (!isGlobal(s)) {
      return s.weigh(term, 1.0 / subsampleScale);
    }
    int g = s.distribution().batchSize();
    return s.weigh(term, 1.0 / (subsampleScale * examples() * g));
  }

  /**
   * {@code sum over per-row observed sites of log p(x | ...)}, weighed, per row.
   *
   * @throws IllegalStateException when the model observes nothing
   */
  public Tensor rowObserved() {
    Tensor sum = null;
    boolean any = false;
    for (Trace.Site s : model.sites()) {
      if (s.isObserved()) {
        any = true;
        if (!isGlobal(s)) {
          sum = LogWeights.plus(sum, weigh(s, s.distribution().logProb(s.value())));
        }
      }
    }
    if (!any) {
      throw new IllegalStateException("the model observes no data: a bound needs at least one"
          + " sites.observe(...) site");
    }
    return sum == null ? Tensor.zeros(rows, 1) : sum;
  }

  /**
   * Pathwise-gradient objectives need every drawn guide site to be reparameterized; the message
   * names the site and the family and suggests the relaxed family.
   */
  static void requireReparameterized(Trace guide) {
    for (Trace.Site s : guide.sites()) {
      if (s.isDrawn() && !s.isReparameterized()) {
        throw new IllegalArgumentException("guide site '" + s.name() + "': "
            + s.distribution().getClass().getSimpleName() + " has no reparameterized sampler,"
            + " which latentj's pathwise objectives need (use a relaxed family such as"
            + " RelaxedOneHotCategorical)");
      }
    }
  }

  private void requireRowsOrGlobal(Trace t) {
    for (Trace.Site s : t.sites()) {
      int n = s.distribution().batchSize();
      if (n != rows && n != 1 && n != particles) {
        throw new IllegalStateException("site '" + s.name() + "' has " + n + " rows; a site is"
            + " per example (" + rows + " rows = " + examples() + " examples x " + particles
            + " particles) or global (" + particles + " rows, one per particle, or 1 shared)");
      }
    }
  }

  private static double dataSubsampleScale(Trace model) {
    for (Trace.Site s : model.sites()) {
      if (s.isObserved() && !s.plates().isEmpty()) {
        return s.subsampleScale();
      }
    }
    return 1.0;
  }
}
