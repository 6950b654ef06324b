package org.latentj.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.latentj.tensor.Tensor;

/**
 * The record of one run of a program: its named sample sites, in order. A program calls
 * {@link #sample} for a latent variable and {@link #observe} for data; what those calls return
 * depends on how the engine runs the program:
 *
 * <ul>
 *   <li>{@link #guide}: latent sites draw a reparameterized sample from the given distribution;
 *   <li>{@link #replay}: latent sites return the value the guide drew at the same name (Pyro's
 *       {@code poutine.replay}); a site the guide never sampled is an error;
 *   <li>{@link #generate}: latent and observed sites draw from the given distribution (ancestral
 *       sampling, no data needed).
 * </ul>
 *
 * <p>Site names are the only contract between model and guide.
 */
public final class Trace {

  /** Whether a site is a latent variable or observed data. */
  public enum Kind { LATENT, OBSERVED }

  /** One named site: its distribution and the value it took. */
  public record Site(String name, Kind kind, Distribution distribution, Tensor value) {}

  private enum Mode { GUIDE, REPLAY, GENERATE }

  private final Mode mode;
  private final UniformRandomProvider rng;
  private final Trace replayed;
  private final Map<String, Site> sites = new LinkedHashMap<>();

  private Trace(Mode mode, UniformRandomProvider rng, Trace replayed) {
    this.mode = mode;
    this.rng = rng;
    this.replayed = replayed;
  }

  /** A trace for running a guide: latent sites draw with {@code rsample}. */
  public static Trace guide(UniformRandomProvider rng) {
    return new Trace(Mode.GUIDE, rng, null);
  }

  /** A trace for running a model on the guide's latent values. */
  public static Trace replay(Trace guideTrace) {
    if (guideTrace.mode != Mode.GUIDE) {
      throw new IllegalArgumentException("Trace.replay: needs a guide trace");
    }
    return new Trace(Mode.REPLAY, null, guideTrace);
  }

  /** A trace for drawing from a model with no guide and no data. */
  public static Trace generate(UniformRandomProvider rng) {
    return new Trace(Mode.GENERATE, rng, null);
  }

  /**
   * A latent variable named {@code name} with distribution {@code dist}; returns its value.
   */
  public Tensor sample(String name, Distribution dist) {
    requireNew(name);
    Tensor value = switch (mode) {
      case GUIDE -> {
        if (!dist.hasRsample()) {
          throw new IllegalArgumentException("guide site '" + name + "': "
              + dist.getClass().getSimpleName() + " has no reparameterized sampler, which"
              + " latentj's objectives need (use a relaxed family such as"
              + " RelaxedOneHotCategorical)");
        }
        yield dist.rsample(rng);
      }
      case REPLAY -> {
        Site g = replayed.sites.get(name);
        if (g == null || g.kind() != Kind.LATENT) {
          throw new IllegalStateException("model samples latent site '" + name
              + "' that the guide never samples (guide sites: " + replayed.latentNames() + ")");
        }
        yield g.value();
      }
      case GENERATE -> dist.sample(rng);
    };
    if (value.rows() != dist.batchSize() || value.cols() != dist.eventSize()) {
      throw new IllegalStateException("site '" + name + "': value is " + value.shape()
          + " but the model's distribution is " + dist.batchSize() + "x" + dist.eventSize());
    }
    sites.put(name, new Site(name, Kind.LATENT, dist, value));
    return value;
  }

  /**
   * Observed data {@code data} under {@code dist}. In {@link #generate} mode {@code data} may be
   * null, and a value is drawn instead; the drawn or given value is returned.
   */
  public Tensor observe(String name, Distribution dist, Tensor data) {
    requireNew(name);
    if (mode == Mode.GUIDE) {
      throw new IllegalStateException("guide observes site '" + name
          + "': only the model may observe data");
    }
    Tensor value = data;
    if (value == null) {
      if (mode != Mode.GENERATE) {
        throw new IllegalArgumentException("observed site '" + name + "' has no data");
      }
      value = dist.sample(rng);
    }
    sites.put(name, new Site(name, Kind.OBSERVED, dist, value));
    return value;
  }

  private void requireNew(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("site name is empty");
    }
    if (sites.containsKey(name)) {
      throw new IllegalStateException("site '" + name + "' is used twice in one run");
    }
  }

  /** The site named {@code name}, or null. */
  public Site site(String name) {
    return sites.get(name);
  }

  /** Every site, in the order the program reached them. */
  public List<Site> sites() {
    return Collections.unmodifiableList(new ArrayList<>(sites.values()));
  }

  /** The names of the latent sites, in order. */
  public List<String> latentNames() {
    List<String> names = new ArrayList<>();
    for (Site s : sites.values()) {
      if (s.kind() == Kind.LATENT) {
        names.add(s.name());
      }
    }
    return names;
  }

  /**
   * Checks that a replayed model used every latent site the guide sampled; together with the
   * check in {@link #sample}, model and guide then agree on their latent sites exactly.
   */
  public void requireMatches(Trace guideTrace) {
    for (String name : guideTrace.latentNames()) {
      Site s = sites.get(name);
      if (s == null || s.kind() != Kind.LATENT) {
        throw new IllegalStateException("guide samples latent site '" + name
            + "' that the model never samples (model sites: " + latentNames() + ")");
      }
    }
  }
}
