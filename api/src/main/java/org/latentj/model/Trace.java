package org.latentj.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.latentj.model.handlers.Handler;
import org.latentj.model.handlers.Handlers;
import org.latentj.model.handlers.Message;
import org.latentj.model.handlers.PlateFrame;
import org.latentj.tensor.Tensor;

/**
 * The record of one run of a program: its named sample sites, in order, as a
 * {@link TraceRecorder} saw them after every handler had processed them. Objectives build their
 * bounds from traces and nothing else.
 *
 * <p>The static methods run a program under the usual handlers and return its trace:
 *
 * <ul>
 *   <li>{@link #guide}: latent sites are drawn (reparameterized where the family allows);
 *       observing is an error;
 *   <li>{@link #replay}: latent sites take the value a guide's trace holds at the same name
 *       (Pyro's {@code poutine.replay}); a site the guide never sampled is an error;
 *   <li>{@link #generate}: latent and observed sites are drawn (ancestral sampling);
 *   <li>{@link #record}: under whatever handlers the caller has entered.
 * </ul>
 *
 * <p>Site names are the only contract between model and guide.
 */
public final class Trace {

  /** Whether a site is a latent variable or observed data. */
  public enum Kind { LATENT, OBSERVED }

  /**
   * One finished site: its distribution, the value it took, and how objectives must weigh its
   * log-probability term ({@link #scale()}, {@link #mask()}).
   */
  public static final class Site {

    private final String name;
    private final Kind kind;
    private final Distribution distribution;
    private final Tensor value;
    private final double scale;
    private final Tensor mask;
    private final Map<String, Object> options;
    private final List<PlateFrame> plates;
    private final boolean drawn;
    private final boolean reparameterized;

    Site(Message m) {
      this.name = m.name();
      this.kind = m.isObserved() ? Kind.OBSERVED : Kind.LATENT;
      this.distribution = m.distribution();
      this.value = m.value();
      this.scale = m.scale();
      this.mask = m.mask();
      this.options = Collections.unmodifiableMap(new LinkedHashMap<>(m.options()));
      this.plates = List.copyOf(m.plates());
      this.drawn = m.isDrawn();
      this.reparameterized = m.isReparameterized();
    }

    public String name() {
      return name;
    }

    public Kind kind() {
      return kind;
    }

    public boolean isObserved() {
      return kind == Kind.OBSERVED;
    }

    public Distribution distribution() {
      return distribution;
    }

    public Tensor value() {
      return value;
    }

    /** The factor on the site's log-probability term (scale handlers times plate factors). */
    public double scale() {
      return scale;
    }

    /** The {@code n x 1} 0/1 row mask, or null when every row counts. */
    public Tensor mask() {
      return mask;
    }

    /** The options the program and handlers attached (Pyro's {@code infer}). */
    public Map<String, Object> options() {
      return options;
    }

    /** The plates around the site, outermost first. */
    public List<PlateFrame> plates() {
      return plates;
    }

    /** The product of the plates' {@code size / subsampleSize}: 1 unless subsampled. */
    public double subsampleScale() {
      double s = 1.0;
      for (PlateFrame f : plates) {
        s *= f.scale();
      }
      return s;
    }

    /** Whether the value was drawn in this run (not given as data, replayed or substituted). */
    public boolean isDrawn() {
      return drawn;
    }

    /** Whether the value is a reparameterized draw, so gradients pass through it. */
    public boolean isReparameterized() {
      return reparameterized;
    }

    /**
     * {@code term * scale * factor}, rows zeroed where masked: how an objective weighs this
     * site's per-row term. Returns {@code term} itself when there is nothing to do, so an
     * unscaled, unmasked site costs nothing and changes no number.
     */
    public Tensor weigh(Tensor term, double factor) {
      double c = scale * factor;
      Tensor out = c == 1.0 ? term : term.mul(c);
      return mask == null ? out : out.mul(mask);
    }

    @Override
    public String toString() {
      return "Site(" + name + ", " + kind + ", scale=" + scale + (mask == null ? "" : ", masked")
          + (plates.isEmpty() ? "" : ", plates=" + plates) + ")";
    }
  }

  private final Map<String, Site> sites = new LinkedHashMap<>();

  Trace() {}

  void add(Message m) {
    if (sites.containsKey(m.name())) {
      throw new IllegalStateException("site '" + m.name() + "' is used twice in one run");
    }
    sites.put(m.name(), new Site(m));
  }

  /** Runs {@code program} under the handlers the caller has entered and records its sites. */
  public static Trace record(Program program, Batch batch) {
    try (TraceRecorder recorder = Handlers.trace()) {
      program.run(Sites.get(), batch);
      return recorder.trace();
    }
  }

  /** Runs {@code guide} drawing its latent sites with {@code rng}. */
  public static Trace guide(Program guide, Batch batch, UniformRandomProvider rng) {
    try (Handler seed = Handlers.seed(rng); Handler g = Handlers.guide()) {
      return record(guide, batch);
    }
  }

  /** Runs {@code model} on the latent values of {@code guideTrace}. */
  public static Trace replay(Program model, Batch batch, Trace guideTrace) {
    try (Handler r = Handlers.replay(guideTrace)) {
      return record(model, batch);
    }
  }

  /** Draws from {@code model} with no guide and, where {@code batch} has none, no data. */
  public static Trace generate(Program model, Batch batch, UniformRandomProvider rng) {
    try (Handler seed = Handlers.seed(rng); Handler g = Handlers.generate()) {
      return record(model, batch);
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
   * check in replay, model and guide then agree on their latent sites exactly.
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
