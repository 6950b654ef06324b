package org.latentj.inference.flows;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A flow named on a command line: {@code planar:K}, {@code radial:K}, {@code iaf:K} or
 * {@code realnvp:K}, K layers of that kind with default hidden widths
 * ({@link Flows#defaultHidden}).
 *
 * @param kind one of {@link Kind}
 * @param layers K, at least 1
 */
public record FlowSpec(Kind kind, int layers) {

  /** The flow families by their command-line names. */
  public enum Kind { PLANAR, RADIAL, IAF, REALNVP }

  public FlowSpec {
    if (kind == null) {
      throw new IllegalArgumentException("FlowSpec: kind is null");
    }
    if (layers < 1) {
      throw new IllegalArgumentException("FlowSpec: a flow needs at least one layer, got "
          + layers);
    }
  }

  /** Parses {@code kind:K}, e.g. {@code iaf:4}; one message names what is wrong. */
  public static FlowSpec parse(String text) {
    String usage = " (expected planar:K, radial:K, iaf:K or realnvp:K with K >= 1)";
    if (text == null || !text.contains(":")) {
      throw new IllegalArgumentException("flow '" + text + "' has no layer count" + usage);
    }
    String name = text.substring(0, text.indexOf(':')).trim();
    String count = text.substring(text.indexOf(':') + 1).trim();
    Kind kind;
    try {
      kind = Kind.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("flow '" + text + "': unknown kind '" + name + "'"
          + usage);
    }
    int layers;
    try {
      layers = Integer.parseInt(count);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("flow '" + text + "': layer count '" + count
          + "' is not a whole number" + usage);
    }
    if (layers < 1) {
      throw new IllegalArgumentException("flow '" + text + "': layer count must be >= 1" + usage);
    }
    return new FlowSpec(kind, layers);
  }

  /** The flow over {@code size} columns, reading {@code contextSize} context columns (0: none). */
  public Flow build(int size, int contextSize, UniformRandomProvider rng) {
    int hidden = Flows.defaultHidden(size);
    switch (kind) {
      case PLANAR:
        return Flows.planar(size, layers, contextSize, rng);
      case RADIAL:
        return Flows.radial(size, layers, contextSize, rng);
      case IAF:
        return Flows.iaf(size, layers, hidden, contextSize, rng);
      default:
        return Flows.realNvp(size, layers, new int[] {hidden, hidden}, contextSize, rng);
    }
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(Locale.ROOT) + ":" + layers;
  }
}
