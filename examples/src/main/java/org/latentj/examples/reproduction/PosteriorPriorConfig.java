package org.latentj.examples.reproduction;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.latentj.distributions.NormalHead;
import org.latentj.inference.flows.FlowHead;
import org.latentj.inference.flows.FlowSpec;
import org.latentj.inference.priors.PriorSpec;
import org.latentj.model.Head;
import org.latentj.model.Posterior;
import org.latentj.model.Prior;

/**
 * One row of the flows-and-priors table: a posterior and a prior. {@code normal} is the
 * baseline (diagonal Normal posterior, N(0, I) prior); {@code planar:K}, {@code radial:K},
 * {@code iaf:K} and {@code realnvp:K} swap the posterior for an amortized flow on the diagonal
 * Normal (context = d extra encoder outputs); {@code mog:K} and {@code vamp:K} swap the prior for
 * a K-component mixture or a VampPrior with K pseudo-inputs.
 *
 * @param flow the posterior's flow, or null for the diagonal Normal
 * @param prior the prior
 */
record PosteriorPriorConfig(String name, FlowSpec flow, PriorSpec prior) {

  static final String DEFAULTS = "normal,planar:8,iaf:4,mog:50,vamp:200";

  static PosteriorPriorConfig parse(String text) {
    String name = text.trim();
    PriorSpec standard = PriorSpec.parse("standard-normal");
    if (name.equals("normal")) {
      return new PosteriorPriorConfig(name, null, standard);
    }
    try {
      if (name.startsWith("mog:") || name.startsWith("vamp:")) {
        return new PosteriorPriorConfig(name, null, PriorSpec.parse(name));
      }
      return new PosteriorPriorConfig(name, FlowSpec.parse(name), standard);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("PosteriorPriorConfig: '" + name + "' is not normal,"
          + " a flow posterior (planar:K, radial:K, iaf:K, realnvp:K) or a prior (mog:K,"
          + " vamp:K)");
    }
  }

  static List<PosteriorPriorConfig> parseList(String names) {
    List<PosteriorPriorConfig> out = new ArrayList<>();
    for (String n : names.split(",")) {
      if (!n.isBlank()) {
        out.add(parse(n));
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("PosteriorPriorConfig: no configuration in '" + names
          + "'");
    }
    return out;
  }

  /** The encoder's head: the diagonal Normal's, or a flow on it reading d context columns. */
  Head posteriorHead(int latent, UniformRandomProvider rng) {
    return flow == null ? NormalHead.meanAndLogVariance()
        : new FlowHead(flow.build(latent, latent, rng));
  }

  /** The prior; a VampPrior's pseudo-inputs start at random training images. */
  Prior prior(Posterior encoder, DMatrixRMaj train, int latent, UniformRandomProvider rng) {
    return prior.build(latent, encoder, train, rng);
  }
}
