package org.latentj.inference.priors;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.inference.flows.Flows;
import org.latentj.model.Posterior;
import org.latentj.model.Prior;

/**
 * A prior named on a command line: {@code standard-normal}, {@code mog:K} (a learned mixture of
 * K Gaussians), {@code vamp:K} (a VampPrior with K pseudo-inputs) or {@code flow} /
 * {@code flow:K} (K RealNVP coupling layers on N(0, I), {@value #DEFAULT_FLOW_LAYERS} when K is
 * left out).
 *
 * @param kind one of {@link Kind}
 * @param components K: mixture components, pseudo-inputs or coupling layers (0 for N(0, I))
 */
public record PriorSpec(Kind kind, int components) {

  /** The coupling layers of {@code flow} without a count. */
  public static final int DEFAULT_FLOW_LAYERS = 4;

  /** The priors by their command-line names. */
  public enum Kind { STANDARD_NORMAL, MOG, VAMP, FLOW }

  private static final String USAGE =
      " (expected standard-normal, mog:K, vamp:K, flow or flow:K with K >= 1)";

  /** Parses a prior's name; one message names what is wrong. */
  public static PriorSpec parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("standard-normal")) {
      return new PriorSpec(Kind.STANDARD_NORMAL, 0);
    }
    if (t.equals("flow")) {
      return new PriorSpec(Kind.FLOW, DEFAULT_FLOW_LAYERS);
    }
    int colon = t.indexOf(':');
    Kind kind = switch (colon < 0 ? t : t.substring(0, colon)) {
      case "mog" -> Kind.MOG;
      case "vamp" -> Kind.VAMP;
      case "flow" -> Kind.FLOW;
      default -> throw new IllegalArgumentException("prior '" + text + "' is unknown" + USAGE);
    };
    if (colon < 0) {
      throw new IllegalArgumentException("prior '" + text + "' needs a count K" + USAGE);
    }
    int k;
    try {
      k = Integer.parseInt(t.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("prior '" + text + "': '" + t.substring(colon + 1)
          + "' is not a whole number" + USAGE);
    }
    if (k < 1) {
      throw new IllegalArgumentException("prior '" + text + "': K must be >= 1, got " + k
          + USAGE);
    }
    return new PriorSpec(kind, k);
  }

  /**
   * The prior over {@code latentSize} columns.
   *
   * @param encoder the guide's posterior (used by {@code vamp} only)
   * @param data training rows whose random rows start the VampPrior's pseudo-inputs
   */
  public Prior build(int latentSize, Posterior encoder, DMatrixRMaj data,
      UniformRandomProvider rng) {
    switch (kind) {
      case MOG:
        return new MixturePrior(components, latentSize, rng);
      case VAMP:
        return VampPrior.fromData(encoder, data, components, latentSize, rng);
      case FLOW: {
        int hidden = Flows.defaultHidden(latentSize);
        return new FlowPrior(Flows.realNvp(latentSize, components, new int[] {hidden, hidden},
            0, rng));
      }
      default:
        return new StandardNormalPrior(latentSize);
    }
  }

  @Override
  public String toString() {
    return kind == Kind.STANDARD_NORMAL ? "standard-normal"
        : kind.name().toLowerCase(Locale.ROOT) + ":" + components;
  }
}
